package dev.queuebench.persistence;

import dev.queuebench.ports.out.TableMaintenancePort;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/** {@code VACUUM ANALYZE} on an autocommit connection (VACUUM cannot run inside a transaction). */
final class PostgresTableMaintenance implements TableMaintenancePort {

    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    private final DataSource dataSource;

    PostgresTableMaintenance(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void vacuumAnalyze(List<String> tables) {
        if (tables.isEmpty()) {
            return;
        }
        for (String table : tables) {
            if (!TABLE_NAME.matcher(table).matches()) {
                throw new IllegalArgumentException("not a table name: '" + table + "'");
            }
        }
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("vacuum analyze " + String.join(", ", tables));
        } catch (SQLException e) {
            throw new IllegalStateException("VACUUM ANALYZE of " + tables + " failed: " + e.getMessage(), e);
        }
    }
}

package dev.queuebench.ports.spi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/** What backends do with their job tables, in SQL every backend shares. */
public final class Tables {

    private Tables() {
    }

    /**
     * Empties the tables as if new, in one {@code TRUNCATE} (tables whose foreign keys point at each other go
     * together): no dead rows remain, and PostgreSQL forgets their statistics, as for a freshly installed scheduler
     * (see {@link QueueBackend#clearTables()}).
     */
    public static void truncate(DataSource dataSource, List<String> tables) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("truncate " + String.join(", ", tables));
        } catch (SQLException e) {
            throw new IllegalStateException("could not clear " + String.join(", ", tables) + ": " + e.getMessage(), e);
        }
    }

    /** The single number a {@code select count(*) ...} returns, with its parameters bound in order. */
    public static long count(DataSource dataSource, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count (" + sql + "): " + e.getMessage(), e);
        }
    }
}

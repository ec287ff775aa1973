package dev.queuebench.persistence.postgres;

import dev.queuebench.domain.measure.DatabaseSample;
import dev.queuebench.ports.out.DatabaseMetricsPort;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What PostgreSQL says about itself: its version, the settings that move results, and the statistics sampled during
 * a run ({@code pg_stat_database}, {@code pg_stat_user_tables}, {@code pg_locks}).
 */
public final class PostgresMetrics implements DatabaseMetricsPort {

    /**
     * The settings that change how fast commits and scans are, how many sessions may run, and whether the backends'
     * tables get statistics while they fill (autovacuum: a server without it plans every poll on an unanalyzed table).
     */
    public static final List<String> SETTINGS_THAT_MOVE_RESULTS = List.of("synchronous_commit", "fsync",
            "shared_buffers", "max_connections", "wal_level", "work_mem", "autovacuum");

    private final DataSource dataSource;

    public PostgresMetrics(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** E.g. {@code PostgreSQL 18.6 on x86_64-pc-linux-gnu, ...}; throws when the server cannot be reached. */
    public String version() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("select version()");
             ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getString(1);
        }
    }

    @Override
    public Map<String, String> facts() {
        Map<String, String> facts = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select name, current_setting(name) from pg_settings where name = any (?)")) {
            facts.put("postgres.version", connection.getMetaData().getDatabaseProductVersion());
            statement.setArray(1, connection.createArrayOf("text", SETTINGS_THAT_MOVE_RESULTS.toArray()));
            Map<String, String> settings = new LinkedHashMap<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    settings.put(result.getString(1), result.getString(2));
                }
            }
            SETTINGS_THAT_MOVE_RESULTS.stream().filter(settings::containsKey)
                    .forEach(name -> facts.put("postgres." + name, settings.get(name)));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read PostgreSQL's version and settings: " + e.getMessage(), e);
        }
        return facts;
    }

    @Override
    public DatabaseSample sample(List<String> backendTables) {
        try (Connection connection = dataSource.getConnection()) {
            long[] counters = counters(connection);
            long[] tables = tables(connection, backendTables);
            return new DatabaseSample(counters[0], counters[1], counters[2], counters[3], tables[0], tables[1],
                    waitingSessions(connection));
        } catch (SQLException e) {
            throw new IllegalStateException("could not sample PostgreSQL statistics: " + e.getMessage(), e);
        }
    }

    private static long[] counters(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select xact_commit, tup_inserted,"
                + " tup_updated, tup_deleted from pg_stat_database where datname = current_database()");
             ResultSet result = statement.executeQuery()) {
            if (!result.next()) {
                return new long[4];
            }
            return new long[] {result.getLong(1), result.getLong(2), result.getLong(3), result.getLong(4)};
        }
    }

    private static long[] tables(Connection connection, List<String> names) throws SQLException {
        if (names.isEmpty()) {
            return new long[2];
        }
        try (PreparedStatement statement = connection.prepareStatement("select coalesce(sum(s.n_live_tup), 0),"
                + " coalesce(sum(pg_total_relation_size(s.relid)), 0) from pg_stat_user_tables s"
                + " where s.relid in (select to_regclass(name)::oid from unnest(?::text[]) as name)")) {
            statement.setArray(1, connection.createArrayOf("text", names.toArray()));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return new long[] {result.getLong(1), result.getLong(2)};
            }
        }
    }

    private static int waitingSessions(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select count(distinct pid) from pg_locks where not granted");
             ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getInt(1);
        }
    }
}

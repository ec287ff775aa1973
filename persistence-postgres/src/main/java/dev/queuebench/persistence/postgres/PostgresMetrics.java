package dev.queuebench.persistence.postgres;

import dev.queuebench.domain.measure.DatabaseSample;
import dev.queuebench.domain.measure.StatementCounters;
import dev.queuebench.ports.out.DatabaseMetricsPort;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What PostgreSQL says about itself: its version, the settings that move results, the statistics sampled during
 * a run ({@code pg_stat_database}, {@code pg_stat_user_tables}, {@code pg_locks}), for a server on this machine the
 * CPU of its processes, and, where the server loads {@code pg_stat_statements}, its statistics per statement.
 */
public final class PostgresMetrics implements DatabaseMetricsPort {

    private static final System.Logger LOG = System.getLogger(PostgresMetrics.class.getName());

    /**
     * The settings that change how fast commits and scans are, how many sessions may run, and whether the backends'
     * tables get statistics while they fill (autovacuum: a server without it plans every poll on an unanalyzed table).
     */
    public static final List<String> SETTINGS_THAT_MOVE_RESULTS = List.of("synchronous_commit", "fsync",
            "shared_buffers", "max_connections", "wal_level", "work_mem", "autovacuum");

    private final DataSource dataSource;
    private final LocalServerCpu serverCpu = new LocalServerCpu();
    /** Why the server gives no statement statistics; {@code null} until asked, empty when it gives them. */
    private volatile String statementsUnavailable;

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
            String unavailable = statementsUnavailable(connection);
            facts.put(STATEMENTS_FACT, unavailable.isEmpty() ? "on" : "off: " + unavailable);
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
                    waitingSessions(connection), serverCpuLoad(connection));
        } catch (SQLException e) {
            throw new IllegalStateException("could not sample PostgreSQL statistics: " + e.getMessage(), e);
        }
    }

    /**
     * {@code pg_stat_statements} for the current database, creating the extension the first time where the server
     * loads its library but the database lacks it; {@link StatementCounters#NONE} where the server does not load it,
     * or the user may not create it.
     */
    @Override
    public StatementCounters statements() {
        try (Connection connection = dataSource.getConnection()) {
            if (!statementsUnavailable(connection).isEmpty()) {
                return StatementCounters.NONE;
            }
            Map<Long, StatementCounters.Counter> counters = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement("select s.queryid, s.query, s.calls,"
                    + " s.total_exec_time, s.rows from pg_stat_statements s join pg_database d on d.oid = s.dbid"
                    + " where d.datname = current_database() and s.queryid is not null");
                 ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    // one query id can have two rows (top-level and nested, or two users): add them up
                    counters.merge(result.getLong(1), new StatementCounters.Counter(result.getString(2),
                            result.getLong(3), result.getDouble(4), result.getLong(5)), PostgresMetrics::sum);
                }
            }
            return new StatementCounters(counters);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read pg_stat_statements: " + e.getMessage(), e);
        }
    }

    private static StatementCounters.Counter sum(StatementCounters.Counter a, StatementCounters.Counter b) {
        return new StatementCounters.Counter(a.query(), a.calls() + b.calls(), a.totalMillis() + b.totalMillis(),
                a.rows() + b.rows());
    }

    /** Empty when the statistics can be read; else why not. Asked once per instance. */
    private String statementsUnavailable(Connection connection) {
        String known = statementsUnavailable;
        if (known != null) {
            return known;
        }
        String why;
        try {
            if (!preloaded(connection)) {
                why = "the server does not load it (shared_preload_libraries)";
            } else {
                try (PreparedStatement create = connection.prepareStatement(
                        "create extension if not exists pg_stat_statements")) {
                    create.execute();
                } catch (SQLException e) {
                    // another node may have created it at the same moment; reading it tells
                    LOG.log(System.Logger.Level.DEBUG, "creating pg_stat_statements: " + e.getMessage());
                }
                try (PreparedStatement probe = connection.prepareStatement("select 1 from pg_stat_statements limit 1");
                     ResultSet ignored = probe.executeQuery()) {
                    why = "";
                }
            }
        } catch (SQLException e) {
            why = e.getMessage();
        }
        statementsUnavailable = why;
        return why;
    }

    private static boolean preloaded(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select 'pg_stat_statements' = any (string_to_array(replace(current_setting("
                        + "'shared_preload_libraries'), ' ', ''), ','))");
             ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getBoolean(1);
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

    /**
     * The share of all cores the server's processes used since the previous sample, for a server on this machine
     * (reached over a local socket or a loopback address, and seen in {@code /proc}); -1 elsewhere, and at the first
     * sample.
     */
    private double serverCpuLoad(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_backend_pid(),"
                + " inet_server_addr() is null or inet_server_addr() <<= any (array['127.0.0.0/8'::inet, '::1/128'])");
             ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getBoolean(2) ? serverCpu.read(result.getLong(1)).orElse(-1) : -1;
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

package dev.queuebench.common;

import com.zaxxer.hikari.HikariDataSource;
import dev.queuebench.core.QueueBench;
import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.measure.PoolSample;
import dev.queuebench.persistence.postgres.DatabaseTarget;
import dev.queuebench.persistence.postgres.Databases;
import dev.queuebench.persistence.postgres.EmbeddedPostgresServer;
import dev.queuebench.persistence.JpaPersistence;
import dev.queuebench.ports.in.BenchmarkSettings;
import dev.queuebench.ports.out.DatabaseControlPort;
import dev.queuebench.ports.spi.BackendSettings;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The composition root: the database (embedded or by URL), Queue Bench's stores on it, one connection pool per
 * backend, and the core wired to every backend on the classpath. Closing it stops every worker and releases all of
 * it, in reverse order.
 */
public final class Bench implements AutoCloseable {

    private final EmbeddedPostgresServer embedded;
    private final DatabaseTarget target;
    private final HikariDataSource corePool;
    private final JpaPersistence persistence;
    private final Map<BackendId, HikariDataSource> backendPools = new ConcurrentHashMap<>();
    private final QueueBench core;
    private final Thread closeOnExit = new Thread(this::close, "queue-bench-close");
    private boolean closed;

    private Bench(DatabaseOptions options, BenchmarkSettings settings, Map<BackendId, BackendSettings> backendSettings) {
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            if (options.embedded()) {
                embedded = EmbeddedPostgresServer.startOrJoin(DatabaseOptions.home());
                opened.add(embedded);
                target = embedded.target();
            } else {
                embedded = null;
                target = DatabaseTarget.external(options.jdbcUrl, options.user, options.password);
            }
            corePool = Databases.pool(target, "qb-core", 10);
            opened.add(corePool);
            persistence = JpaPersistence.open(corePool);
            opened.add(persistence);
            QueueBench.Builder builder = QueueBench.builder().stores(persistence.stores())
                    .backendDataSources(this::backendPool)
                    .poolMetrics(this::samplePools)
                    .environmentFacts(Map.of(
                            "queue_bench.version", Launcher.version(),
                            "database.kind", target.embedded() ? "embedded" : "external",
                            "database.url", target.displayUrl()))
                    .journals(DatabaseOptions.home().resolve("journal"))
                    .workerNodes(LocalNodes.port(options))
                    .databaseControl(new DatabaseControl())
                    .settings(options.applyTo(settings));
            backendSettings.forEach(builder::backendSettings);
            core = builder.build();
            // Ctrl-C: stop workers, flush and stop the embedded server in order, as a normal close does
            Runtime.getRuntime().addShutdownHook(closeOnExit);
        } catch (RuntimeException e) {
            Collections.reverse(opened);
            closeAll(opened, e);
            throw e;
        }
    }

    public static Bench open(DatabaseOptions options) {
        return open(options, BenchmarkSettings.defaults(), Map.of());
    }

    public static Bench open(DatabaseOptions options, BenchmarkSettings settings,
                      Map<BackendId, BackendSettings> backendSettings) {
        return new Bench(options, settings, backendSettings);
    }

    public QueueBench core() {
        return core;
    }

    /** Where the database is, for people: its URL without credentials, and whether it is the embedded one. */
    public String databaseDescription() {
        return target.displayUrl() + (target.embedded() ? ", embedded" : "");
    }

    /**
     * The database server's version, asked now ({@code SELECT version()}).
     *
     * @throws SQLException when the server does not answer
     */
    public String databaseVersion() throws SQLException {
        return persistence.databaseMetrics().version();
    }

    /** Faults on the database: its sessions through the core's pool, and a restart of the embedded server. */
    private final class DatabaseControl implements DatabaseControlPort {

        /** {@code pg_terminate_backend} of every session of the backend's pools, on every node, as a failover. */
        @Override
        public int dropConnections(BackendId backend) {
            try {
                return Databases.terminateSessions(corePool, poolName(backend));
            } catch (SQLException e) {
                throw new IllegalStateException("could not terminate the sessions of " + poolName(backend) + ": "
                        + e.getMessage(), e);
            }
        }

        /** The embedded PostgreSQL stopped and started again on the same data and port. */
        @Override
        public void restart() {
            if (embedded == null) {
                throw new IllegalStateException("restart-db restarts the embedded PostgreSQL; a server of your own"
                        + " (--jdbc-url) is yours to restart");
            }
            embedded.restart();
        }
    }

    /** The backend's pool, created on first use, and resized when the backend is created anew with other settings. */
    private HikariDataSource backendPool(BackendId backend, int connections) {
        HikariDataSource pool = backendPools.computeIfAbsent(backend,
                id -> Databases.pool(target, poolName(id), connections));
        if (pool.getMaximumPoolSize() != connections) {
            pool.setMaximumPoolSize(connections);
        }
        return pool;
    }

    private static String poolName(BackendId backend) {
        return "qb-" + backend.value();
    }

    private List<PoolSample> samplePools() {
        List<PoolSample> samples = new ArrayList<>();
        samples.add(Databases.sample(corePool));
        backendPools.values().forEach(pool -> samples.add(Databases.sample(pool)));
        return samples;
    }

    /** Closes everything once, in reverse order of opening; called on exit too. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (Thread.currentThread() != closeOnExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(closeOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting: the hook may already have started; either way this call closes everything
            }
        }
        List<AutoCloseable> resources = new ArrayList<>();
        resources.add(core);
        resources.addAll(backendPools.values());
        resources.add(persistence);
        resources.add(corePool);
        if (embedded != null) {
            resources.add(embedded);
        }
        closeAll(resources, null);
    }

    private static void closeAll(List<AutoCloseable> resources, RuntimeException primary) {
        RuntimeException failure = primary;
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("closing " + resource + " failed: " + e.getMessage(), e);
                } else {
                    if (failure != e) {
                        failure.addSuppressed(e);
                    }
                }
            }
        }
        if (failure != null && primary == null) {
            throw failure;
        }
    }
}

package dev.queuebench.web;

import dev.queuebench.core.QueueBench;
import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.JobDelay;
import dev.queuebench.domain.JobsCount;
import dev.queuebench.domain.RunEnding;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.RunSpec;
import dev.queuebench.domain.RunStatus;
import dev.queuebench.domain.SchedulingMode;
import dev.queuebench.persistence.postgres.Databases;
import dev.queuebench.persistence.JpaPersistence;
import dev.queuebench.ports.in.BenchmarkSettings;
import dev.queuebench.ports.in.RunListFilter;
import dev.queuebench.ports.in.RunReport;
import dev.queuebench.ports.spi.BackendSettings;
import dev.queuebench.testing.TestPostgres.TestDatabase;
import dev.queuebench.testing.TestPostgres;
import java.net.URI;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A web server as the {@code web} command runs it, on a fresh database: the real stores (fingerprints and resource
 * samples included), db-scheduler polling fast so that tests are quick (its workers run while a run of its runs), and
 * the server on a free port. Flushes and resource samples come every 200 ms, so that even a short run has several
 * samples.
 */
final class RunningWeb implements AutoCloseable {

    static final BackendId DB_SCHEDULER = BackendId.of("db-scheduler");

    final TestDatabase database;
    final JpaPersistence persistence;
    final QueueBench core;
    final WebServer server;
    private final List<RunId> inserted = new ArrayList<>();

    private RunningWeb(WebSettings settings) {
        database = TestPostgres.newDatabase();
        persistence = JpaPersistence.open(database.dataSource());
        core = QueueBench.builder().stores(persistence.stores())
                .dataSource(database.dataSource())
                .poolMetrics(() -> List.of(Databases.sample(database.dataSource())))
                .environmentFacts(Map.of("queue_bench.version", "test", "database.kind", "external",
                        "database.url", database.jdbcUrl()))
                .settings(BenchmarkSettings.defaults().withFlushInterval(Duration.ofMillis(200)))
                .backendSettings(DB_SCHEDULER, BackendSettings.of(Map.of("poll-interval", "200ms")))
                .build();
        server = WebServer.start(core, settings.withPort(0), this::databaseVersion);
    }

    static RunningWeb start(WebSettings settings) {
        return new RunningWeb(settings);
    }

    URI uri(String path) {
        return server.uri().resolve(path);
    }

    int runCount() {
        return core.listRuns(RunListFilter.newest(RunListFilter.MAX_LIMIT)).size();
    }

    /**
     * A run as if created a moment ago by this server's process and not started yet: it stays pending and costs the
     * backend nothing. It waits in the queue like any run: {@link #endPendingRuns()} ends it after the test.
     */
    RunId insertPendingRun(int jobs) {
        RunId id = persistence.saveRuns().nextRunId();
        persistence.saveRuns().insertRun(BenchmarkRun.create(id,
                new RunSpec(DB_SCHEDULER, JobsCount.of(jobs), SchedulingMode.ONE_BY_ONE, JobDelay.DEFAULT),
                Instant.now()), core.settings().nodeId());
        inserted.add(id);
        return id;
    }

    /** Ends the pending runs a test inserted, so that the runs of later tests do not wait behind them. */
    void endPendingRuns() {
        for (RunId id : inserted) {
            persistence.loadRuns().loadRun(id).filter(run -> !run.isEnded() && !run.isFinished()).ifPresent(run ->
                    persistence.saveRuns().saveEnding(run.end(RunEnding.stoppedByOwner(Instant.now()))));
        }
        inserted.clear();
    }

    RunReport awaitFinished(RunId id, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            RunReport report = core.runReport(id).orElseThrow();
            if (report.status() == RunStatus.FINISHED) {
                return report;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + id + " did not finish within " + timeout + ": "
                + core.runReport(id).map(RunReport::status).orElse(null));
    }

    private String databaseVersion() throws Exception {
        try (Connection connection = database.dataSource().getConnection()) {
            return connection.getMetaData().getDatabaseProductName() + " "
                    + connection.getMetaData().getDatabaseProductVersion();
        }
    }

    @Override
    public void close() {
        try (database; persistence; core; server) {
            // closed in reverse order: the server, the core and its workers, the stores, the database
        }
    }
}

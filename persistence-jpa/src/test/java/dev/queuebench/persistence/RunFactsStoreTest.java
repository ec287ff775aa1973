package dev.queuebench.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.JobDelay;
import dev.queuebench.domain.JobsCount;
import dev.queuebench.domain.NodeId;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.RunSpec;
import dev.queuebench.domain.SchedulingMode;
import dev.queuebench.domain.measure.DatabaseSample;
import dev.queuebench.domain.measure.JvmSample;
import dev.queuebench.domain.measure.PoolSample;
import dev.queuebench.domain.measure.ResourceSample;
import dev.queuebench.domain.measure.StatementCounters;
import dev.queuebench.domain.measure.StatementTime;
import dev.queuebench.persistence.postgres.PostgresMetrics;
import dev.queuebench.ports.in.RunFault;
import dev.queuebench.ports.out.DatabaseMetricsPort;
import dev.queuebench.testing.Await;
import dev.queuebench.testing.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Fingerprints, resource samples and what PostgreSQL says about itself, on a real server. */
class RunFactsStoreTest {

    private static final PersistenceFixture FIXTURE = new PersistenceFixture();
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00.000123Z");

    @AfterAll
    static void close() {
        FIXTURE.close();
    }

    private RunId newRun() {
        BenchmarkRun run = BenchmarkRun.create(FIXTURE.persistence.saveRuns().nextRunId(), new RunSpec(
                BackendId.of("db-scheduler"), JobsCount.of(10), SchedulingMode.ONE_BY_ONE, JobDelay.DEFAULT), T0);
        FIXTURE.persistence.saveRuns().insertRun(run, NodeId.of("test-node"));
        return run.id();
    }

    @Test
    void a_fingerprint_reads_back_in_the_order_it_was_captured() {
        RunId runId = newRun();
        Map<String, String> fingerprint = new LinkedHashMap<>();
        fingerprint.put("queue_bench.version", "0.1.0");
        fingerprint.put("jvm.version", "17.0.15");
        fingerprint.put("backend.threads", "10");
        fingerprint.put("alpha", "last");

        FIXTURE.persistence.environments().saveEnvironment(runId, fingerprint);

        Map<String, String> read = FIXTURE.persistence.environments().loadEnvironments(List.of(runId)).get(runId);
        assertThat(read).containsExactlyEntriesOf(fingerprint);
    }

    @Test
    void resource_samples_read_back_in_time_order_with_their_pools() {
        RunId runId = newRun();
        ResourceSample later = sample(T0.plusSeconds(1), 2);
        ResourceSample earlier = sample(T0, 1);
        FIXTURE.persistence.resourceSamples().saveSample(runId, later);
        FIXTURE.persistence.resourceSamples().saveSample(runId, earlier);

        assertThat(FIXTURE.persistence.resourceSamples().loadSamples(runId)).containsExactly(earlier, later);
        assertThat(FIXTURE.persistence.resourceSamples().loadSamples(List.of(runId, RunId.of(999_999))))
                .containsOnlyKeys(runId);
    }

    @Test
    void faults_read_back_in_time_order_per_run() {
        RunId runId = newRun();
        RunFault later = new RunFault(RunFault.DATABASE_UNREACHABLE, T0.plusSeconds(30), T0.plusSeconds(41),
                "host/12/ab34", "flush completion snapshots: PSQLException: Connection refused");
        RunFault earlier = new RunFault(RunFault.DATABASE_UNREACHABLE, T0.plusSeconds(5), T0.plusSeconds(6),
                "host/12/ab34", "node heartbeat: PSQLException: terminating connection");
        FIXTURE.persistence.runFaults().saveFaults(runId, List.of(later));
        FIXTURE.persistence.runFaults().saveFaults(runId, List.of(earlier));

        assertThat(FIXTURE.persistence.runFaults().loadFaults(List.of(runId, RunId.of(999_999))))
                .containsOnlyKeys(runId)
                .extractingByKey(runId).asList().containsExactly(earlier, later);
    }

    @Test
    void statements_read_back_in_the_order_saved_and_saving_again_replaces_them() {
        RunId runId = newRun();
        StatementTime fetch = new StatementTime("select * from scheduled_tasks where picked = $1", 100, 250.5, 1_000,
                true);
        StatementTime snapshot = new StatementTime("insert into completion_snapshots values ($1)", 3, 1.25, 3, false);
        FIXTURE.persistence.resourceSamples().saveStatements(runId, List.of(snapshot));
        FIXTURE.persistence.resourceSamples().saveStatements(runId, List.of(fetch, snapshot));

        assertThat(FIXTURE.persistence.resourceSamples().loadStatements(List.of(runId, RunId.of(999_999))))
                .containsOnlyKeys(runId)
                .extractingByKey(runId).asList().containsExactly(fetch, snapshot);
    }

    @Test
    void statement_statistics_name_the_backends_statements_where_the_server_keeps_them() throws Exception {
        PostgresMetrics metrics = new PostgresMetrics(FIXTURE.database.dataSource());
        String kept = metrics.facts().get(DatabaseMetricsPort.STATEMENTS_FACT);
        StatementCounters start = metrics.statements();
        try (Connection connection = FIXTURE.database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists polled_jobs (id int)");
            for (int i = 0; i < 20; i++) {
                statement.execute("insert into polled_jobs values (" + i + ")");
            }
        }

        if (kept.equals("on")) {
            List<StatementTime> ran = metrics.statements().since(start, List.of("polled_jobs"));
            assertThat(ran).filteredOn(StatementTime::backend).extracting(StatementTime::query, StatementTime::calls)
                    .contains(org.assertj.core.groups.Tuple.tuple("insert into polled_jobs values ($1)", 20L));
        } else {
            // a server that does not load the library (the external PostgreSQL of .ci/run's last pass)
            assertThat(kept).startsWith("off: ").contains("shared_preload_libraries");
            assertThat(start).isSameAs(StatementCounters.NONE);
            assertThat(metrics.statements()).isSameAs(StatementCounters.NONE);
        }
    }

    @Test
    void deleting_a_run_deletes_its_fingerprint_samples_and_faults() {
        RunId runId = newRun();
        FIXTURE.persistence.environments().saveEnvironment(runId, Map.of("a", "b"));
        FIXTURE.persistence.resourceSamples().saveSample(runId, sample(T0, 1));
        FIXTURE.persistence.runFaults().saveFaults(runId, List.of(new RunFault(RunFault.DATABASE_UNREACHABLE, T0, T0,
                "n", "d")));
        FIXTURE.persistence.resourceSamples().saveStatements(runId, List.of(new StatementTime("select 1", 1, 1, 1,
                false)));

        FIXTURE.persistence.saveRuns().deleteRun(runId);

        assertThat(FIXTURE.persistence.environments().loadEnvironments(List.of(runId))).isEmpty();
        assertThat(FIXTURE.persistence.resourceSamples().loadSamples(runId)).isEmpty();
        assertThat(FIXTURE.persistence.runFaults().loadFaults(List.of(runId))).isEmpty();
        assertThat(FIXTURE.persistence.resourceSamples().loadStatements(List.of(runId))).isEmpty();
    }

    @Test
    void postgres_reports_its_version_the_settings_that_move_results_and_its_statistics() throws Exception {
        PostgresMetrics metrics = FIXTURE.persistence.databaseMetrics();
        try (Connection connection = FIXTURE.database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create table sampled_jobs (id int)");
            statement.execute("insert into sampled_jobs select generate_series(1, 500)");
        }
        // the inserting session reports its counts to the statistics a moment later (up to 10 s when idle); an
        // analyze here would race that report and could count the rows twice
        Await.until(() -> metrics.sample(List.of("sampled_jobs")).backendTableRows() == 500, Duration.ofSeconds(30));

        assertThat(metrics.version()).startsWith("PostgreSQL");
        assertThat(metrics.facts()).containsKeys("postgres.version", "postgres.synchronous_commit", "postgres.fsync",
                "postgres.shared_buffers", "postgres.max_connections");
        DatabaseSample sample = metrics.sample(List.of("sampled_jobs", "no_such_table"));
        assertThat(sample.transactionsCommitted()).isPositive();
        assertThat(sample.backendTableRows()).isEqualTo(500);
        assertThat(sample.backendTableBytes()).isPositive();
        assertThat(sample.sessionsWaitingOnLocks()).isZero();
    }

    @Test
    void a_server_on_this_machine_reports_its_processes_cpu_between_two_samples() throws Exception {
        PostgresMetrics metrics = new PostgresMetrics(FIXTURE.database.dataSource());
        assertThat(metrics.sample(List.of()).serverCpuLoad()).as("the first sample has no window").isEqualTo(-1);
        try (Connection connection = FIXTURE.database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("select count(*) from generate_series(1, 3000000) as n where n % 7 = 0");
        }

        double load = metrics.sample(List.of()).serverCpuLoad();

        if (TestPostgres.description().startsWith("Testcontainers")) {
            assertThat(load).as("a server in a container: its processes are not this machine's").isEqualTo(-1);
        } else {
            assertThat(load).as("the embedded server, or one on 127.0.0.1").isGreaterThan(0).isLessThanOrEqualTo(1);
        }
    }

    private static ResourceSample sample(Instant at, int active) {
        return new ResourceSample(at, new JvmSample(1_000_000, 2_000_000, 0.25, 3, 40, 51, 0.5, List.of(0.75, 0.25)),
                List.of(new PoolSample("qb-core", active, 5, 0), new PoolSample("qb-jobrunr", 7, 1, 2)),
                new DatabaseSample(100, 200, 300, 400, 500, 8_192, 1, 0.125));
    }
}

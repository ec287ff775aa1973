package dev.queuebench.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.queuebench.core.QueueBench;
import dev.queuebench.core.memory.InMemoryRunLock;
import dev.queuebench.core.memory.InMemoryRunStore;
import dev.queuebench.core.memory.InMemorySnapshotStore;
import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.ConcurrentRunException;
import dev.queuebench.domain.NodeId;
import dev.queuebench.domain.RetryPolicy;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.RunStatus;
import dev.queuebench.domain.SchedulingMode;
import dev.queuebench.ports.in.BenchmarkSettings;
import dev.queuebench.ports.in.JobCompletion;
import dev.queuebench.ports.in.RunReport;
import dev.queuebench.ports.in.StartRunCommand;
import dev.queuebench.ports.spi.BackendContext;
import dev.queuebench.ports.spi.BackendSettings;
import dev.queuebench.ports.spi.PretendJob;
import dev.queuebench.ports.spi.QueueBackend;
import dev.queuebench.ports.spi.QueueBackendProvider;
import dev.queuebench.testing.TestPostgres.TestDatabase;
import dev.queuebench.testing.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * What every queue backend must do, against a real PostgreSQL ({@link TestPostgres}). A backend module gets the
 * whole suite by extending this class and saying where its jobs live:
 *
 * <pre>{@code
 * class DbSchedulerContractTest extends QueueBackendContract {
 *     protected QueueBackendProvider provider() { return new DbSchedulerProvider(); }
 *     ...
 * }
 * }</pre>
 *
 * Queue Bench's own stores are in-memory here: the suite is about the backend, its library and its tables.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
public abstract class QueueBackendContract {

    private static final Duration DELAY = Duration.ofSeconds(1);
    /** Enough jobs that scheduling and execution take a while on every backend, few enough for the suite. */
    private static final int FAULT_RUN_JOBS = 2_000;
    /** Timestamps go through PostgreSQL's microseconds and the clock's resolution. */
    private static final Duration CLOCK_TOLERANCE = Duration.ofMillis(2);

    private TestDatabase database;
    private QueueBench bench;
    private QueueBackend backend;

    /** The backend under test. */
    protected abstract QueueBackendProvider provider();

    /** Knobs for the tests, e.g. short polling intervals. */
    protected BackendSettings settings() {
        return BackendSettings.none();
    }

    /** The tables that hold the backend's jobs (pending, running or kept), which {@code clearTables} empties. */
    protected abstract List<String> jobTables();

    /** Puts a pretend job due at {@code dueAt} into the backend's tables whose data cannot be read back. */
    protected abstract void insertUnreadablePretendJob(DataSource dataSource, Instant dueAt) throws SQLException;

    /** Jobs that the backend will still run (scheduled, enqueued or running), whatever their kind. */
    protected abstract long pendingJobs(DataSource dataSource) throws SQLException;

    /** How late after its due time the backend may pick up a retry when idle (its polling). */
    protected Duration retryPickupSlack() {
        return Duration.ofSeconds(3);
    }

    @BeforeAll
    void createDatabase() {
        database = TestPostgres.newDatabase();
    }

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    @BeforeEach
    void wireCore() {
        bench = QueueBench.builder()
                .clock(Clock.systemUTC())
                .dataSource(database.dataSource())
                .runStore(new InMemoryRunStore())
                .snapshots(new InMemorySnapshotStore())
                .runLock(new InMemoryRunLock())
                .providers(List.of(provider()))
                .backendSettings(provider().descriptor().id(), settings())
                .settings(BenchmarkSettings.defaults()
                        .withNodeId(NodeId.of("contract"))
                        .withFlushInterval(Duration.ofMillis(200))
                        .withLockWait(Duration.ofSeconds(2)))
                .build();
        backend = bench.backend(provider().descriptor().id());
        backend.clearTables();
    }

    @AfterEach
    void closeCore() {
        bench.close();
        backend.clearTables();
    }

    @Test
    void a_small_run_scheduled_one_by_one_completes_every_job_exactly_once() {
        backend.startWorkers();
        RunReport report = runToTheEnd(300, SchedulingMode.ONE_BY_ONE);

        assertEveryJobCompletedOnce(report, 300);
    }

    @Test
    void a_small_run_scheduled_in_bulk_completes_every_job_exactly_once() {
        backend.startWorkers();
        RunReport report = runToTheEnd(1_200, SchedulingMode.IN_BULK);

        assertEveryJobCompletedOnce(report, 1_200);
    }

    @Test
    void no_job_starts_before_its_due_time_beyond_the_declared_early_start_allowance() {
        backend.startWorkers();
        RunReport report = runToTheEnd(300, SchedulingMode.ONE_BY_ONE);

        long earliestMicros = report.pickupLag().min();
        long allowedMicros = backend.earlyStartAllowance().plus(CLOCK_TOLERANCE).toNanos() / 1_000;
        assertThat(earliestMicros)
                .as("earliest start relative to the due time, microseconds (allowance %s)", backend.earlyStartAllowance())
                .isGreaterThanOrEqualTo(-allowedMicros);
    }

    @Test
    void two_runs_started_together_run_one_after_the_other() {
        backend.startWorkers();
        BenchmarkRun first = bench.startRun(command(200, SchedulingMode.ONE_BY_ONE));
        BenchmarkRun second = bench.startRun(command(200, SchedulingMode.ONE_BY_ONE));

        RunReport a = awaitEnd(first.id(), Duration.ofSeconds(150));
        RunReport b = awaitEnd(second.id(), Duration.ofSeconds(150));

        assertEveryJobCompletedOnce(a, 200);
        assertEveryJobCompletedOnce(b, 200);
        RunReport earlier = startOf(a).isBefore(startOf(b)) ? a : b;
        RunReport later = earlier == a ? b : a;
        assertThat(startOf(later))
                .as("the later run started scheduling only after the earlier one finished")
                .isAfterOrEqualTo(earlier.run().timeline().runFinishedAt().orElseThrow());
    }

    @Test
    void a_scheduling_job_that_fails_is_retried_with_polynomial_backoff() throws InterruptedException {
        List<Instant> attempts = new CopyOnWriteArrayList<>();
        RetryPolicy policy = RetryPolicy.standard();
        try (QueueBackend direct = createDirect(runId -> {
            attempts.add(Instant.now());
            if (attempts.size() == 1) {
                throw new IllegalStateException("the first attempt fails");
            }
        }, completion -> { })) {
            direct.startWorkers();
            direct.submitSchedulingJob(RunId.of(41));

            awaitTrue(() -> attempts.size() >= 2, Duration.ofSeconds(30).plus(retryPickupSlack()));
            Thread.sleep(1_000);

            assertThat(attempts).as("attempts: the failed one and one retry").hasSize(2);
            Duration gap = Duration.between(attempts.get(0), attempts.get(1));
            Duration first = policy.delayAfter(1, 0).orElseThrow();
            Duration firstWithFullJitter = policy.delayAfter(1, 0.999_999).orElseThrow();
            assertThat(gap).as("wait before the retry").isBetween(
                    first.minus(direct.earlyStartAllowance()).minus(Duration.ofMillis(100)),
                    firstWithFullJitter.plus(retryPickupSlack()));
        }
    }

    @Test
    void a_scheduling_job_waiting_for_its_turn_looks_again_within_seconds_and_its_waits_are_not_failed_attempts()
            throws InterruptedException {
        List<Instant> attempts = new CopyOnWriteArrayList<>();
        RetryPolicy policy = RetryPolicy.standard();
        try (QueueBackend direct = createDirect(runId -> {
            attempts.add(Instant.now());
            if (attempts.size() <= 2) {
                throw ConcurrentRunException.anotherRunIsRunning(runId, RunId.of(runId.value() - 1));
            }
            if (attempts.size() == 3) {
                throw new IllegalStateException("the first real attempt fails");
            }
        }, completion -> { })) {
            direct.startWorkers();
            direct.submitSchedulingJob(RunId.of(42));

            awaitTrue(() -> attempts.size() >= 4, Duration.ofSeconds(60).plus(retryPickupSlack().multipliedBy(3)));

            Duration turnWait = policy.turnWait(0.999_999).plus(retryPickupSlack());
            assertThat(Duration.between(attempts.get(0), attempts.get(1))).as("first wait for the turn")
                    .isLessThanOrEqualTo(turnWait);
            assertThat(Duration.between(attempts.get(1), attempts.get(2))).as("second wait for the turn")
                    .isLessThanOrEqualTo(turnWait);
            assertThat(Duration.between(attempts.get(2), attempts.get(3)))
                    .as("after its first real failure the job waits as after a first attempt, not a third")
                    .isLessThanOrEqualTo(policy.delayAfter(1, 0.999_999).orElseThrow().plus(retryPickupSlack()))
                    .isLessThan(policy.delayAfter(3, 0).orElseThrow());
        }
    }

    @Test
    void enqueueing_jobs_again_one_by_one_or_in_bulk_keeps_one_of_each() throws SQLException {
        Instant farAway = Instant.now().plus(Duration.ofHours(1));
        RunId run = RunId.of(9);
        for (int i = 0; i < 30; i++) {
            backend.enqueue(new PretendJob(run, i, farAway));
        }
        // a batch tried again after a dropped connection overlaps jobs that went in already
        backend.enqueueBatch(java.util.stream.IntStream.range(0, 80).mapToObj(i -> new PretendJob(run, i, farAway))
                .toList());
        backend.enqueueBatch(java.util.stream.IntStream.range(40, 80).mapToObj(i -> new PretendJob(run, i, farAway))
                .toList());
        for (int i = 70; i < 80; i++) {
            backend.enqueue(new PretendJob(run, i, farAway.plusSeconds(1)));
        }

        assertThat(pendingJobs(database.dataSource())).isEqualTo(80);
    }

    @Test
    @Timeout(300)
    void connections_dropped_mid_scheduling_and_mid_execution_cost_no_job() throws SQLException {
        backend.startWorkers();
        BenchmarkRun run = bench.startRun(StartRunCommand.of(provider().descriptor().id().value(), FAULT_RUN_JOBS,
                SchedulingMode.ONE_BY_ONE, Duration.ofSeconds(2)));

        awaitTrue(() -> bench.runReport(run.id()).orElseThrow().status() == RunStatus.SCHEDULING,
                Duration.ofSeconds(60));
        int droppedWhileScheduling = dropEveryConnection();
        awaitTrue(() -> bench.runReport(run.id()).orElseThrow().completions().distinctCompleted() >= 50,
                Duration.ofSeconds(120));
        int droppedWhileExecuting = dropEveryConnection();
        RunReport report = awaitEnd(run.id(), Duration.ofSeconds(170));

        assertThat(droppedWhileScheduling).as("sessions terminated while scheduling").isPositive();
        assertThat(droppedWhileExecuting).as("sessions terminated while executing").isPositive();
        assertThat(report.status()).as("status of run %s: %s", report.run().id(), report.completions())
                .isEqualTo(RunStatus.FINISHED);
        assertThat(report.completions().distinctCompleted()).isEqualTo(FAULT_RUN_JOBS);
        assertThat(report.completions().missingJobs()).isZero();
        System.out.printf("%s rode out two dropped-connection faults: %d jobs, %d executions (%d duplicates)%n",
                provider().descriptor().id(), FAULT_RUN_JOBS, report.completions().executions(),
                report.completions().duplicateExecutions());
    }

    @Test
    void a_job_whose_data_cannot_be_read_is_discarded_not_retried() throws Exception {
        AtomicInteger completions = new AtomicInteger();
        try (QueueBackend direct = createDirect(runId -> { }, completion -> completions.incrementAndGet())) {
            direct.clearTables();
            insertUnreadablePretendJob(database.dataSource(), Instant.now());
            assertThat(pendingJobs(database.dataSource())).isEqualTo(1);
            direct.startWorkers();

            awaitTrue(() -> pendingJobs(database.dataSource()) == 0, Duration.ofSeconds(30).plus(retryPickupSlack()));
            // longer than the first retry's wait: a retried job would be pending again by now
            Thread.sleep(RetryPolicy.standard().delayAfter(1, 0.999_999).orElseThrow().plusSeconds(1).toMillis());

            assertThat(pendingJobs(database.dataSource())).as("jobs pending after the discard").isZero();
            assertThat(completions).as("completions reported").hasValue(0);
        }
    }

    @Test
    void clearing_the_tables_leaves_no_job_rows_behind() throws SQLException {
        Instant farAway = Instant.now().plus(Duration.ofHours(1));
        for (int i = 0; i < 20; i++) {
            backend.enqueue(new PretendJob(RunId.of(7), i, farAway));
        }
        backend.enqueueBatch(java.util.stream.IntStream.range(20, 70)
                .mapToObj(i -> new PretendJob(RunId.of(7), i, farAway)).toList());
        backend.submitSchedulingJob(RunId.of(8));
        assertThat(rowsIn(jobTables())).as("rows before clearing").isPositive();

        backend.clearTables();

        assertThat(rowsIn(jobTables())).as("rows after clearing").isZero();
    }

    @Test
    void stopping_the_workers_ends_every_thread_they_started() throws InterruptedException {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        backend.startWorkers();
        RunReport report = runToTheEnd(100, SchedulingMode.ONE_BY_ONE);
        assertEveryJobCompletedOnce(report, 100);

        long deadline = System.nanoTime() + backend.shutdownTimeout().toNanos();
        backend.stopWorkers();
        while (!leakedThreads(before).isEmpty() && System.nanoTime() < deadline) {
            sleep(100);
        }
        assertThat(leakedThreads(before)).as("non-daemon threads still alive %s after stopping", backend.shutdownTimeout())
                .extracting(Thread::getName).isEmpty();
        assertThat(backend.workersRunning()).isFalse();
    }

    // ------------------------------------------------------------------------------------------------------------

    private StartRunCommand command(int jobs, SchedulingMode mode) {
        return StartRunCommand.of(provider().descriptor().id().value(), jobs, mode, DELAY);
    }

    private RunReport runToTheEnd(int jobs, SchedulingMode mode) {
        BenchmarkRun run = bench.startRun(command(jobs, mode));
        return awaitEnd(run.id(), Duration.ofSeconds(120));
    }

    private RunReport awaitEnd(RunId runId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RunReport report = bench.runReport(runId).orElseThrow();
        while (report.status().isActive() && System.nanoTime() < deadline) {
            sleep(200);
            report = bench.runReport(runId).orElseThrow();
        }
        return report;
    }

    private static Instant startOf(RunReport report) {
        return report.run().timeline().schedulingStartedAt().orElseThrow();
    }

    private static void assertEveryJobCompletedOnce(RunReport report, int jobs) {
        assertThat(report.status()).as("status of run %s: %s", report.run().id(), report.completions())
                .isEqualTo(RunStatus.FINISHED);
        assertThat(report.completions().distinctCompleted()).isEqualTo(jobs);
        assertThat(report.completions().duplicateExecutions()).isZero();
        assertThat(report.completions().missingJobs()).isZero();
    }

    private interface Scheduling {
        void scheduleRun(RunId runId);
    }

    private interface Completions {
        void jobCompleted(JobCompletion completion);
    }

    /** The backend alone, its jobs calling test doubles instead of the core. */
    private QueueBackend createDirect(Scheduling scheduling, Completions completions) {
        return provider().create(new BackendContext(database.dataSource(), Clock.systemUTC(), settings(),
                scheduling::scheduleRun, completions::jobCompleted, RetryPolicy.standard()));
    }

    private Set<Thread> leakedThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !before.contains(thread))
                .filter(Thread::isAlive)
                .filter(thread -> !thread.isDaemon())
                .collect(Collectors.toSet());
    }

    /**
     * Terminates every session on the test database but this one, as a failover or a server restart would drop them:
     * the backend's pooled connections, idle or in the middle of a statement.
     *
     * @return how many sessions were terminated
     */
    private int dropEveryConnection() throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(),
                database.password());
             PreparedStatement terminate = connection.prepareStatement("select count(*) filter (where"
                     + " pg_terminate_backend(pid)) from pg_stat_activity where datname = current_database()"
                     + " and pid <> pg_backend_pid()");
             ResultSet result = terminate.executeQuery()) {
            result.next();
            return result.getInt(1);
        }
    }

    private long rowsIn(List<String> tables) throws SQLException {
        long rows = 0;
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet result = statement.executeQuery("select count(*) from " + table)) {
                    result.next();
                    rows += result.getLong(1);
                }
            }
        }
        return rows;
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void awaitTrue(Condition condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!condition.holds()) {
                if (System.nanoTime() > deadline) {
                    fail("condition not met within " + timeout);
                }
                sleep(100);
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}

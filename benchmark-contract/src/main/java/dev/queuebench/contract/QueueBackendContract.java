package dev.queuebench.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.queuebench.core.QueueBench;
import dev.queuebench.core.memory.InMemoryEnvironmentStore;
import dev.queuebench.core.memory.InMemoryRunLock;
import dev.queuebench.core.memory.InMemoryRunStore;
import dev.queuebench.core.memory.InMemorySnapshotStore;
import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.ConcurrentRunException;
import dev.queuebench.domain.JobWork;
import dev.queuebench.domain.NodeId;
import dev.queuebench.domain.Profile;
import dev.queuebench.domain.RetryPolicy;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.RunStatus;
import dev.queuebench.domain.SchedulingMode;
import dev.queuebench.persistence.postgres.FlywayMigrations;
import dev.queuebench.ports.in.BackendOption;
import dev.queuebench.ports.in.BenchmarkSettings;
import dev.queuebench.ports.in.JobCompletion;
import dev.queuebench.ports.in.RunListener;
import dev.queuebench.ports.in.RunReport;
import dev.queuebench.ports.in.StartRunCommand;
import dev.queuebench.ports.out.SaveRunPort;
import dev.queuebench.ports.spi.BackendSettings;
import dev.queuebench.ports.spi.Knob;
import dev.queuebench.ports.spi.Knobs;
import dev.queuebench.ports.spi.PretendJob;
import dev.queuebench.ports.spi.QueueBackend;
import dev.queuebench.ports.spi.QueueBackendProvider;
import dev.queuebench.ports.spi.Tables;
import dev.queuebench.ports.spi.TransientFailures;
import dev.queuebench.testing.TestPostgres.TestDatabase;
import dev.queuebench.testing.TestPostgres;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;

/**
 * What every queue backend must do, against a real PostgreSQL ({@link TestPostgres}). A backend module gets the
 * whole suite by extending this class, naming its provider and saying how to plant a job its library cannot read:
 *
 * <pre>{@code
 * class DbSchedulerContractTest extends QueueBackendContract {
 *     protected QueueBackendProvider provider() { return new DbSchedulerProvider(); }
 *     protected void insertUnreadablePretendJob(DataSource dataSource, Instant dueAt) { ... }
 * }
 * }</pre>
 *
 * Queue Bench's own stores are in-memory here: the suite is about the backend, its library and its tables. What it
 * proves is listed in {@code context/adding-a-backend.md}.
 *
 * <p>Each test has a database of its own (a copy of one the backend's tables were created in once), and the tests
 * marked {@code @Execution(CONCURRENT)} run a few at a time ({@code qb.test.parallelism}): most of their time is spent
 * waiting for a library's polling. Those marked {@link AloneOnTheMachine} have the machine to themselves: they count
 * the JVM's threads or time a retry. A library that allows one instance of itself per JVM (Quartz's scheduler names)
 * marks its subclass {@link OneTestAtATime}.
 */
@Timeout(180)
@ResourceLock(providers = QueueBackendContract.MachineShare.class)
public abstract class QueueBackendContract {

    private static final Duration DELAY = Duration.ofSeconds(1);
    /** Enough jobs that scheduling and execution take a while on every backend, few enough for the suite. */
    private static final int FAULT_RUN_JOBS = 2_000;
    /** Timestamps go through PostgreSQL's microseconds and the clock's resolution. */
    private static final Duration CLOCK_TOLERANCE = Duration.ofMillis(2);

    private static final FlywayMigrations MIGRATIONS = new FlywayMigrations();
    /** Per test class, the database each test's is copied from. */
    private static final Map<Class<?>, TestDatabase> TEMPLATES = new ConcurrentHashMap<>();
    /** More than a backend pool holds connections terminated by a test, each evicted when it fails. */
    private static final int TEARDOWN_ATTEMPTS = 40;

    private TestDatabase database;
    private SchedulingPause schedulingPause;
    private QueueBench bench;
    private QueueBackend backend;

    /** The backend under test. */
    protected abstract QueueBackendProvider provider();

    /** Knobs for the tests, e.g. short polling intervals. */
    protected BackendSettings settings() {
        return BackendSettings.none();
    }

    /**
     * Puts a pretend job due at {@code dueAt} into the backend's tables, as its library would store it, but with data
     * the job cannot read back: the one thing only the backend's own SQL can do.
     */
    protected abstract void insertUnreadablePretendJob(DataSource dataSource, Instant dueAt) throws SQLException;

    /** How late after its due time the backend may pick up a retry when idle (its polling). */
    protected Duration retryPickupSlack() {
        return Duration.ofSeconds(3);
    }

    @BeforeEach
    void wireCore() {
        database = TEMPLATES.computeIfAbsent(getClass(), testClass -> migratedTemplate()).copy();
        schedulingPause = new SchedulingPause();
        bench = benchOver(settings())
                .settings(BenchmarkSettings.defaults()
                        .withNodeId(NodeId.of("contract"))
                        .withFlushInterval(Duration.ofMillis(200))
                        .withProgressInterval(Duration.ofMillis(10))
                        .withLockWait(Duration.ofSeconds(2)))
                .build();
        backend = bench.backend(provider().descriptor().id());
        backend.clearTables();
    }

    /**
     * A database in which the backend created its tables, as the core would before its first run: each test gets a copy
     * of it, which PostgreSQL makes in a fraction of the time some libraries take to create their tables.
     */
    private TestDatabase migratedTemplate() {
        TestDatabase template = TestPostgres.newDatabase();
        createDirect(template, runId -> { }, completion -> { }).close();
        return template;
    }

    /** Drops the databases the tests' databases were copied from. */
    @AfterAll
    static void dropTemplates() {
        TEMPLATES.values().forEach(TestDatabase::close);
        TEMPLATES.clear();
    }

    /** A core over the in-memory stores and the test database, with only this backend registered. */
    private QueueBench.Builder benchOver(BackendSettings backendSettings) {
        InMemoryRunStore runs = new InMemoryRunStore();
        return QueueBench.builder()
                .clock(Clock.systemUTC())
                .dataSource(database.dataSource())
                .runStore(runs, schedulingPause.around(runs))
                .snapshots(new InMemorySnapshotStore())
                .environments(new InMemoryEnvironmentStore())
                .runLock(new InMemoryRunLock())
                .providers(List.of(provider()))
                .schemaMigrations(MIGRATIONS)
                .backendSettings(provider().descriptor().id(), backendSettings);
    }

    @AfterEach
    void closeCore() {
        try {
            if (bench != null) {
                bench.close();
                clearTablesAfterDroppedConnections();
            }
        } finally {
            database.close();
        }
    }

    /**
     * Clears the backend's tables, trying again while it gets pooled sessions that a test terminated (the pool hands
     * out a connection used within the last half second without checking it, and evicts it when it fails), as the
     * harness does through its retries before each run.
     */
    private void clearTablesAfterDroppedConnections() {
        for (int attempt = 1; ; attempt++) {
            try {
                backend.clearTables();
                return;
            } catch (RuntimeException e) {
                if (!TransientFailures.isTransient(e) || attempt == TEARDOWN_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void a_small_run_scheduled_one_by_one_completes_every_job_exactly_once() {
        backend.startWorkers();
        RunReport report = runToTheEnd(300, SchedulingMode.ONE_BY_ONE);

        assertEveryJobCompletedOnce(report, 300);
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void a_small_run_completes_every_job_exactly_once_in_every_profile() {
        for (Profile profile : Profile.values()) {
            RunReport report = bench.runToEnd(command(200, SchedulingMode.IN_BULK).withProfile(profile),
                    RunListener.SILENT);

            assertEveryJobCompletedOnce(report, 200);
            assertThat(report.profile()).as("the profile in the fingerprint").contains(profile);
            assertThat(bench.setupOf(provider().descriptor().id()).profile()).isEqualTo(profile);
        }
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void a_small_run_scheduled_in_bulk_completes_every_job_exactly_once() {
        backend.startWorkers();
        RunReport report = runToTheEnd(1_200, SchedulingMode.IN_BULK);

        assertEveryJobCompletedOnce(report, 1_200);
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void a_backlog_is_enqueued_with_no_worker_running_and_then_drained() {
        RunReport report = bench.runToEnd(StartRunCommand.backlog(provider().descriptor().id().value(), 300,
                SchedulingMode.IN_BULK), RunListener.SILENT);

        assertEveryJobCompletedOnce(report, 300);
        Instant workersStarted = report.run().timeline().workersStartedAt().orElseThrow();
        assertThat(workersStarted).isAfterOrEqualTo(report.run().timeline().schedulingFinishedAt().orElseThrow());
        assertThat(report.firstCompletionAt().orElseThrow()).as("no job ran before the workers started")
                .isAfterOrEqualTo(workersStarted);
        assertThat(report.drainRate()).isPresent();
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void jobs_due_now_are_enqueued_ready_and_jobs_due_later_are_scheduled_where_the_library_tells_them_apart() {
        RunId run = RunId.of(11);
        Instant now = Instant.now();
        Instant later = now.plus(Duration.ofHours(1));
        backend.enqueue(PretendJob.dueNow(run, 0, now, ""));
        backend.enqueueBatch(IntStream.range(1, 30).mapToObj(i -> PretendJob.dueNow(run, i, now, "")).toList());
        backend.enqueue(PretendJob.dueLater(run, 30, later, ""));
        backend.enqueueBatch(IntStream.range(31, 45).mapToObj(i -> PretendJob.dueLater(run, i, later, "")).toList());

        assertThat(backend.pendingJobs()).isEqualTo(45);
        OptionalLong ready = backend.readyJobs();
        if (ready.isPresent()) {
            assertThat(ready.getAsLong()).as("jobs in %s's ready state: the 30 due now, not the 15 due in an hour",
                    provider().descriptor().displayName()).isEqualTo(30);
        }
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void a_backlogs_jobs_wait_in_the_librarys_ready_state_before_the_workers_start() {
        AtomicLong pendingAtSchedulingEnd = new AtomicLong(-1);
        AtomicReference<OptionalLong> readyAtSchedulingEnd = new AtomicReference<>();
        schedulingPause.atSchedulingEnd(() -> {
            pendingAtSchedulingEnd.set(backend.pendingJobs());
            readyAtSchedulingEnd.set(backend.readyJobs());
        });

        RunReport report = bench.runToEnd(StartRunCommand.backlog(provider().descriptor().id().value(), 200,
                SchedulingMode.IN_BULK), RunListener.SILENT);

        assertEveryJobCompletedOnce(report, 200);
        assertThat(pendingAtSchedulingEnd.get()).as("jobs held when the last was enqueued").isEqualTo(200);
        readyAtSchedulingEnd.get().ifPresent(ready -> assertThat(ready)
                .as("jobs in the ready state before the workers started").isEqualTo(200));
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void a_rate_is_offered_on_schedule_and_every_job_completes_once() {
        RunReport report = bench.runToEnd(StartRunCommand.rate(provider().descriptor().id().value(), 50,
                Duration.ofSeconds(3), SchedulingMode.ONE_BY_ONE), RunListener.SILENT);

        assertEveryJobCompletedOnce(report, 150);
        assertThat(report.offer()).isPresent();
        assertThat(report.offer().orElseThrow().offeredRate()).isEqualTo(50);
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void a_job_does_its_runs_work_and_gets_its_payload_back_whole() {
        RunReport report = bench.runToEnd(command(40, SchedulingMode.IN_BULK)
                .withJobWork(JobWork.parse("sleep:100ms", "2KB")), RunListener.SILENT);

        assertEveryJobCompletedOnce(report, 40);
        // every job finished at least 100 ms after it started, so the least end-to-end latency is that much above the
        // least pickup lag (a payload that came back other than whole would have failed its job instead); both are
        // histogram values, exact to three significant digits, so each may be off by a thousandth of its magnitude
        long histogramError = 2 * Math.max(Math.abs(report.endToEnd().min()), Math.abs(report.pickupLag().min()))
                / 1_000;
        assertThat(report.endToEnd().min() - report.pickupLag().min()).isGreaterThanOrEqualTo(100_000 - histogramError);
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
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
    @Execution(ExecutionMode.CONCURRENT)
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
    @AloneOnTheMachine
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
    @AloneOnTheMachine
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
    @Execution(ExecutionMode.CONCURRENT)
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

        assertThat(backend.pendingJobs()).isEqualTo(80);
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    @Timeout(300)
    void connections_dropped_mid_scheduling_and_mid_execution_cost_no_job() throws SQLException, InterruptedException {
        schedulingPause.arm();
        backend.startWorkers();
        BenchmarkRun run = bench.startRun(StartRunCommand.of(provider().descriptor().id().value(), FAULT_RUN_JOBS,
                SchedulingMode.ONE_BY_ONE, Duration.ofSeconds(2)));

        // the scheduling phase holds still after its first jobs, however fast the backend enqueues, while the fault hits
        int scheduledAtFault = schedulingPause.awaitHeld(Duration.ofSeconds(60));
        int droppedWhileScheduling = dropEveryConnection();
        schedulingPause.release();
        awaitTrue(() -> bench.runReport(run.id()).orElseThrow().completions().distinctCompleted() >= 50,
                Duration.ofSeconds(120));
        int droppedWhileExecuting = dropEveryConnection();
        RunReport report = awaitEnd(run.id(), Duration.ofSeconds(170));

        assertThat(scheduledAtFault).as("jobs enqueued when the first fault hit").isBetween(1, FAULT_RUN_JOBS - 1);
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
    @Execution(ExecutionMode.CONCURRENT)
    void a_job_whose_data_cannot_be_read_is_discarded_not_retried() throws Exception {
        AtomicInteger completions = new AtomicInteger();
        try (QueueBackend direct = createDirect(runId -> { }, completion -> completions.incrementAndGet())) {
            direct.clearTables();
            insertUnreadablePretendJob(database.dataSource(), Instant.now());
            assertThat(direct.pendingJobs()).isEqualTo(1);
            direct.startWorkers();

            awaitTrue(() -> direct.pendingJobs() == 0, Duration.ofSeconds(30).plus(retryPickupSlack()));
            // longer than the first retry's wait: a retried job would be pending again by now
            Thread.sleep(RetryPolicy.standard().delayAfter(1, 0.999_999).orElseThrow().plusSeconds(1).toMillis());

            assertThat(direct.pendingJobs()).as("jobs pending after the discard").isZero();
            assertThat(completions).as("completions reported").hasValue(0);
        }
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void pending_jobs_are_counted_and_clearing_the_tables_leaves_none() {
        Instant farAway = Instant.now().plus(Duration.ofHours(1));
        for (int i = 0; i < 20; i++) {
            backend.enqueue(new PretendJob(RunId.of(7), i, farAway));
        }
        backend.enqueueBatch(java.util.stream.IntStream.range(20, 70)
                .mapToObj(i -> new PretendJob(RunId.of(7), i, farAway)).toList());
        backend.submitSchedulingJob(RunId.of(8));
        assertThat(backend.pendingJobs()).as("pending before clearing: 70 pretend jobs and a scheduling job")
                .isEqualTo(71);

        backend.clearTables();

        assertThat(backend.pendingJobs()).as("pending after clearing").isZero();
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void the_provider_is_found_through_the_service_loader() {
        assertThat(ServiceLoader.load(QueueBackendProvider.class).stream().map(ServiceLoader.Provider::type))
                .as("providers listed in META-INF/services/" + QueueBackendProvider.class.getName())
                .contains(provider().getClass().asSubclass(QueueBackendProvider.class));
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void every_knob_has_a_value_in_every_profile_that_reads_back_with_its_source() {
        Knobs knobs = provider().knobs();
        assertThat(knobs.options()).as("every knob says what it means").allSatisfy(option ->
                assertThat(option.meaning()).isNotBlank());
        assertThat(knobs.options()).extracting(BackendOption::name).contains(BackendSettings.THREADS);
        for (Profile profile : Profile.values()) {
            BackendSettings inProfile = BackendSettings.none().withProfile(profile);
            Map<String, String> effective = knobs.effective(inProfile);

            assertThat(effective.keySet()).as("knobs in effect").containsExactlyElementsOf(
                    knobs.options().stream().map(BackendOption::name).toList());
            for (BackendOption option : knobs.options()) {
                assertThat(option.sourceIn(profile)).as("where the %s value of %s comes from", profile,
                        option.name()).isNotBlank();
                // the profile's value, typed as a user would, is taken as it is
                assertThat(knobs.effective(inProfile.with(option.name(), effective.get(option.name()))))
                        .isEqualTo(effective);
            }
            assertThat(effective.get(BackendSettings.THREADS)).as("threads are their own axis, not a profile's")
                    .isEqualTo(Integer.toString(BackendSettings.DEFAULT_THREADS));
            assertThat(provider().connectionsNeeded(inProfile)).as("connections the backend needs in %s", profile)
                    .isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void a_value_a_knob_does_not_take_is_refused_naming_the_knob_before_anything_is_created() {
        BackendSettings negativeThreads = settings().with(BackendSettings.THREADS, "-3");
        assertThatThrownBy(() -> provider().connectionsNeeded(negativeThreads))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(BackendSettings.THREADS);
        try (QueueBench withBadValue = benchOver(negativeThreads).build()) {
            assertThatThrownBy(() -> withBadValue.startRun(command(10, SchedulingMode.ONE_BY_ONE)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(BackendSettings.THREADS);
        }
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void an_unknown_knob_is_refused_naming_it_and_the_known_ones_before_anything_is_created() {
        BackendSettings typo = settings().with("no-such-knob", "1");
        try (QueueBench withTypo = benchOver(typo).build()) {
            assertThatThrownBy(() -> withTypo.startRun(command(10, SchedulingMode.ONE_BY_ONE)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no-such-knob")
                    .hasMessageContaining(BackendSettings.THREADS);
        }
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void every_table_the_backend_names_exists() {
        for (String table : backend.tableNames()) {
            assertThat(Tables.count(database.dataSource(), "select count(*) from pg_class where oid = to_regclass(?)",
                    table)).as("table " + table).isEqualTo(1);
        }
        assertThat(backend.tableNames()).isNotEmpty();
    }

    @Test
    @AloneOnTheMachine
    void creating_a_backend_starts_no_thread() {
        Set<Thread> before = Thread.getAllStackTraces().keySet();

        try (QueueBackend created = createDirect(runId -> { }, completion -> { })) {
            assertThat(leakedThreads(before)).as("threads started by create()").extracting(Thread::getName).isEmpty();
            assertThat(created.workersRunning()).isFalse();
        }
    }

    @Test
    @AloneOnTheMachine
    void starting_and_stopping_twice_is_the_same_as_once() throws InterruptedException {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        backend.startWorkers();
        // some libraries start their threads asynchronously: let them settle before taking stock
        Thread.sleep(500);
        Set<String> started = leakedThreads(before).stream().map(Thread::getName).collect(Collectors.toSet());
        backend.startWorkers();
        Thread.sleep(500);

        assertThat(backend.workersRunning()).isTrue();
        assertThat(leakedThreads(before)).as("threads after a second start").extracting(Thread::getName)
                .containsExactlyInAnyOrderElementsOf(started);

        backend.stopWorkers();
        backend.stopWorkers();
        assertThat(backend.workersRunning()).isFalse();
        backend.startWorkers();
        assertThat(backend.workersRunning()).as("started again after stopping").isTrue();
        backend.stopWorkers();
    }

    @Test
    @AloneOnTheMachine
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

    /** The backend alone, its tables migrated, its jobs calling test doubles instead of the core. */
    private QueueBackend createDirect(Scheduling scheduling, Completions completions) {
        return createDirect(database, scheduling, completions);
    }

    private QueueBackend createDirect(TestDatabase in, Scheduling scheduling, Completions completions) {
        return DirectBackends.create(provider(), in.dataSource(), settings(), scheduling::scheduleRun,
                completions::jobCompleted);
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

    /**
     * Holds a run's scheduling phase still, once armed, at its first stored progress, so that a fault hits it mid-way
     * on every backend, fast or slow; and runs a check as the scheduling phase ends, before a backlog's workers start.
     * It wraps the run store's save port; unarmed, it only passes calls through.
     */
    private static final class SchedulingPause {
        private final AtomicBoolean armed = new AtomicBoolean();
        private final CountDownLatch held = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private volatile int scheduledJobs;
        private volatile Runnable atSchedulingEnd = () -> { };

        SaveRunPort around(SaveRunPort store) {
            InvocationHandler handler = (proxy, method, args) -> {
                Object result;
                try {
                    result = method.invoke(store, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
                if (method.getName().equals("saveSchedulingFinished")) {
                    atSchedulingEnd.run();
                }
                if (method.getName().equals("saveSchedulingProgress") && armed.compareAndSet(true, false)) {
                    scheduledJobs = ((BenchmarkRun) args[0]).scheduledJobs();
                    held.countDown();
                    released.await(2, TimeUnit.MINUTES);
                }
                return result;
            };
            return (SaveRunPort) Proxy.newProxyInstance(SaveRunPort.class.getClassLoader(),
                    new Class<?>[] {SaveRunPort.class}, handler);
        }

        void arm() {
            armed.set(true);
        }

        /** Runs {@code check} on the scheduling thread once the scheduling phase stored its end. */
        void atSchedulingEnd(Runnable check) {
            atSchedulingEnd = check;
        }

        /** @return how many jobs the held run had enqueued */
        int awaitHeld(Duration timeout) throws InterruptedException {
            assertThat(held.await(timeout.toMillis(), TimeUnit.MILLISECONDS))
                    .as("the scheduling phase stored its progress within %s", timeout).isTrue();
            return scheduledJobs;
        }

        void release() {
            released.countDown();
        }
    }

    /** A test that must have the machine to itself: it counts the JVM's threads, or times a library's retry. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface AloneOnTheMachine {
    }

    /** On a backend's contract test: its library allows one instance of itself per JVM, so its tests run one by one. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface OneTestAtATime {
    }

    /**
     * Tests share the machine (a read lock on it) and run side by side; one marked {@link AloneOnTheMachine} takes it
     * whole (the write lock) and runs with no other test of the suite.
     */
    static final class MachineShare implements ResourceLocksProvider {
        private static final String MACHINE = "queue-bench.contract.machine";

        @Override
        public Set<Lock> provideForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass, Method testMethod) {
            boolean alone = testMethod.isAnnotationPresent(AloneOnTheMachine.class)
                    || testClass.isAnnotationPresent(OneTestAtATime.class);
            return Set.of(new Lock(MACHINE, alone ? ResourceAccessMode.READ_WRITE : ResourceAccessMode.READ));
        }
    }
}

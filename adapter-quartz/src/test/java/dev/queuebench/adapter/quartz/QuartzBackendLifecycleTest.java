package dev.queuebench.adapter.quartz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.fail;

import dev.queuebench.contract.DirectBackends;
import dev.queuebench.domain.RunId;
import dev.queuebench.ports.in.JobCompletion;
import dev.queuebench.ports.in.RecordJobCompletionUseCase;
import dev.queuebench.ports.in.ScheduleRunUseCase;
import dev.queuebench.ports.spi.BackendSettings;
import dev.queuebench.ports.spi.PretendJob;
import dev.queuebench.ports.spi.QueueBackend;
import dev.queuebench.testing.TestPostgres.TestDatabase;
import dev.queuebench.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** What the contract suite does not reach: Quartz's own ways to fail a job, retries of pretend jobs, and restarts. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class QuartzBackendLifecycleTest {

    private TestDatabase database;
    private final List<QueueBackend> backends = new ArrayList<>();
    private final List<JobCompletion> completions = new CopyOnWriteArrayList<>();

    @BeforeAll
    void createDatabase() {
        database = TestPostgres.newDatabase();
    }

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    @BeforeEach
    void clearTables() {
        completions.clear();
        backend(completions::add).clearTables();
        closeBackends();
    }

    @AfterEach
    void closeBackends() {
        backends.forEach(QueueBackend::close);
        backends.clear();
    }

    @Test
    void a_job_whose_class_cannot_be_loaded_is_removed_not_retried() throws Exception {
        QueueBackend backend = backend(completions::add);
        QuartzRows.insertPretendJob(database.dataSource(), "unloadable", "dev.queuebench.adapter.quartz.RemovedJob",
                "runId=7\nindex=0\n", Instant.now());
        backend.startWorkers();

        awaitTrue(() -> QuartzRows.triggers(database.dataSource()) == 0, Duration.ofSeconds(15));

        assertThat(QuartzRows.jobs(database.dataSource())).as("jobs left").isZero();
        assertThat(completions).isEmpty();
    }

    @Test
    void a_failed_pretend_job_gets_a_new_trigger_that_keeps_its_job_and_then_completes() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        QueueBackend backend = backend(completion -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("the recorder hiccuped");
            }
            completions.add(completion);
        });
        backend.startWorkers();
        backend.enqueue(new PretendJob(RunId.of(7), 0, Instant.now()));

        awaitTrue(() -> calls.get() == 1 && triggerNames().equals(List.of("7-0#2")), Duration.ofSeconds(5));
        assertThat(QuartzRows.jobs(database.dataSource())).as("the job waits for its second attempt").isEqualTo(1);

        awaitTrue(() -> completions.size() == 1, Duration.ofSeconds(10));
        assertThat(completions.get(0).jobIndex()).isZero();
        awaitTrue(() -> QuartzRows.jobs(database.dataSource()) == 0 && QuartzRows.triggers(database.dataSource()) == 0,
                Duration.ofSeconds(5));
    }

    @Test
    void a_job_due_soon_after_the_workers_stopped_runs_on_time_once_they_start_again() throws Exception {
        QueueBackend backend = backend(completions::add);
        Instant dueAt = Instant.now().plusSeconds(3);
        backend.enqueue(new PretendJob(RunId.of(7), 0, dueAt));
        backend.startWorkers();
        Thread.sleep(500); // the scheduler thread acquires the trigger ahead of its time
        backend.stopWorkers();
        assertThat(backend.workersRunning()).isFalse();

        backend.startWorkers();

        awaitTrue(() -> completions.size() == 1, Duration.ofSeconds(10));
        assertThat(Duration.between(dueAt, completions.get(0).startedAt())).as("pickup lag")
                .isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void triggers_a_stopped_scheduler_of_this_process_left_acquired_fire_as_soon_as_the_workers_start_again()
            throws Exception {
        QueueBackend backend = backend(completions::add);
        Instant dueAt = Instant.now();
        QuartzRows.insertPretendJob(database.dataSource(), "7-0", PretendQuartzJob.class.getName(),
                "runId=7\nindex=0\n", dueAt);
        QuartzRows.markAcquiredBy(database.dataSource(), "7-0", QuartzBackend.instanceId());

        backend.startWorkers();

        // a scheduler under another id would leave it to the cluster's failure detection, 15 s + 7.5 s away
        awaitTrue(() -> completions.size() == 1, Duration.ofSeconds(5));
    }

    @Test
    void stopping_the_workers_interrupts_a_scheduling_job_which_is_then_retried_later() throws Exception {
        CountDownLatch scheduling = new CountDownLatch(1);
        QueueBackend backend = backend(runId -> {
            scheduling.countDown();
            try {
                Thread.sleep(60_000); // a long scheduling loop
            } catch (InterruptedException e) {
                throw new CancellationException("scheduling of run " + runId + " was interrupted");
            }
        }, completions::add);
        backend.startWorkers();
        backend.submitSchedulingJob(RunId.of(5));
        assertThat(scheduling.await(10, TimeUnit.SECONDS)).isTrue();

        long start = System.nanoTime();
        backend.stopWorkers();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time to stop").isLessThan(Duration.ofSeconds(5));
        assertThat(triggerNames()).as("triggers left").containsExactly("run-5#2");
    }

    @Test
    void one_backend_at_a_time_holds_the_jvms_quartz_scheduler() {
        QueueBackend first = backend(completions::add);
        QueueBackend second = backend(completions::add);
        first.submitSchedulingJob(RunId.of(1));

        assertThatIllegalStateException()
                .isThrownBy(() -> second.submitSchedulingJob(RunId.of(2)))
                .withMessageContaining("one scheduler named 'queue-bench' per JVM");

        first.close();
        second.submitSchedulingJob(RunId.of(2));
        second.startWorkers();
        assertThat(second.workersRunning()).isTrue();
    }

    // ------------------------------------------------------------------------------------------------------------

    private QueueBackend backend(RecordJobCompletionUseCase recorder) {
        return backend(runId -> { }, recorder);
    }

    private QueueBackend backend(ScheduleRunUseCase runScheduler, RecordJobCompletionUseCase recorder) {
        QueueBackend backend = DirectBackends.create(new QuartzProvider(), database.dataSource(),
                BackendSettings.of(Map.of("threads", "4")), runScheduler, recorder);
        backends.add(backend);
        return backend;
    }

    private List<String> triggerNames() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("select trigger_name from qrtz_triggers");
             ResultSet result = select.executeQuery()) {
            while (result.next()) {
                names.add(result.getString(1));
            }
        }
        return names;
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void awaitTrue(Condition condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                fail("condition not met within " + timeout);
            }
            Thread.sleep(50);
        }
    }
}

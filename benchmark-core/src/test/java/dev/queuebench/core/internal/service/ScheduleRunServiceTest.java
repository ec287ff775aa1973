package dev.queuebench.core.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.ConcurrentRunException;
import dev.queuebench.domain.RunEnding;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.RunNotFoundException;
import dev.queuebench.domain.RunStatus;
import dev.queuebench.domain.SchedulingMode;
import dev.queuebench.ports.in.RunFault;
import dev.queuebench.ports.in.RunReport;
import dev.queuebench.ports.in.StartRunCommand;
import dev.queuebench.ports.out.RunLockPort.RunLock;
import dev.queuebench.ports.spi.PretendJob;
import dev.queuebench.testing.FakeQueueBackend;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScheduleRunServiceTest {

    private final InMemoryCore core = new InMemoryCore();

    @AfterEach
    void close() {
        core.close();
    }

    private BenchmarkRun start(int jobs, SchedulingMode mode) {
        return core.startRun(StartRunCommand.of("fake", jobs, mode, Duration.ofSeconds(10)));
    }

    @Test
    void one_by_one_enqueues_every_job_once_due_at_its_enqueue_time_plus_the_delay() {
        BenchmarkRun run = start(250, SchedulingMode.ONE_BY_ONE);
        Instant schedulingAt = core.clock.instant().plusSeconds(3);
        core.clock.set(schedulingAt);

        core.backend().runNextSchedulingJob();

        List<PretendJob> jobs = core.backend().enqueuedJobs();
        assertThat(jobs).extracting(PretendJob::index).containsExactlyElementsOf(IntStream.range(0, 250).boxed().toList());
        assertThat(jobs).allSatisfy(job -> {
            assertThat(job.runId()).isEqualTo(run.id());
            assertThat(job.dueAt()).isEqualTo(schedulingAt.plusSeconds(10));
        });
        assertThat(core.backend().batchSizes()).isEmpty();
    }

    @Test
    void in_bulk_enqueues_in_batches_of_a_thousand() {
        start(2_500, SchedulingMode.IN_BULK);

        core.backend().runNextSchedulingJob();

        assertThat(core.backend().batchSizes()).containsExactly(1_000, 1_000, 500);
        assertThat(core.backend().enqueuedJobs()).hasSize(2_500);
    }

    @Test
    void scheduling_stamps_its_start_and_finish_and_leaves_every_job_counted() {
        BenchmarkRun run = start(100, SchedulingMode.ONE_BY_ONE);
        core.backend().runNextSchedulingJob();

        BenchmarkRun stored = core.runs.loadRun(run.id()).orElseThrow();
        assertThat(stored.timeline().schedulingStartedAt()).contains(core.clock.instant());
        assertThat(stored.timeline().schedulingFinishedAt()).contains(core.clock.instant());
        assertThat(stored.scheduledJobs()).isEqualTo(100);
        assertThat(core.lock.isHeld()).isFalse();
    }

    @Test
    void progress_is_stored_now_and_then_not_per_job() {
        start(5_000, SchedulingMode.ONE_BY_ONE);

        core.backend().runNextSchedulingJob();

        long progressWrites = core.runs.writes().stream().filter(w -> w.startsWith("progress")).count();
        assertThat(progressWrites).isLessThan(50);
        assertThat(core.runs.writes()).endsWith("scheduling finished 1");
    }

    @Test
    void second_run_waits_while_first_is_running() {
        BenchmarkRun first = start(10, SchedulingMode.ONE_BY_ONE);
        BenchmarkRun second = start(10, SchedulingMode.ONE_BY_ONE);
        core.backend().runNextSchedulingJob();

        assertThatThrownBy(() -> core.backend().runNextSchedulingJob())
                .isInstanceOfSatisfying(ConcurrentRunException.class, e -> {
                    assertThat(e.candidate()).isEqualTo(second.id());
                    assertThat(e.runningRun()).contains(first.id());
                });
        assertThat(core.runs.loadRun(second.id()).orElseThrow().hasStartedScheduling()).isFalse();
        assertThat(core.lock.isHeld()).isFalse();
    }

    @Test
    void second_run_starts_once_the_first_finished() {
        start(10, SchedulingMode.ONE_BY_ONE);
        BenchmarkRun second = start(10, SchedulingMode.ONE_BY_ONE);
        FakeQueueBackend backend = core.backend();
        backend.runNextSchedulingJob();
        backend.runAllPretendJobs();
        core.flushCompletions();

        backend.runNextSchedulingJob();

        assertThat(core.runs.loadRun(second.id()).orElseThrow().hasFinishedScheduling()).isTrue();
    }

    @Test
    void second_run_starts_once_the_first_stalled() {
        start(10, SchedulingMode.ONE_BY_ONE);
        BenchmarkRun second = start(10, SchedulingMode.ONE_BY_ONE);
        core.backend().runNextSchedulingJob();
        core.clock.advance(Duration.ofSeconds(120));

        core.backend().runNextSchedulingJob();

        assertThat(core.runs.loadRun(second.id()).orElseThrow().hasFinishedScheduling()).isTrue();
    }

    @Test
    void a_run_waits_when_the_run_lock_is_held_elsewhere() {
        BenchmarkRun run = start(10, SchedulingMode.ONE_BY_ONE);
        try (RunLock held = core.lock.tryAcquire(Duration.ZERO).orElseThrow()) {
            assertThatThrownBy(() -> core.backend().runNextSchedulingJob())
                    .isInstanceOf(ConcurrentRunException.class)
                    .hasMessageContaining("the run lock was not acquired within PT0.05S");
        }
        assertThat(core.runs.loadRun(run.id()).orElseThrow().hasStartedScheduling()).isFalse();
    }

    @Test
    void a_repeated_scheduling_job_does_not_enqueue_twice() {
        BenchmarkRun run = start(10, SchedulingMode.ONE_BY_ONE);
        core.backend().runNextSchedulingJob();

        core.scheduleRun(run.id());

        assertThat(core.backend().enqueuedJobs()).hasSize(10);
    }

    @Test
    void scheduling_a_run_that_does_not_exist_fails_with_run_not_found() {
        assertThatThrownBy(() -> core.scheduleRun(RunId.of(99)))
                .isInstanceOf(RunNotFoundException.class)
                .hasMessage("no benchmark run with id 99");
    }

    @Test
    void a_younger_run_waits_for_an_older_pending_one_even_when_its_job_comes_first() {
        BenchmarkRun older = core.startRun(StartRunCommand.of("fake", 10));
        BenchmarkRun younger = start(10, SchedulingMode.ONE_BY_ONE);

        assertThatThrownBy(() -> core.scheduleRun(younger.id()))
                .isInstanceOfSatisfying(ConcurrentRunException.class,
                        e -> assertThat(e.runningRun()).contains(older.id()))
                .hasMessageContaining("is pending ahead of it");
    }

    @Test
    void the_scheduling_job_of_an_ended_run_does_nothing() {
        BenchmarkRun run = start(10, SchedulingMode.ONE_BY_ONE);
        core.runs.saveEnding(run.end(RunEnding.stoppedByOwner(core.clock.instant())));

        core.backend().runNextSchedulingJob();

        assertThat(core.backend().enqueuedJobs()).isEmpty();
        assertThat(core.runs.loadRun(run.id()).orElseThrow().hasStartedScheduling()).isFalse();
    }

    @Test
    void an_enqueue_that_finds_the_database_unreachable_is_tried_again_and_the_run_lists_the_outage() {
        BenchmarkRun run = start(20, SchedulingMode.ONE_BY_ONE);
        FakeQueueBackend backend = core.backend();
        backend.failEnqueueOf(7, connectionLost());
        backend.failEnqueueOf(7, connectionLost());

        backend.runNextSchedulingJob();
        backend.runAllPretendJobs();
        core.flushCompletions();
        core.superviseRuns();

        assertThat(backend.enqueuedJobs()).extracting(PretendJob::index)
                .containsExactlyElementsOf(IntStream.range(0, 20).boxed().toList());
        assertThat(backend.enqueueCalls()).isEqualTo(22);
        RunReport report = core.runReport(run.id()).orElseThrow();
        assertThat(report.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(report.faults()).singleElement().satisfies(fault -> {
            assertThat(fault.kind()).isEqualTo(RunFault.DATABASE_UNREACHABLE);
            assertThat(fault.detail()).startsWith("enqueue jobs 7 to 7 of run 1: SQLException: connection lost");
            assertThat(fault.node()).isEqualTo("node-a");
        });
    }

    @Test
    void an_error_that_is_not_a_database_outage_fails_the_scheduling_job_at_once() {
        start(20, SchedulingMode.ONE_BY_ONE);
        core.backend().failEnqueueOf(3, new IllegalStateException("a bug"));

        assertThatThrownBy(() -> core.backend().runNextSchedulingJob()).hasMessage("a bug");
        assertThat(core.backend().enqueueCalls()).isEqualTo(4);
    }

    @Test
    void a_scheduling_job_delivered_again_resumes_from_the_stored_progress() {
        BenchmarkRun run = start(10, SchedulingMode.ONE_BY_ONE);
        // an earlier delivery started, stored progress after six jobs, and died
        BenchmarkRun started = run.startScheduling(core.clock.instant());
        core.runs.saveSchedulingStarted(started);
        core.runs.saveSchedulingProgress(started.recordScheduledJobs(6, core.clock.instant()));

        core.backend().runNextSchedulingJob();

        assertThat(core.backend().enqueuedJobs()).extracting(PretendJob::index).containsExactly(6, 7, 8, 9);
        assertThat(core.runs.loadRun(run.id()).orElseThrow().hasFinishedScheduling()).isTrue();
    }

    @Test
    void a_scheduling_phase_cut_short_and_delivered_again_enqueues_no_job_twice() {
        BenchmarkRun run = start(3_000, SchedulingMode.IN_BULK);
        FakeQueueBackend backend = core.backend();
        backend.failEnqueueOf(2_500, new IllegalStateException("worker died"));
        assertThatThrownBy(backend::runNextSchedulingJob).hasMessage("worker died");

        backend.submitSchedulingJob(run.id());
        backend.runNextSchedulingJob();

        assertThat(backend.enqueuedJobs()).extracting(PretendJob::index).doesNotHaveDuplicates().hasSize(3_000);
        assertThat(core.runs.loadRun(run.id()).orElseThrow().hasFinishedScheduling()).isTrue();
    }

    @Test
    void a_resumed_phase_skips_jobs_that_already_ran_and_whose_rows_are_gone() {
        BenchmarkRun run = start(10, SchedulingMode.ONE_BY_ONE);
        FakeQueueBackend backend = core.backend();
        backend.failEnqueueOf(6, new IllegalStateException("worker died"));
        assertThatThrownBy(backend::runNextSchedulingJob).hasMessage("worker died");
        backend.runAllPretendJobs();
        // as a backend that deletes finished jobs would: jobs 0 to 5 ran and are gone
        backend.clearTables();

        backend.submitSchedulingJob(run.id());
        backend.runNextSchedulingJob();

        assertThat(backend.enqueuedJobs()).extracting(PretendJob::index).containsExactly(6, 7, 8, 9);
    }

    private static RuntimeException connectionLost() {
        return new IllegalStateException("enqueue failed", new SQLException("connection lost", "08006"));
    }
}

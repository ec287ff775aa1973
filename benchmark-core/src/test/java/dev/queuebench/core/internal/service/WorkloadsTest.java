package dev.queuebench.core.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.queuebench.domain.JobWork;
import dev.queuebench.domain.RunStatus;
import dev.queuebench.domain.SchedulingMode;
import dev.queuebench.domain.Workload;
import dev.queuebench.ports.in.RunListener;
import dev.queuebench.ports.in.RunReport;
import dev.queuebench.ports.in.StartRunCommand;
import dev.queuebench.ports.spi.PretendJob;
import dev.queuebench.ports.spi.PretendJobBody;
import dev.queuebench.testing.FakeQueueBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class WorkloadsTest {

    private final InMemoryCore core = new InMemoryCore();

    @AfterEach
    void close() {
        core.close();
    }

    @Test
    void a_backlog_is_enqueued_while_no_worker_runs_and_then_drained_by_the_workers() {
        RunReport report = core.runToEnd(StartRunCommand.backlog("fake", 40, SchedulingMode.ONE_BY_ONE),
                RunListener.SILENT);

        assertThat(report.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(report.completions().distinctCompleted()).isEqualTo(40);
        FakeQueueBackend backend = core.backend();
        assertThat(backend.workersRanAtEnqueue()).hasSize(40).doesNotContainValue(true);
        assertThat(backend.submittedSchedulingJobs()).as("no scheduling job goes to the backend").isEmpty();
        Instant workersStarted = report.run().timeline().workersStartedAt().orElseThrow();
        assertThat(workersStarted).isAfterOrEqualTo(report.run().timeline().schedulingFinishedAt().orElseThrow());
        assertThat(backend.enqueuedJobs()).allSatisfy(job -> assertThat(job.dueAt()).isBeforeOrEqualTo(workersStarted));
    }

    @Test
    void jobs_due_at_once_are_enqueued_as_work_to_do_now_and_delayed_ones_are_scheduled() {
        core.runToEnd(StartRunCommand.backlog("fake", 5, SchedulingMode.IN_BULK), RunListener.SILENT);
        assertThat(core.backend().enqueuedJobs()).as("a backlog").hasSize(5).allMatch(PretendJob::dueNow);

        core.runToEnd(StartRunCommand.rate("fake", 20, Duration.ofSeconds(1), SchedulingMode.ONE_BY_ONE),
                RunListener.SILENT);
        assertThat(core.backend().enqueuedJobs()).as("a rate").hasSize(20).allMatch(PretendJob::dueNow);

        core.runToEnd(StartRunCommand.of("fake", 5, SchedulingMode.IN_BULK, Duration.ZERO), RunListener.SILENT);
        assertThat(core.backend().enqueuedJobs()).as("a delayed run without delay").hasSize(5)
                .allMatch(PretendJob::dueNow);

        core.runToEnd(StartRunCommand.of("fake", 5, SchedulingMode.ONE_BY_ONE, Duration.ofMillis(50)),
                RunListener.SILENT);
        assertThat(core.backend().enqueuedJobs()).as("a delayed run").hasSize(5)
                .noneMatch(PretendJob::dueNow);
    }

    @Test
    void a_delayed_run_starts_its_workers_before_a_worker_enqueues_its_jobs() {
        RunReport report = core.runToEnd(StartRunCommand.of("fake", 10, SchedulingMode.IN_BULK, Duration.ZERO),
                RunListener.SILENT);

        assertThat(report.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(core.backend().workersRanAtEnqueue()).hasSize(10).doesNotContainValue(false);
        assertThat(report.run().timeline().workersStartedAt()).isPresent();
    }

    @Test
    void a_rate_offer_keeps_its_intended_times_when_the_backend_stalls() {
        FakeQueueBackend backend = core.backend();
        // 100 jobs/s for 1 s; the calls holding jobs 10, 30 and 50 each take 700 ms
        for (int index : new int[] {10, 30, 50}) {
            backend.stallEnqueueOf(index, Duration.ofMillis(700));
        }
        long started = System.nanoTime();

        RunReport report = core.runToEnd(StartRunCommand.rate("fake", 100, Duration.ofSeconds(1),
                SchedulingMode.ONE_BY_ONE), RunListener.SILENT);

        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(report.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(report.completions().distinctCompleted()).isEqualTo(100);
        Instant offerStart = report.run().timeline().schedulingStartedAt().orElseThrow();
        assertThat(backend.enqueuedJobs()).hasSize(100).allSatisfy(job -> assertThat(job.dueAt())
                .as("job %d is due at its intended time", job.index())
                .isEqualTo(offerStart.plusMillis(job.index() * 10L)));
        // a closed loop would have waited for each stalled call: 1 s + 3 x 700 ms
        assertThat(tookMillis).as("the offer did not wait for the stalled calls").isLessThan(2_900);
        Map<Integer, Long> storedAt = backend.enqueuedAtNanos();
        assertThat(storedAt.get(11) - storedAt.get(10)).as("job 11 went out while job 10's call stalled")
                .isNegative();
    }

    @Test
    void a_rate_offer_in_bulk_sends_what_became_due_in_batches() {
        RunReport report = core.runToEnd(StartRunCommand.rate("fake", 200, Duration.ofSeconds(1),
                SchedulingMode.IN_BULK), RunListener.SILENT);

        assertThat(report.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(core.backend().batchSizes()).hasSizeBetween(5, 15)
                .allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(40));
        assertThat(core.backend().batchSizes().stream().mapToInt(Integer::intValue).sum()).isEqualTo(200);
    }

    @Test
    void jobs_carry_their_runs_payload_and_do_its_work() {
        StartRunCommand command = StartRunCommand.of("fake", 5, SchedulingMode.IN_BULK, Duration.ZERO)
                .withJobWork(JobWork.parse("sleep:20ms", "1KB"));

        RunReport report = core.runToEnd(command, RunListener.SILENT);

        assertThat(report.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(core.backend().enqueuedJobs()).extracting(PretendJob::payload)
                .containsOnly(PretendJobBody.payloadOf(1024));
        assertThat(PretendJobBody.payloadOf(1024)).hasSize(1024);
        assertThat(report.run().spec().jobWork().workText()).isEqualTo("sleep:20ms");
    }

    @Test
    void start_run_refuses_a_workload_only_its_driver_can_enqueue() {
        assertThatIllegalArgumentException().isThrownBy(() -> core.startRun(
                        StartRunCommand.backlog("fake", 10, SchedulingMode.IN_BULK)))
                .withMessageContaining("the backlog workload is enqueued by the process that drives it");
        assertThat(core.runs.size()).isZero();
        assertThat(Workload.BACKLOG.enqueuedByTheRunner()).isTrue();
    }
}

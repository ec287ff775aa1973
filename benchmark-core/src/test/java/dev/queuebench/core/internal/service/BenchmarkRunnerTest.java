package dev.queuebench.core.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.RunStatus;
import dev.queuebench.domain.SchedulingMode;
import dev.queuebench.ports.in.RunListener;
import dev.queuebench.ports.in.RunReport;
import dev.queuebench.ports.in.StartRunCommand;
import dev.queuebench.ports.in.TrialMetric;
import dev.queuebench.ports.in.TrialResult;
import dev.queuebench.ports.out.RunLockPort.RunLock;
import dev.queuebench.ports.spi.PretendJob;
import dev.queuebench.testing.Await;
import dev.queuebench.testing.FakeQueueBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class BenchmarkRunnerTest {

    private final InMemoryCore core = new InMemoryCore();

    @AfterEach
    void close() {
        core.close();
    }

    private static StartRunCommand command(int jobs) {
        return StartRunCommand.of("fake", jobs, SchedulingMode.IN_BULK, Duration.ZERO);
    }

    @Test
    void a_run_is_driven_from_clean_tables_to_its_finished_report_and_the_workers_are_stopped() {
        FakeQueueBackend backend = core.backend();
        backend.enqueue(new PretendJob(RunId.of(99), 0, Instant.now()));
        List<RunStatus> seen = new ArrayList<>();

        RunReport report = core.runToEnd(command(50), r -> seen.add(r.status()));

        assertThat(report.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(report.completions().distinctCompleted()).isEqualTo(50);
        assertThat(backend.enqueuedJobs()).as("the stale job was cleared").allMatch(job -> !job.runId().equals(RunId.of(99)));
        assertThat(backend.workersRunning()).isFalse();
        assertThat(seen).last().isEqualTo(RunStatus.FINISHED);
        assertThat(report.resourceSamples())
                .as("the run ended long before the sampler's hourly tick: its last sample is taken at its end")
                .hasSize(1);
    }

    @Test
    void a_run_waits_for_an_older_pending_run_and_then_runs_from_clean_tables() throws Exception {
        BenchmarkRun first = core.startRun(StartRunCommand.of("fake", 10));
        FakeQueueBackend backend = core.backend();
        List<String> notices = new CopyOnWriteArrayList<>();

        CompletableFuture<RunReport> second = CompletableFuture.supplyAsync(() ->
                core.runToEnd(command(5), listener(notices)));
        Await.until(() -> !notices.isEmpty());
        assertThat(second).isNotDone();

        // a worker of another process runs the first run to its end
        backend.runNextSchedulingJob();
        backend.runAllPretendJobs();
        core.flushCompletions();

        RunReport report = second.get(20, TimeUnit.SECONDS);
        assertThat(notices).first().asString().isEqualTo("run 2 waits for run 1 on fake (pending)");
        assertThat(core.runReport(first.id()).orElseThrow().status()).isEqualTo(RunStatus.FINISHED);
        assertThat(report.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(backend.enqueuedJobs()).as("run 1's finished jobs were cleared first").hasSize(5)
                .allMatch(job -> job.runId().equals(report.run().id()));
    }

    @Test
    void a_run_whose_turn_comes_while_a_younger_runs_jobs_are_in_the_tables_leaves_them_alone_and_says_so()
            throws Exception {
        FakeQueueBackend backend = core.backend();
        List<String> notices = new CopyOnWriteArrayList<>();
        CompletableFuture<RunReport> older;
        BenchmarkRun younger;
        try (RunLock held = core.lock.tryAcquire(Duration.ZERO).orElseThrow()) {
            older = CompletableFuture.supplyAsync(() -> core.runToEnd(command(5), listener(notices)));
            Await.until(() -> core.runs.size() == 1);
            younger = core.startRun(command(7));
        }

        RunReport report = older.get(20, TimeUnit.SECONDS);

        assertThat(report.run().id()).isEqualTo(RunId.of(1));
        assertThat(report.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(notices).contains("the tables of fake are not cleared: run 2 has jobs in them");
        Instant olderFinished = report.run().timeline().runFinishedAt().orElseThrow();
        assertThat(core.runReport(younger.id()).orElseThrow().run().timeline().schedulingStartedAt())
                .as("the younger run, submitted first, waited for the older one")
                .satisfiesAnyOf(Optional::isEmpty,
                        started -> assertThat(started.orElseThrow()).isAfterOrEqualTo(olderFinished));
    }

    @Test
    void warm_ups_are_run_and_discarded_and_trials_are_kept_with_their_statistics() {
        TrialResult result = core.runTrials(command(20), 2, 3, r -> { });

        assertThat(result.warmups()).isEqualTo(2);
        assertThat(result.trials()).hasSize(3).allMatch(r -> r.status() == RunStatus.FINISHED);
        assertThat(result.allFinished()).isTrue();
        assertThat(core.runs.size()).as("warm-ups deleted").isEqualTo(3);
        // the fake clock stands still: every job finishes at once, so there is a run duration but no rate
        assertThat(result.statistics()).containsKey(TrialMetric.RUN_DURATION_MS).doesNotContainKey(TrialMetric.JOBS_PER_SECOND);
        assertThat(result.statistics().get(TrialMetric.RUN_DURATION_MS).n()).isEqualTo(3);
    }

    @Test
    void a_trial_plan_out_of_range_is_refused_before_any_run_is_created() {
        assertThatIllegalArgumentException().isThrownBy(() -> core.runTrials(command(20), 0, 101, r -> { }))
                .withMessageContaining("trials must be between 1 and 100");
        assertThat(core.runs.size()).isZero();
    }

    @Test
    void a_run_started_in_the_background_is_pending_at_once_and_driven_to_its_end() {
        BenchmarkRun run = core.startBenchmark(command(30));

        assertThat(run.timeline().submittedAt()).as("returned before its turn was taken").isEmpty();
        Await.until(() -> core.runReport(run.id()).orElseThrow().status() == RunStatus.FINISHED);
        Await.until(() -> !core.backend().workersRunning());
        assertThat(core.runReport(run.id()).orElseThrow().completions().distinctCompleted()).isEqualTo(30);
    }

    @Test
    void runs_started_in_the_background_run_one_after_the_other_in_their_order() {
        BenchmarkRun first = core.startBenchmark(command(40));
        BenchmarkRun second = core.startBenchmark(command(40));

        Await.until(() -> core.runReport(second.id()).orElseThrow().status() == RunStatus.FINISHED);

        RunReport a = core.runReport(first.id()).orElseThrow();
        RunReport b = core.runReport(second.id()).orElseThrow();
        assertThat(a.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(b.run().timeline().submittedAt().orElseThrow())
                .isAfterOrEqualTo(a.run().timeline().runFinishedAt().orElseThrow());
    }

    @Test
    void a_run_whose_workers_stop_by_themselves_is_interrupted_with_that_reason() throws Exception {
        FakeQueueBackend backend = core.backend();
        backend.holdPretendJobs(true);
        CompletableFuture<RunReport> driven = CompletableFuture.supplyAsync(() ->
                core.runToEnd(StartRunCommand.of("fake", 10), r -> { }));
        Await.until(() -> backend.enqueuedJobs().size() == 10);
        backend.crashWorkers();

        RunReport report = driven.get(20, TimeUnit.SECONDS);

        assertThat(report.status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(report.endReason()).contains("the workers of fake stopped by themselves while it ran (see the log)");
        assertThat(report.pendingJobs()).as("held by the backend when the run ended").hasValue(10);
        assertThat(report.lostJobs()).hasValue(0);
    }

    @Test
    void closing_the_core_ends_its_waiting_runs_as_interrupted() {
        core.startRun(StartRunCommand.of("fake", 10));
        BenchmarkRun waiting = core.startBenchmark(command(5));

        core.close();

        RunReport report = core.runReport(waiting.id()).orElseThrow();
        assertThat(report.status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(report.endReason()).contains("the process that started it stopped before it ended");
    }

    private static RunListener listener(List<String> notices) {
        return new RunListener() {
            @Override
            public void progress(RunReport report) {
            }

            @Override
            public void notice(String message) {
                notices.add(message);
            }
        };
    }
}

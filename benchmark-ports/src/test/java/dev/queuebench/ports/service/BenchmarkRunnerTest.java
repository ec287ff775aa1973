package dev.queuebench.ports.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.RunStatus;
import dev.queuebench.domain.SchedulingMode;
import dev.queuebench.ports.in.ActiveRunException;
import dev.queuebench.ports.in.RunReport;
import dev.queuebench.ports.in.StartRunCommand;
import dev.queuebench.ports.in.TrialMetric;
import dev.queuebench.ports.in.TrialResult;
import dev.queuebench.ports.spi.PretendJob;
import dev.queuebench.ports.testing.FakeQueueBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BenchmarkRunnerTest {

    private final InMemoryCore core = new InMemoryCore();

    @AfterEach
    void close() {
        core.close();
    }

    @Test
    void a_run_is_driven_from_clean_tables_to_its_finished_report_and_the_workers_are_stopped() {
        FakeQueueBackend backend = core.backend();
        backend.enqueue(new PretendJob(RunId.of(99), 0, Instant.now()));
        List<RunStatus> seen = new ArrayList<>();

        RunReport report = core.bench.runToEndFromCleanTables(
                StartRunCommand.of("fake", 50, SchedulingMode.IN_BULK, Duration.ZERO), r -> seen.add(r.status()));

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
    void a_run_meeting_an_active_run_leaves_the_tables_alone_and_says_so() {
        core.bench.startRun(StartRunCommand.of("fake", 10));
        FakeQueueBackend backend = core.backend();
        backend.runNextSchedulingJob();
        List<String> notices = new ArrayList<>();

        // the fake's worker meets run 1, requeues run 2's scheduling job, runs run 1's jobs, then schedules run 2
        RunReport report = core.bench.runToEnd(StartRunCommand.of("fake", 5, SchedulingMode.ONE_BY_ONE, Duration.ZERO),
                new RunListener() {
                    @Override
                    public void progress(RunReport r) {
                    }

                    @Override
                    public void notice(String message) {
                        notices.add(message);
                    }
                });

        assertThat(notices).singleElement().asString().contains("run 1 on fake is running: this run waits for it");
        assertThat(report.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(backend.enqueuedJobs()).hasSize(15);
    }

    @Test
    void warm_ups_are_run_and_discarded_and_trials_are_kept_with_their_statistics() {
        TrialResult result = core.bench.runTrials(
                StartRunCommand.of("fake", 20, SchedulingMode.IN_BULK, Duration.ZERO), 2, 3, r -> { });

        assertThat(result.warmups()).isEqualTo(2);
        assertThat(result.trials()).hasSize(3).allMatch(r -> r.status() == RunStatus.FINISHED);
        assertThat(result.allFinished()).isTrue();
        assertThat(core.runs.size()).as("warm-ups deleted").isEqualTo(3);
        // the fake clock stands still: every job finishes at once, so there is a run duration but no rate
        assertThat(result.statistics()).containsKey(TrialMetric.RUN_DURATION_MS).doesNotContainKey(TrialMetric.JOBS_PER_SECOND);
        assertThat(result.statistics().get(TrialMetric.RUN_DURATION_MS).n()).isEqualTo(3);
    }

    @Test
    void a_benchmark_refuses_to_start_while_another_run_is_running_and_changes_nothing() {
        BenchmarkRun other = core.bench.startRun(StartRunCommand.of("fake", 10));
        core.backend().runNextSchedulingJob();
        int runsBefore = core.runs.size();

        assertThatThrownBy(() -> core.bench.runToEndFromCleanTables(StartRunCommand.of("fake", 10), r -> { }))
                .isInstanceOfSatisfying(ActiveRunException.class, e -> assertThat(e.activeRun()).isEqualTo(other.id()))
                .hasMessageContaining("run 1 on fake is running");
        assertThat(core.runs.size()).isEqualTo(runsBefore);
        assertThat(core.backend().enqueuedJobs()).hasSize(10);
    }
}

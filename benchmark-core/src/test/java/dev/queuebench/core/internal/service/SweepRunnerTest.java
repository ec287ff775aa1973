package dev.queuebench.core.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.JobWork;
import dev.queuebench.domain.JobsCount;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.RunStatus;
import dev.queuebench.domain.SchedulingMode;
import dev.queuebench.domain.SweepPlan;
import dev.queuebench.ports.in.BackgroundSweep;
import dev.queuebench.ports.in.StartRunCommand;
import dev.queuebench.ports.in.SweepResult;
import dev.queuebench.ports.spi.BackendSettings;
import dev.queuebench.testing.Await;
import dev.queuebench.testing.FakeQueueBackend;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class SweepRunnerTest {

    private static final BackendId FAKE = BackendId.of("fake");

    private final InMemoryCore core = new InMemoryCore();

    @AfterEach
    void close() {
        core.close();
    }

    @Test
    void a_thread_sweep_drains_a_backlog_at_each_thread_count_and_gives_the_knobs_back() {
        SweepPlan plan = new SweepPlan(FAKE, SweepPlan.Kind.THREADS, List.of(1.0, 2.0, 4.0), JobsCount.of(20), null,
                SweepPlan.DEFAULT_SLO, SchedulingMode.IN_BULK, JobWork.NONE);

        SweepResult sweep = core.sweeps().runSweep(plan, r -> { });

        assertThat(sweep.points()).extracting(SweepResult.Point::value).containsExactly(1.0, 2.0, 4.0);
        assertThat(sweep.points()).allSatisfy(point -> {
            assertThat(point.report().status()).isEqualTo(RunStatus.FINISHED);
            assertThat(point.report().run().spec().workload().wireName()).isEqualTo("backlog");
            assertThat(point.report().environment()).containsEntry("backend.threads",
                    Long.toString((long) point.value()));
        });
        assertThat(core.queueBackends().settingsOf(FAKE)).isEqualTo(BackendSettings.none());
        SweepResult stored = core.sweeps().sweep(sweep.id()).orElseThrow();
        assertThat(stored.points()).extracting(point -> point.report().run().id())
                .containsExactlyElementsOf(sweep.points().stream().map(point -> point.report().run().id()).toList());
        assertThat(core.sweeps().listSweeps(10)).extracting(SweepResult::id).containsExactly(sweep.id());
    }

    @Test
    void a_rate_sweep_stops_once_two_points_in_a_row_fail() {
        // the fake backend on a clock that stands still completes every job at the same instant: no achieved rate,
        // so no point keeps up
        SweepPlan plan = new SweepPlan(FAKE, SweepPlan.Kind.RATES, List.of(10.0, 20.0, 40.0, 80.0), null,
                Duration.ofSeconds(1), SweepPlan.DEFAULT_SLO, SchedulingMode.IN_BULK, JobWork.NONE);
        List<String> notices = new CopyOnWriteArrayList<>();

        SweepResult sweep = core.sweeps().runSweep(plan, new dev.queuebench.ports.in.RunListener() {
            @Override
            public void progress(dev.queuebench.ports.in.RunReport report) {
            }

            @Override
            public void notice(String message) {
                notices.add(message);
            }
        });

        assertThat(sweep.points()).extracting(SweepResult.Point::value).containsExactly(10.0, 20.0);
        assertThat(sweep.points()).noneMatch(SweepResult.Point::passed);
        assertThat(sweep.peak()).isEmpty();
        assertThat(notices).anyMatch(notice -> notice.contains("stops: 2 points in a row did not keep up"));
    }

    @Test
    void a_sweep_in_the_background_is_stored_at_once_its_points_come_as_they_run_and_no_run_starts_meanwhile()
            throws Exception {
        // a run started before it holds its jobs: the sweep waits behind it
        FakeQueueBackend backend = core.backend();
        backend.holdPretendJobs(true);
        core.startBenchmark(StartRunCommand.of("fake", 10));
        Await.until(() -> backend.enqueuedJobs().size() == 10);
        SweepPlan plan = new SweepPlan(FAKE, SweepPlan.Kind.THREADS, List.of(1.0, 2.0), JobsCount.of(10), null,
                SweepPlan.DEFAULT_SLO, SchedulingMode.IN_BULK, JobWork.NONE);

        BackgroundSweep started = core.sweeps().sweepInBackground(plan, r -> { });

        assertThat(core.sweeps().sweep(started.id())).as("stored before its first point")
                .hasValueSatisfying(sweep -> assertThat(sweep.points()).isEmpty());
        assertThat(started.result()).isNotDone();
        assertThatIllegalStateException().isThrownBy(() -> core.startBenchmark(StartRunCommand.of("fake", 5)))
                .withMessage("sweep " + started.id() + " started on this node has not ended, and its runs come"
                        + " first: start this run once it ended");
        backend.holdPretendJobs(false);
        backend.runAllPretendJobs();
        SweepResult sweep = started.result().get(20, TimeUnit.SECONDS);
        assertThat(sweep.id()).isEqualTo(started.id());
        assertThat(sweep.points()).hasSize(2).allSatisfy(point -> assertThat(point.report().status())
                .isEqualTo(RunStatus.FINISHED));
        assertThat(core.sweeps().sweep(started.id()).orElseThrow().points()).hasSize(2);
        RunId after = core.startBenchmark(StartRunCommand.of("fake", 5)).id();
        Await.until(() -> core.runReport(after).orElseThrow().status() == RunStatus.FINISHED);
    }

    @Test
    void a_sweep_that_does_not_fit_is_refused_before_the_background_and_nothing_is_stored() {
        core.queueBackends().reconfigure(FAKE, BackendSettings.none().with(BackendSettings.THREADS, "3"));
        SweepPlan plan = new SweepPlan(FAKE, SweepPlan.Kind.THREADS, List.of(1.0), JobsCount.of(5), null,
                SweepPlan.DEFAULT_SLO, SchedulingMode.IN_BULK, JobWork.NONE);

        assertThatIllegalArgumentException().isThrownBy(() -> core.sweeps().sweepInBackground(plan, r -> { }));
        assertThat(core.sweeps().listSweeps(10)).isEmpty();
    }

    @Test
    void a_thread_sweep_refuses_a_threads_knob_of_its_own() {
        core.queueBackends().reconfigure(FAKE, BackendSettings.none().with(BackendSettings.THREADS, "3"));
        SweepPlan plan = new SweepPlan(FAKE, SweepPlan.Kind.THREADS, List.of(1.0), JobsCount.of(5), null,
                SweepPlan.DEFAULT_SLO, SchedulingMode.IN_BULK, JobWork.NONE);

        assertThatIllegalArgumentException().isThrownBy(() -> core.sweeps().runSweep(plan, r -> { }))
                .withMessageContaining("a thread sweep sets the worker threads itself");
    }
}

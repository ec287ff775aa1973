package dev.queuebench.core.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.JobWork;
import dev.queuebench.domain.JobsCount;
import dev.queuebench.domain.RunStatus;
import dev.queuebench.domain.SchedulingMode;
import dev.queuebench.domain.SweepPlan;
import dev.queuebench.ports.in.SweepResult;
import dev.queuebench.ports.spi.BackendSettings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
    void a_thread_sweep_refuses_a_threads_knob_of_its_own() {
        core.queueBackends().reconfigure(FAKE, BackendSettings.none().with(BackendSettings.THREADS, "3"));
        SweepPlan plan = new SweepPlan(FAKE, SweepPlan.Kind.THREADS, List.of(1.0), JobsCount.of(5), null,
                SweepPlan.DEFAULT_SLO, SchedulingMode.IN_BULK, JobWork.NONE);

        assertThatIllegalArgumentException().isThrownBy(() -> core.sweeps().runSweep(plan, r -> { }))
                .withMessageContaining("a thread sweep sets the worker threads itself");
    }
}

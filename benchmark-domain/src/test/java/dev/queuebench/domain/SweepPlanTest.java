package dev.queuebench.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepPlanTest {

    private static final BackendId BACKEND = BackendId.of("postgres");

    private static SweepPlan rates(Double... values) {
        return new SweepPlan(BACKEND, SweepPlan.Kind.RATES, List.of(values), null, Duration.ofSeconds(30),
                SweepPlan.DEFAULT_SLO, SchedulingMode.ONE_BY_ONE, JobWork.NONE);
    }

    private static SweepPlan threads(Double... values) {
        return new SweepPlan(BACKEND, SweepPlan.Kind.THREADS, List.of(values), JobsCount.of(50_000), null,
                SweepPlan.DEFAULT_SLO, SchedulingMode.IN_BULK, JobWork.NONE);
    }

    @Test
    void a_rate_sweep_stops_once_two_points_in_a_row_failed_and_not_before() {
        SweepPlan plan = rates(100.0, 200.0, 400.0, 800.0);

        assertThat(plan.stopsAfter(List.of(true, false))).isFalse();
        assertThat(plan.stopsAfter(List.of(true, false, true, false))).isFalse();
        assertThat(plan.stopsAfter(List.of(true, false, false))).isTrue();
        assertThat(plan.stopsAfter(List.of(false, false))).isTrue();
        assertThat(threads(1.0, 2.0).stopsAfter(List.of(false, false))).as("a thread sweep runs every point")
                .isFalse();
    }

    @Test
    void each_point_is_a_backlog_or_the_points_rate() {
        assertThat(threads(1.0, 2.0).workloadAt(2)).isEqualTo(Workload.BACKLOG);
        assertThat(rates(100.0).workloadAt(100)).isEqualTo(new Workload.Rate(100, Duration.ofSeconds(30)));
        assertThat(SweepPlan.format(List.of(1.0, 2.0, 250.5))).isEqualTo("1,2,250.5");
    }

    @Test
    void points_must_rise_and_fit_their_kind() {
        assertThatIllegalArgumentException().isThrownBy(() -> threads(4.0, 2.0))
                .withMessage("a sweep's points must rise, was 4,2");
        assertThatIllegalArgumentException().isThrownBy(() -> threads(1.5))
                .withMessageContaining("thread counts must be whole numbers from 1 to 1000");
        assertThatIllegalArgumentException().isThrownBy(() -> rates(0.0))
                .withMessageContaining("rate must be above 0");
        assertThatIllegalArgumentException().isThrownBy(() -> rates())
                .withMessage("a sweep takes 1 to 30 points, was 0");
        assertThatIllegalArgumentException().isThrownBy(() -> new SweepPlan(BACKEND, SweepPlan.Kind.RATES,
                        List.of(10.0), null, Duration.ofSeconds(10), Duration.ZERO, SchedulingMode.ONE_BY_ONE,
                        JobWork.NONE))
                .withMessage("the slo must be positive, was 0s");
    }
}

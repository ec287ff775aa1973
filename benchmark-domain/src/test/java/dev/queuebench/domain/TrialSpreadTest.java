package dev.queuebench.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrialSpreadTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void trials_within_the_goal_need_no_reason() {
        assertThat(TrialSpread.reasonFor(0.049, List.of(steady(20, 0, 0)))).isEmpty();
    }

    @Test
    void a_rate_that_drifts_within_runs_is_the_reason() {
        assertThat(TrialSpread.reasonFor(0.15, List.of(steady(30, -0.4, 0), steady(30, -0.3, 0))))
                .hasValueSatisfying(reason -> assertThat(reason).contains("drifts within each run", "-35%"));
    }

    @Test
    void work_in_bursts_with_pauses_is_the_reason() {
        assertThat(TrialSpread.reasonFor(0.12, List.of(steady(8, 0.05, 4_500), steady(12, 0, 300))))
                .hasValueSatisfying(reason -> assertThat(reason).contains("in bursts", "up to 4500ms", "8s",
                        "--min-duration"));
    }

    @Test
    void steady_runs_that_differ_from_one_another_say_so() {
        assertThat(TrialSpread.reasonFor(0.08, List.of(steady(30, 0.02, 100), steady(25, 0.04, 0))))
                .hasValueSatisfying(reason -> assertThat(reason).contains("each run was steady (drift +3%",
                        "the runs differ from one another"));
    }

    private static SteadyState steady(int seconds, double drift, long pauseMillis) {
        return new SteadyState(T0, T0.plusSeconds(seconds), 1_000.0 * seconds, drift, Duration.ofMillis(pauseMillis));
    }
}

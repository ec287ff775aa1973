package dev.queuebench.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunSizingTest {

    private final RunSizing twentySeconds = new RunSizing(Duration.ofSeconds(20));

    @Test
    void a_run_holds_enough_jobs_that_its_steady_middle_lasts_the_minimum() {
        // 1,000 jobs/s for 20 s in the middle 80%: 25,000 jobs
        assertThat(twentySeconds.jobsAt(1_000)).isEqualTo(JobsCount.of(25_000));
        // 237 jobs/s: 5,925 rounded up to two significant digits
        assertThat(twentySeconds.jobsAt(237)).isEqualTo(JobsCount.of(6_000));
    }

    @Test
    void sizes_stay_within_what_a_run_may_hold() {
        assertThat(twentySeconds.jobsAt(10_000_000)).isEqualTo(JobsCount.of(JobsCount.MAX));
        assertThat(new RunSizing(Duration.ofSeconds(1)).jobsAt(0.01)).isEqualTo(JobsCount.of(1));
        assertThatIllegalArgumentException().isThrownBy(() -> twentySeconds.jobsAt(0));
    }

    @Test
    void a_calibration_without_a_steady_window_runs_again_ten_times_larger_up_to_a_limit() {
        assertThat(twentySeconds.nextCalibration(1_000, Optional.empty())).hasValue(10_000);
        assertThat(twentySeconds.nextCalibration(1_000_000, Optional.empty())).isEmpty();
    }

    @Test
    void a_calibration_shorter_than_a_quarter_of_the_minimum_runs_again_sized_to_half_of_it() {
        // 800 jobs in 1 s: 800 jobs/s; half of 20 s at that rate is 8,000 jobs in the middle 80%: 10,000 jobs
        assertThat(twentySeconds.nextCalibration(1_000, steady(800, Duration.ofSeconds(1)))).hasValue(10_000);
        // long enough: 5 s of the 20
        assertThat(twentySeconds.nextCalibration(1_000, steady(4_000, Duration.ofSeconds(5)))).isEmpty();
        // at least twice as large, however slow it looked
        assertThat(twentySeconds.nextCalibration(1_000, steady(8, Duration.ofSeconds(1)))).hasValue(2_000);
    }

    @Test
    void a_warm_up_whose_window_fell_short_sizes_the_runs_again_from_its_own_rate_and_never_smaller() {
        RunSizing sizing = new RunSizing(Duration.ofSeconds(40));
        // a warm-up of 19,000 jobs, sized from a slow calibration, whose middle lasted 14 s at about 1,090 jobs/s
        assertThat(sizing.resizedAfterWarmup(19_000, steady(15_200, Duration.ofSeconds(14))))
                .contains(JobsCount.of(55_000));
        assertThat(sizing.resizedAfterWarmup(19_000, steady(24_000, Duration.ofSeconds(30))))
                .as("three quarters of the minimum is long enough").isEmpty();
        assertThat(sizing.resizedAfterWarmup(100_000, steady(8_000, Duration.ofSeconds(10))))
                .as("a rate that calls for fewer jobs keeps the size").isEmpty();
        assertThat(sizing.resizedAfterWarmup(19_000, Optional.empty())).as("no steady window to read").isEmpty();
    }

    private static Optional<SteadyState> steady(double events, Duration window) {
        Instant from = Instant.parse("2026-12-07T10:00:00Z");
        return Optional.of(new SteadyState(from, from.plus(window), events, 0, Duration.ZERO));
    }

    @Test
    void a_minimum_is_between_a_second_and_a_day() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RunSizing(Duration.ofMillis(500)))
                .withMessage("a run's minimum duration must be between 1s and 24h, was 500ms");
        assertThatIllegalArgumentException().isThrownBy(() -> new RunSizing(Duration.ofHours(25)));
        assertThat(RunSizing.DEFAULT_MINIMUM).isEqualTo(Durations.parse(RunSizing.DEFAULT_MINIMUM_TEXT));
    }

    @Test
    void rounding_up_keeps_two_significant_digits() {
        assertThat(RunSizing.roundUpToTwoDigits(99)).isEqualTo(99);
        assertThat(RunSizing.roundUpToTwoDigits(101)).isEqualTo(110);
        assertThat(RunSizing.roundUpToTwoDigits(25_000)).isEqualTo(25_000);
        assertThat(RunSizing.roundUpToTwoDigits(25_001)).isEqualTo(26_000);
    }
}

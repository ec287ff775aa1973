package dev.queuebench.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
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
    void a_calibration_too_short_to_read_runs_again_ten_times_larger_up_to_a_limit() {
        assertThat(RunSizing.nextCalibration(1_000, Duration.ofMillis(300), true)).hasValue(10_000);
        assertThat(RunSizing.nextCalibration(1_000, Duration.ofSeconds(5), false)).hasValue(10_000);
        assertThat(RunSizing.nextCalibration(1_000, Duration.ofSeconds(3), true)).isEmpty();
        assertThat(RunSizing.nextCalibration(100_000, Duration.ofMillis(300), true)).isEmpty();
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

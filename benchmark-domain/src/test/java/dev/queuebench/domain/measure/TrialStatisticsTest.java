package dev.queuebench.domain.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import dev.queuebench.domain.measure.TrialStatistics.Scale;
import org.junit.jupiter.api.Test;

class TrialStatisticsTest {

    @Test
    void three_trials_of_a_signed_figure_get_mean_sample_deviation_and_a_student_t_interval() {
        TrialStatistics stats = TrialStatistics.of(Scale.SIGNED, 10, 12, 14);

        assertThat(stats.n()).isEqualTo(3);
        assertThat(stats.mean()).isEqualTo(12);
        assertThat(stats.stddev()).isCloseTo(2.0, within(1e-9));
        // t(0.975, 2) = 4.303; 4.303 * 2 / sqrt(3) = 4.9687
        assertThat(stats.ci95().orElseThrow().low()).isCloseTo(12 - 4.9687, within(1e-3));
        assertThat(stats.ci95().orElseThrow().high()).isCloseTo(12 + 4.9687, within(1e-3));
        assertThat(stats.min()).isEqualTo(10);
        assertThat(stats.max()).isEqualTo(14);
        assertThat(stats.outliers()).isEmpty();
    }

    @Test
    void a_rate_gets_its_interval_on_the_log_scale_which_stays_above_zero() {
        // a wide spread, as two trials of a short drain gave: the plain interval would reach below zero
        TrialStatistics plain = TrialStatistics.of(Scale.SIGNED, 800, 3_800, 2_300);
        TrialStatistics rate = TrialStatistics.of(Scale.POSITIVE, 800, 3_800, 2_300);
        assertThat(plain.ci95().orElseThrow().low()).isNegative();

        // ln 800, ln 3800, ln 2300: mean 7.556011, sd 0.795315; 4.303 * 0.795315 / sqrt(3) = 1.975832
        assertThat(rate.ci95().orElseThrow().low()).isCloseTo(265.119, within(0.01));
        assertThat(rate.ci95().orElseThrow().high()).isCloseTo(13_791.985, within(0.1));
        assertThat(rate.ci95().orElseThrow().low()).isPositive();
        assertThat(rate.mean()).as("the mean is the plain mean").isCloseTo(2_300, within(1e-9));
    }

    @Test
    void fewer_than_three_trials_get_no_interval_at_all() {
        assertThat(TrialStatistics.of(Scale.POSITIVE, 7.5).ci95()).isEmpty();
        assertThat(TrialStatistics.of(Scale.POSITIVE, 1_947, 6_592).ci95()).isEmpty();
        assertThat(TrialStatistics.of(Scale.SIGNED, -3, 4).ci95()).isEmpty();
        assertThat(TrialStatistics.of(7.5).stddev()).isZero();
    }

    @Test
    void a_trial_beyond_three_median_absolute_deviations_is_an_outlier() {
        // median 10, deviations 0.2 0.1 0 0.1 5 -> MAD 0.1, bounds 9.7..10.3
        TrialStatistics stats = TrialStatistics.of(9.8, 10.1, 10, 9.9, 15);
        assertThat(stats.median()).isEqualTo(10);
        assertThat(stats.mad()).isCloseTo(0.1, within(1e-9));
        assertThat(stats.outliers()).containsExactly(4);
    }

    @Test
    void exactly_three_deviations_away_is_not_an_outlier() {
        // median 10, deviations 0 1 1 3 0 -> MAD 1, bound 13
        TrialStatistics stats = TrialStatistics.of(10, 11, 9, 13, 10);
        assertThat(stats.outliers()).isEmpty();
    }

    @Test
    void when_most_trials_agree_exactly_nothing_is_flagged() {
        assertThat(TrialStatistics.of(5, 5, 6).outliers()).isEmpty();
    }

    @Test
    void no_values_or_non_finite_values_are_refused() {
        assertThatIllegalArgumentException().isThrownBy(TrialStatistics::of);
        assertThatIllegalArgumentException().isThrownBy(() -> TrialStatistics.of(1, Double.NaN));
    }

    @Test
    void many_trials_use_the_normal_approximation() {
        double[] values = new double[200];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 2 == 0 ? 9 : 11;
        }
        TrialStatistics stats = TrialStatistics.of(Scale.SIGNED, values);
        assertThat(stats.ci95().orElseThrow().high() - stats.mean())
                .isCloseTo(1.96 * stats.stddev() / Math.sqrt(200), within(1e-9));
    }

    @Test
    void the_coefficient_of_variation_is_the_deviation_as_a_share_of_the_mean() {
        TrialStatistics stats = TrialStatistics.of(90, 100, 110);

        assertThat(stats.cv().getAsDouble()).isCloseTo(10.0 / 100, within(1e-12));
        assertThat(TrialStatistics.of(5).cv()).isEmpty();
        assertThat(TrialStatistics.of(-1, 1).cv()).isEmpty();
    }
}

package dev.queuebench.core.stats;

import static dev.queuebench.ports.in.TrialMetric.Direction.HIGHER_IS_BETTER;
import static dev.queuebench.ports.in.TrialMetric.Direction.LOWER_IS_BETTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.queuebench.core.stats.RegressionCheck.Verdict;
import dev.queuebench.domain.measure.TrialStatistics.Scale;
import dev.queuebench.domain.measure.TrialStatistics;
import org.junit.jupiter.api.Test;

class RegressionCheckTest {

    private final TrialStatistics baseline = TrialStatistics.of(100, 101, 99);

    @Test
    void a_slower_run_duration_beyond_ten_percent_with_separate_intervals_is_a_regression() {
        RegressionCheck.Result result = RegressionCheck.compare(baseline, TrialStatistics.of(120, 121, 119), LOWER_IS_BETTER);
        assertThat(result.verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(result.relativeChange()).isCloseTo(0.20, within(1e-9));
    }

    @Test
    void fewer_jobs_per_second_is_a_regression_and_more_an_improvement() {
        assertThat(RegressionCheck.compare(baseline, TrialStatistics.of(80, 81, 79), HIGHER_IS_BETTER).verdict())
                .isEqualTo(Verdict.REGRESSION);
        assertThat(RegressionCheck.compare(baseline, TrialStatistics.of(120, 121, 119), HIGHER_IS_BETTER).verdict())
                .isEqualTo(Verdict.IMPROVEMENT);
    }

    @Test
    void a_change_within_ten_percent_is_not_significant_even_with_separate_intervals() {
        assertThat(RegressionCheck.compare(baseline, TrialStatistics.of(108, 108.5, 107.5), LOWER_IS_BETTER).verdict())
                .isEqualTo(Verdict.NO_SIGNIFICANT_CHANGE);
    }

    @Test
    void fewer_than_three_trials_on_either_side_cannot_tell() {
        RegressionCheck.Result result = RegressionCheck.compare(baseline, TrialStatistics.of(200, 210),
                LOWER_IS_BETTER);

        assertThat(result.verdict()).isEqualTo(Verdict.TOO_FEW_TRIALS);
        assertThat(RegressionCheck.compare(TrialStatistics.of(100), TrialStatistics.of(200), LOWER_IS_BETTER)
                .verdict()).isEqualTo(Verdict.TOO_FEW_TRIALS);
    }

    @Test
    void rates_are_compared_on_the_same_log_scale_intervals_reports_print() {
        TrialStatistics before = TrialStatistics.of(Scale.POSITIVE, 1_000, 1_020, 980);
        TrialStatistics after = TrialStatistics.of(Scale.POSITIVE, 700, 710, 690);

        assertThat(RegressionCheck.compare(before, after, HIGHER_IS_BETTER).verdict()).isEqualTo(Verdict.REGRESSION);
    }

    @Test
    void a_large_change_with_overlapping_intervals_is_not_significant() {
        TrialStatistics noisy = TrialStatistics.of(60, 200, 100);
        assertThat(RegressionCheck.compare(baseline, noisy, LOWER_IS_BETTER).verdict())
                .isEqualTo(Verdict.NO_SIGNIFICANT_CHANGE);
    }
}

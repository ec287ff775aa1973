package dev.queuebench.core.stats;

import dev.queuebench.domain.measure.TrialStatistics;
import dev.queuebench.ports.in.TrialMetric.Direction;
import java.util.Objects;

/**
 * Compares one metric of a new set of trials with a baseline: a <em>regression</em> is a change for the worse of
 * more than 10% of the baseline mean whose 95% confidence intervals (the same intervals reports print: on the log
 * scale for rates and durations) do not overlap; an <em>improvement</em> the same for the better; anything else is
 * <em>no significant change</em>. Without an interval on both sides (fewer than three trials) nothing can be told.
 */
public final class RegressionCheck {

    public static final double THRESHOLD = 0.10;

    public enum Verdict {
        REGRESSION("regression"),
        IMPROVEMENT("improvement"),
        NO_SIGNIFICANT_CHANGE("no significant change"),
        TOO_FEW_TRIALS("too few trials to tell (" + TrialStatistics.MIN_TRIALS_FOR_AN_INTERVAL
                + " or more on each side)");

        private final String words;

        Verdict(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** The verdict and the relative change of the mean (positive means the value grew). */
    public record Result(Verdict verdict, double relativeChange) {
    }

    private RegressionCheck() {
    }

    public static Result compare(TrialStatistics baseline, TrialStatistics current, Direction direction) {
        Objects.requireNonNull(baseline, "baseline is required");
        Objects.requireNonNull(current, "current is required");
        Objects.requireNonNull(direction, "direction is required");
        if (baseline.mean() == 0) {
            return new Result(Verdict.NO_SIGNIFICANT_CHANGE, 0);
        }
        double change = (current.mean() - baseline.mean()) / Math.abs(baseline.mean());
        if (baseline.ci95().isEmpty() || current.ci95().isEmpty()) {
            return new Result(Verdict.TOO_FEW_TRIALS, change);
        }
        double worse = direction == Direction.LOWER_IS_BETTER ? change : -change;
        boolean significant = !baseline.overlaps(current);
        if (significant && worse > THRESHOLD) {
            return new Result(Verdict.REGRESSION, change);
        }
        if (significant && -worse > THRESHOLD) {
            return new Result(Verdict.IMPROVEMENT, change);
        }
        return new Result(Verdict.NO_SIGNIFICANT_CHANGE, change);
    }
}

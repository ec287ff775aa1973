package dev.queuebench.domain.measure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * One metric over N trials.
 *
 * <ul>
 *   <li>{@code stddev}: the sample standard deviation (n - 1); 0 for one trial.</li>
 *   <li>{@code ci95}: a 95% confidence interval, with Student's t because trials are few, and only from
 *       {@value #MIN_TRIALS_FOR_AN_INTERVAL} trials on: two trials give an interval some thirteen times their spread,
 *       which says nothing. A metric that cannot be negative (a rate, a duration: {@link Scale#POSITIVE}) gets its
 *       interval on the log scale, exp(mean(ln x) -+ t * sd(ln x) / sqrt(n)): positive, and as skewed as such figures
 *       are; one that can be negative (a pickup lag, when a backend starts jobs early) gets mean -+ t * stddev /
 *       sqrt(n).</li>
 *   <li>{@code outliers}: indices of trials beyond median -+ 3 * MAD, MAD being the median of the absolute
 *       deviations from the median (unscaled, as the brief states the rule). When MAD is 0 (most trials agree
 *       exactly) nothing is flagged rather than everything that differs.</li>
 * </ul>
 */
public record TrialStatistics(int n, double mean, double stddev, double min, double max, double median, double mad,
                              Optional<Interval> ci95, List<Integer> outliers) {

    /** Fewer trials get no interval. */
    public static final int MIN_TRIALS_FOR_AN_INTERVAL = 3;

    /** Which values a metric can take, and so which interval fits it. */
    public enum Scale {
        /** Rates and durations: above zero, and skewed. */
        POSITIVE,
        /** Figures that may be negative, such as a pickup lag. */
        SIGNED
    }

    /** A 95% confidence interval. */
    public record Interval(double low, double high) {

        public Interval {
            if (!(low <= high)) {
                throw new IllegalArgumentException("an interval runs from low to high, was " + low + " .. " + high);
            }
        }

        public boolean overlaps(Interval other) {
            return low <= other.high && other.low <= high;
        }
    }

    public TrialStatistics {
        Objects.requireNonNull(ci95, "interval is required (may be empty)");
        Objects.requireNonNull(outliers, "outliers are required");
        outliers = List.copyOf(outliers);
    }

    /**
     * Statistics of a metric that may be negative.
     *
     * @throws IllegalArgumentException for no values or a value that is not a finite number
     */
    public static TrialStatistics of(double... values) {
        return of(Scale.SIGNED, values);
    }

    /**
     * Statistics of a metric on its scale (a positive metric with a value that is not positive, which its own
     * definition rules out, gets the interval of a signed one).
     *
     * @throws IllegalArgumentException for no values or a value that is not a finite number
     */
    public static TrialStatistics of(Scale scale, double... values) {
        Objects.requireNonNull(scale, "scale is required");
        if (values.length == 0) {
            throw new IllegalArgumentException("statistics need at least one value");
        }
        for (double value : values) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("statistics need finite values, got " + value);
            }
        }
        int n = values.length;
        double mean = mean(values);
        double stddev = stddev(values, mean);
        double median = median(values);
        double mad = median(Arrays.stream(values).map(v -> Math.abs(v - median)).toArray());
        List<Integer> outliers = new ArrayList<>();
        if (mad > 0) {
            for (int i = 0; i < n; i++) {
                if (Math.abs(values[i] - median) > 3 * mad) {
                    outliers.add(i);
                }
            }
        }
        return new TrialStatistics(n, mean, stddev, Arrays.stream(values).min().orElseThrow(),
                Arrays.stream(values).max().orElseThrow(), median, mad, interval(scale, values), outliers);
    }

    /**
     * Statistics of the values present, on the metric's scale; empty when none is (no trial has the metric).
     */
    public static Optional<TrialStatistics> ofPresent(Scale scale, Stream<OptionalDouble> values) {
        double[] present = values.filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble).toArray();
        return present.length == 0 ? Optional.empty() : Optional.of(of(scale, present));
    }

    private static Optional<Interval> interval(Scale scale, double[] values) {
        int n = values.length;
        if (n < MIN_TRIALS_FOR_AN_INTERVAL) {
            return Optional.empty();
        }
        double t = StudentT.critical95(n - 1);
        if (scale == Scale.SIGNED || Arrays.stream(values).anyMatch(value -> value <= 0)) {
            double mean = mean(values);
            double halfWidth = t * stddev(values, mean) / Math.sqrt(n);
            return Optional.of(new Interval(mean - halfWidth, mean + halfWidth));
        }
        double[] logs = Arrays.stream(values).map(Math::log).toArray();
        double logMean = mean(logs);
        double halfWidth = t * stddev(logs, logMean) / Math.sqrt(n);
        return Optional.of(new Interval(Math.exp(logMean - halfWidth), Math.exp(logMean + halfWidth)));
    }

    /**
     * The coefficient of variation, stddev / |mean|: how much trials differ, as a share of their mean. Empty for one
     * trial, or a mean of 0.
     */
    public OptionalDouble cv() {
        return n > 1 && mean != 0 ? OptionalDouble.of(stddev / Math.abs(mean)) : OptionalDouble.empty();
    }

    /** Whether both have an interval and the two overlap. */
    public boolean overlaps(TrialStatistics other) {
        return ci95.isPresent() && other.ci95.isPresent() && ci95.get().overlaps(other.ci95.get());
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }

    private static double stddev(double[] values, double mean) {
        if (values.length < 2) {
            return 0;
        }
        double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(squares / (values.length - 1));
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

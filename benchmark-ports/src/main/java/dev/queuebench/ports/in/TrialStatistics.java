package dev.queuebench.ports.in;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One metric over N trials.
 *
 * <ul>
 *   <li>{@code stddev}: the sample standard deviation (n - 1); 0 for one trial.</li>
 *   <li>{@code ci95Low}/{@code ci95High}: mean -+ t(0.975, n - 1) * stddev / sqrt(n), Student's t because trials
 *       are few; both equal the mean for one trial (there is no interval to speak of).</li>
 *   <li>{@code outliers}: indices of trials beyond median -+ 3 * MAD, MAD being the median of the absolute
 *       deviations from the median (unscaled, as the brief states the rule). When MAD is 0 (most trials agree
 *       exactly) nothing is flagged rather than everything that differs.</li>
 * </ul>
 */
public record TrialStatistics(int n, double mean, double stddev, double min, double max, double median, double mad,
                              double ci95Low, double ci95High, List<Integer> outliers) {

    public TrialStatistics {
        Objects.requireNonNull(outliers, "outliers are required");
        outliers = List.copyOf(outliers);
    }

    /** @throws IllegalArgumentException for no values or a value that is not a finite number */
    public static TrialStatistics of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("statistics need at least one value");
        }
        for (double value : values) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("statistics need finite values, got " + value);
            }
        }
        int n = values.length;
        double mean = Arrays.stream(values).average().orElseThrow();
        double stddev = 0;
        if (n > 1) {
            double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
            stddev = Math.sqrt(squares / (n - 1));
        }
        double halfWidth = n > 1 ? StudentT.critical95(n - 1) * stddev / Math.sqrt(n) : 0;
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
                Arrays.stream(values).max().orElseThrow(), median, mad, mean - halfWidth, mean + halfWidth, outliers);
    }

    /**
     * The coefficient of variation, stddev / |mean|: how much trials differ, as a share of their mean. Empty for one
     * trial, or a mean of 0.
     */
    public OptionalDouble cv() {
        return n > 1 && mean != 0 ? OptionalDouble.of(stddev / Math.abs(mean)) : OptionalDouble.empty();
    }

    public boolean overlaps(TrialStatistics other) {
        return ci95Low <= other.ci95High && other.ci95Low <= ci95High;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

package dev.queuebench.domain.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A latency distribution drawn as HdrHistogram draws one: the value at each percentile from p0 towards p99.999, the
 * percentiles spaced evenly on a log scale of {@code 1/(1-p)}, so that the tail gets as much room as the body.
 * Microseconds; values may be negative (a backend that starts jobs before they are due).
 *
 * @param count     the samples
 * @param negatives how many of them are negative
 * @param points    the value at each percentile, ascending; empty when nothing was recorded
 */
public record LatencyDistribution(long count, long negatives, List<Point> points) {

    public static final LatencyDistribution EMPTY = new LatencyDistribution(0, 0, List.of());

    /** The deepest tail drawn: {@code 1/(1-p)} of p99.999. */
    static final double DEEPEST = 100_000;
    /** Points per tenfold of {@code 1/(1-p)}: p0..p90 gets as many as p99..p99.9. */
    static final int POINTS_PER_DECADE = 10;

    /**
     * @param percentile 0 to 100
     * @param micros     the value at that percentile
     */
    public record Point(double percentile, long micros) {

        public Point {
            if (!(percentile >= 0 && percentile <= 100)) {
                throw new IllegalArgumentException("a percentile lies in 0..100, was " + percentile);
            }
        }

        /** Where HdrHistogram's plot puts this point across: {@code 1/(1-p)}, 1 at p0, 100 at p99. */
        public double inverseTail() {
            return 1 / (1 - percentile / 100);
        }
    }

    public LatencyDistribution {
        if (count < 0 || negatives < 0 || negatives > count) {
            throw new IllegalArgumentException("negatives (" + negatives + ") must lie within the count (" + count
                    + ")");
        }
        points = List.copyOf(Objects.requireNonNull(points, "points are required"));
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /**
     * The percentiles worth drawing for {@code count} samples: {@link #POINTS_PER_DECADE} per tenfold of
     * {@code 1/(1-p)}, up to p99.999 or to the last percentile the samples resolve ({@code 1/(1-p)} at most the
     * count), whichever comes first; the last is that limit itself, where the maximum shows.
     */
    public static List<Double> percentilesFor(long count) {
        if (count <= 0) {
            return List.of();
        }
        double deepest = Math.min(DEEPEST, Math.max(1, count));
        List<Double> percentiles = new ArrayList<>();
        for (int step = 0; ; step++) {
            double inverseTail = Math.pow(10, (double) step / POINTS_PER_DECADE);
            if (inverseTail >= deepest * (1 - 1e-9)) {
                break;
            }
            percentiles.add(100 * (1 - 1 / inverseTail));
        }
        percentiles.add(100 * (1 - 1 / deepest));
        return List.copyOf(percentiles);
    }
}

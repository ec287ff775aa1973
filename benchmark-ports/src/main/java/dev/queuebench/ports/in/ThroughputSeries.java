package dev.queuebench.ports.in;

import java.util.Arrays;

/** Events per second: {@code counts[i]} happened in the second starting at {@code startEpochSecond + i}. */
public record ThroughputSeries(long startEpochSecond, int[] counts) {

    public static final ThroughputSeries EMPTY = new ThroughputSeries(0, new int[0]);

    public ThroughputSeries {
        counts = counts.clone();
    }

    @Override
    public int[] counts() {
        return counts.clone();
    }

    public int seconds() {
        return counts.length;
    }

    public long total() {
        return Arrays.stream(counts).asLongStream().sum();
    }

    public int peak() {
        return Arrays.stream(counts).max().orElse(0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ThroughputSeries other
                && startEpochSecond == other.startEpochSecond && Arrays.equals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(startEpochSecond) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "ThroughputSeries[start=" + startEpochSecond + ", counts=" + Arrays.toString(counts) + "]";
    }
}

package dev.queuebench.domain.measure;

/**
 * Percentiles of one latency distribution, in microseconds. Values may be negative (a backend that fetches jobs
 * ahead of their due time starts them early). {@link #EMPTY} when nothing was recorded.
 */
public record LatencySummary(long count, long min, long p50, long p90, long p95, long p99, long p999, long max) {

    public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0);

    public LatencySummary {
        if (count < 0) {
            throw new IllegalArgumentException("sample count must not be negative, was " + count);
        }
    }

    public boolean isEmpty() {
        return count == 0;
    }
}

package dev.queuebench.domain.measure;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/** Events per second: {@code counts[i]} happened in the second starting at {@code startEpochSecond + i}. */
public record ThroughputSeries(long startEpochSecond, int[] counts) {

    public static final ThroughputSeries EMPTY = new ThroughputSeries(0, new int[0]);

    /** Throughput counts as recovered from a fault at this share of its rate before it. */
    public static final double RECOVERED_SHARE = 0.9;
    /** The seconds before a fault whose mean rate is what throughput must get back to. */
    public static final int RATE_BEFORE_SECONDS = 10;
    private static final int RECOVERY_WINDOW_SECONDS = 3;

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

    /**
     * How long after {@code at} the rate was back to {@value #RECOVERED_SHARE} of its mean over the
     * {@value #RATE_BEFORE_SECONDS} seconds before it (three seconds in a row, on average): the recovery from a fault
     * there. Zero when the rate never fell that low; empty when nothing happened before {@code at}, or the rate was
     * not back before the series ends. Seconds are whole, as the series is.
     */
    public Optional<Duration> recoveryAfter(Instant at) {
        int fault = (int) (at.getEpochSecond() - startEpochSecond);
        // the series' first second is a partial one (the first event fell somewhere in it): not a rate to get back to
        int from = Math.max(1, fault - RATE_BEFORE_SECONDS);
        if (fault <= from || fault > counts.length) {
            return Optional.empty();
        }
        double before = Arrays.stream(counts, from, fault).average().orElse(0);
        if (before == 0) {
            return Optional.empty();
        }
        for (int second = fault; second + RECOVERY_WINDOW_SECONDS <= counts.length; second++) {
            double rate = Arrays.stream(counts, second, second + RECOVERY_WINDOW_SECONDS).average().orElse(0);
            if (rate >= RECOVERED_SHARE * before) {
                Instant back = Instant.ofEpochSecond(startEpochSecond + second);
                return Optional.of(back.isAfter(at) ? Duration.between(at, back) : Duration.ZERO);
            }
        }
        return Optional.empty();
    }

    /** The number of events in the second starting at {@code epochSecond}; 0 outside the series. */
    public int countAt(long epochSecond) {
        long index = epochSecond - startEpochSecond;
        return index >= 0 && index < counts.length ? counts[(int) index] : 0;
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

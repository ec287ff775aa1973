package dev.queuebench.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Events counted per tick of {@code tickMillis}: {@code counts[i]} happened in the tick starting at
 * {@code (startTick + i) * tickMillis} milliseconds since the epoch. Ticks are fixed to the epoch, so counts of the
 * same events from several nodes add up tick by tick.
 */
public record TickCounts(long startTick, int tickMillis, int[] counts) {

    /** The tick of the completion and enqueue times that steady-state rates are read from. */
    public static final int TENTH_OF_A_SECOND = 100;

    public TickCounts {
        if (tickMillis < 1) {
            throw new IllegalArgumentException("a tick lasts at least a millisecond, was " + tickMillis);
        }
        counts = counts.clone();
    }

    public static TickCounts empty(int tickMillis) {
        return new TickCounts(0, tickMillis, new int[0]);
    }

    @Override
    public int[] counts() {
        return counts.clone();
    }

    public int ticks() {
        return counts.length;
    }

    public long total() {
        return Arrays.stream(counts).asLongStream().sum();
    }

    /** When tick {@code index} of these counts starts. */
    public Instant startOf(int index) {
        return Instant.ofEpochMilli((startTick + index) * tickMillis);
    }

    /**
     * Counts of the same ticks added up, tick by tick: what several nodes counted together.
     *
     * @throws IllegalArgumentException for counts of different ticks
     */
    public static TickCounts sum(int tickMillis, List<TickCounts> all) {
        List<TickCounts> present = all.stream().filter(counts -> counts.ticks() > 0).toList();
        for (TickCounts counts : present) {
            if (counts.tickMillis != tickMillis) {
                throw new IllegalArgumentException("counts per " + counts.tickMillis + " ms do not add up with counts"
                        + " per " + tickMillis + " ms");
            }
        }
        if (present.isEmpty()) {
            return empty(tickMillis);
        }
        long start = present.stream().mapToLong(TickCounts::startTick).min().orElseThrow();
        long end = present.stream().mapToLong(counts -> counts.startTick + counts.ticks()).max().orElseThrow();
        int[] sum = new int[Math.toIntExact(end - start)];
        for (TickCounts counts : present) {
            int offset = (int) (counts.startTick - start);
            for (int i = 0; i < counts.counts.length; i++) {
                sum[offset + i] += counts.counts[i];
            }
        }
        return new TickCounts(start, tickMillis, sum);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TickCounts other && startTick == other.startTick && tickMillis == other.tickMillis
                && Arrays.equals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(startTick, tickMillis, Arrays.hashCode(counts));
    }

    @Override
    public String toString() {
        return "TickCounts[startTick=" + startTick + ", tickMillis=" + tickMillis + ", ticks=" + counts.length
                + ", total=" + total() + "]";
    }
}

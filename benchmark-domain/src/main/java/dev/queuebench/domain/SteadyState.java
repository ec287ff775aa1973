package dev.queuebench.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A run's rate where it is steady: over the middle of its events, from the moment the
 * {@value #FROM_SHARE_PERCENT}th percentile of them had happened to the moment the {@value #TO_SHARE_PERCENT}th had.
 * Neither the start-up (the first poll, a cold JIT, workers joining) nor the tail (the last poll, stragglers) sways
 * it, which is what makes short drains comparable from trial to trial; the rate over all events, N over the whole
 * window, stays beside it.
 *
 * <p>The moments are read from counts per tick, assuming the events of a tick spread evenly over it: steady is what
 * the middle of a run is meant to be, and a tick is a tenth of a second, so the error is a fraction of one tick at each
 * end.
 *
 * @param from   when the {@value #FROM_SHARE_PERCENT}th percentile of the events had happened
 * @param to     when the {@value #TO_SHARE_PERCENT}th had
 * @param events how many happened between the two: the middle share of all of them
 */
public record SteadyState(Instant from, Instant to, double events) {

    static final int FROM_SHARE_PERCENT = 10;
    static final int TO_SHARE_PERCENT = 90;
    /** Fewer events than this have no middle to speak of. */
    static final long MIN_EVENTS = 20;
    /** A middle shorter than this many ticks is too short to read a rate from. */
    static final int MIN_TICKS = 5;

    public SteadyState {
        Objects.requireNonNull(from, "start is required");
        Objects.requireNonNull(to, "end is required");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("a steady window ends after it starts, was " + from + " to " + to);
        }
    }

    /** The middle of the events counted; empty when there are too few, or they happened too close together. */
    public static Optional<SteadyState> of(TickCounts counts) {
        long total = counts.total();
        if (total < MIN_EVENTS) {
            return Optional.empty();
        }
        double fromEvents = total * FROM_SHARE_PERCENT / 100.0;
        double toEvents = total * TO_SHARE_PERCENT / 100.0;
        double fromMillis = millisWhen(counts, fromEvents);
        double toMillis = millisWhen(counts, toEvents);
        if (toMillis - fromMillis < (double) MIN_TICKS * counts.tickMillis()) {
            return Optional.empty();
        }
        return Optional.of(new SteadyState(instant(fromMillis), instant(toMillis), toEvents - fromEvents));
    }

    /** Events per second between {@code from} and {@code to}. */
    public double perSecond() {
        return events / (window().toNanos() / 1e9);
    }

    public Duration window() {
        return Duration.between(from, to);
    }

    /** The moment, in epoch milliseconds, when {@code events} of them had happened. */
    private static double millisWhen(TickCounts counts, double events) {
        int[] perTick = counts.counts();
        double before = 0;
        for (int i = 0; i < perTick.length; i++) {
            if (perTick[i] > 0 && before + perTick[i] >= events) {
                double within = (events - before) / perTick[i];
                return (counts.startTick() + i + within) * counts.tickMillis();
            }
            before += perTick[i];
        }
        return (double) (counts.startTick() + perTick.length) * counts.tickMillis();
    }

    private static Instant instant(double epochMillis) {
        long whole = (long) Math.floor(epochMillis);
        return Instant.ofEpochMilli(whole).plusNanos(Math.round((epochMillis - whole) * 1_000_000));
    }
}

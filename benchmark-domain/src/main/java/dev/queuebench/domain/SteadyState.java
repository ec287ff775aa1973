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
 * @param drift  how much faster (positive) or slower (negative) the last quarter of the window went than its first,
 *               as a share of the first: near 0 when the middle is steady, far from it when the rate changes over
 *               the run (a queue table filling with dead rows, autovacuum catching up), so that how long the run
 *               lasts decides the figure
 * @param longestPause the longest stretch of whole ticks within the window in which nothing happened: a backend that
 *               works in bursts (between its polls) pauses for seconds, one that works steadily for none
 */
public record SteadyState(Instant from, Instant to, double events, double drift, Duration longestPause) {

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
        Objects.requireNonNull(longestPause, "longest pause is required");
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
        double quarter = (toMillis - fromMillis) / 4;
        double firstQuarter = eventsBy(counts, fromMillis + quarter) - fromEvents;
        double lastQuarter = toEvents - eventsBy(counts, toMillis - quarter);
        double drift = firstQuarter > 0 ? lastQuarter / firstQuarter - 1 : 0;
        return Optional.of(new SteadyState(instant(fromMillis), instant(toMillis), toEvents - fromEvents, drift,
                longestPause(counts, fromMillis, toMillis)));
    }

    /** The longest run of empty ticks that lie wholly between the two moments. */
    private static Duration longestPause(TickCounts counts, double fromMillis, double toMillis) {
        int[] perTick = counts.counts();
        int first = (int) Math.ceil(fromMillis / counts.tickMillis() - counts.startTick());
        int last = (int) Math.floor(toMillis / counts.tickMillis() - counts.startTick()) - 1;
        int longest = 0;
        int current = 0;
        for (int i = Math.max(0, first); i <= Math.min(perTick.length - 1, last); i++) {
            current = perTick[i] == 0 ? current + 1 : 0;
            longest = Math.max(longest, current);
        }
        return Duration.ofMillis((long) longest * counts.tickMillis());
    }

    /** The events that had happened by {@code epochMillis}, those of its tick in proportion. */
    private static double eventsBy(TickCounts counts, double epochMillis) {
        int[] perTick = counts.counts();
        double ticks = epochMillis / counts.tickMillis() - counts.startTick();
        double events = 0;
        for (int i = 0; i < perTick.length && i < ticks; i++) {
            events += perTick[i] * Math.min(1, ticks - i);
        }
        return events;
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

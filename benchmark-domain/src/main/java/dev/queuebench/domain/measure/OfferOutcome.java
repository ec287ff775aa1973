package dev.queuebench.domain.measure;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * What a rate run's offer came to.
 *
 * @param offeredRate    the jobs per second offered
 * @param achievedRate   completions per second, first to last (n completions, n - 1 intervals): the offered rate
 *                       when the backend kept up (a constant latency shifts the window, it does not stretch it),
 *                       less when it fell behind, and off by its polling cadence when it completes jobs in bursts
 * @param maxBacklog     the most jobs enqueued and not yet completed at the end of any second of the run
 * @param backlogBounded whether the backlog did not grow through the offer: its mean over the offer's second half is
 *                       at most 1.25 times its mean over the first half, plus half a second of offered jobs (offers
 *                       of 30 s or more tell a poller's saw-tooth from growth)
 * @param keptUp         achieved within 1% of offered, with the backlog bounded
 */
public record OfferOutcome(double offeredRate, double achievedRate, long maxBacklog, boolean backlogBounded,
                           boolean keptUp) {

    /** How close to the offered rate counts as keeping up. */
    public static final double KEPT_UP_SHARE = 0.99;

    /**
     * The outcome of offering {@code offeredRate} jobs per second for {@code offerDuration} from {@code offerStart},
     * from the completions ({@code completed} distinct ones, {@code first} to {@code last}) and the enqueues and
     * completions per second.
     */
    public static OfferOutcome of(double offeredRate, Duration offerDuration, Instant offerStart, long completed,
                                  Instant first, Instant last, ThroughputSeries enqueues,
                                  ThroughputSeries completions) {
        // n completions span n - 1 intervals of the offer's schedule
        double achieved = (completed - 1) / (Duration.between(first, last).toNanos() / 1e9);
        long seriesStart = seriesStart(enqueues, completions);
        long[] backlog = backlogPerSecond(seriesStart, enqueues, completions);
        long maxBacklog = Arrays.stream(backlog).max().orElse(0);
        int offerFrom = (int) Math.max(0, offerStart.getEpochSecond() - seriesStart);
        int offerSeconds = (int) Math.max(2, offerDuration.toSeconds());
        int half = offerFrom + offerSeconds / 2;
        int offerTo = Math.min(backlog.length, offerFrom + offerSeconds);
        double firstHalf = mean(backlog, offerFrom, half);
        double secondHalf = mean(backlog, half, offerTo);
        boolean bounded = secondHalf <= 1.25 * firstHalf + offeredRate / 2;
        boolean keptUp = bounded && achieved >= KEPT_UP_SHARE * offeredRate;
        return new OfferOutcome(offeredRate, achieved, maxBacklog, bounded, keptUp);
    }

    /** Jobs enqueued and not yet completed at the end of each second, from the first second either series has. */
    private static long[] backlogPerSecond(long start, ThroughputSeries enqueues, ThroughputSeries completions) {
        long end = Math.max(enqueues.startEpochSecond() + enqueues.seconds(),
                completions.startEpochSecond() + completions.seconds());
        long[] backlog = new long[(int) Math.max(0, end - start)];
        long pending = 0;
        for (int i = 0; i < backlog.length; i++) {
            pending += enqueues.countAt(start + i) - completions.countAt(start + i);
            backlog[i] = Math.max(0, pending);
        }
        return backlog;
    }

    private static long seriesStart(ThroughputSeries enqueues, ThroughputSeries completions) {
        if (enqueues.seconds() == 0) {
            return completions.startEpochSecond();
        }
        if (completions.seconds() == 0) {
            return enqueues.startEpochSecond();
        }
        return Math.min(enqueues.startEpochSecond(), completions.startEpochSecond());
    }

    private static double mean(long[] values, int from, int to) {
        long sum = 0;
        int count = 0;
        for (int i = from; i < Math.min(to, values.length); i++) {
            sum += values[i];
            count++;
        }
        return count == 0 ? 0 : (double) sum / count;
    }
}

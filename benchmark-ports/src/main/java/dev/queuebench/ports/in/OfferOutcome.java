package dev.queuebench.ports.in;

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
}

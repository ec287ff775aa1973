package dev.queuebench.domain;

/**
 * How many runs of one benchmark: {@code warmups} run and discarded first, then {@code trials} kept, each up to
 * {@value #MAX}.
 */
public record TrialPlan(int warmups, int trials) {

    /** More runs than this are a typo, not a plan: at 10,000 jobs each they would take hours. */
    public static final int MAX = 100;

    public TrialPlan {
        if (trials < 1 || trials > MAX) {
            throw new IllegalArgumentException("trials must be between 1 and " + MAX + ", was " + trials);
        }
        if (warmups < 0 || warmups > MAX) {
            throw new IllegalArgumentException("warm-ups must be between 0 and " + MAX + ", was " + warmups);
        }
    }
}

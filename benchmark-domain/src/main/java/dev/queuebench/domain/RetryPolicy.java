package dev.queuebench.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * When a failed job is tried again, as in the original harness (ActiveJob's {@code :polynomially_longer}): after the
 * n-th failed attempt, wait {@code n^4 + 2} seconds plus up to 15% of {@code n^4} as jitter; give up after
 * {@value #MAX_ATTEMPTS} attempts. A job whose data cannot be read is never retried: each backend discards it.
 */
public final class RetryPolicy {

    public static final int MAX_ATTEMPTS = 25;
    public static final double JITTER = 0.15;

    private static final RetryPolicy STANDARD = new RetryPolicy();

    private RetryPolicy() {
    }

    public static RetryPolicy standard() {
        return STANDARD;
    }

    /**
     * @param failedAttempts how many attempts have failed so far, the one that just failed included (1 or more)
     * @param random         a uniformly distributed number in {@code [0, 1)} that spreads retries apart
     * @return the wait before the next attempt, or empty when the job has used all its attempts
     */
    public Optional<Duration> delayAfter(int failedAttempts, double random) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failed attempts start at 1, was " + failedAttempts);
        }
        if (random < 0 || random >= 1) {
            throw new IllegalArgumentException("random must be in [0, 1), was " + random);
        }
        if (failedAttempts >= MAX_ATTEMPTS) {
            return Optional.empty();
        }
        long base = (long) failedAttempts * failedAttempts * failedAttempts * failedAttempts;
        long jitterMillis = Math.round(random * JITTER * base * 1000);
        return Optional.of(Duration.ofSeconds(base + 2).plusMillis(jitterMillis));
    }
}

package dev.queuebench.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * When a failed job is tried again, as in the original harness (ActiveJob's {@code :polynomially_longer}): after the
 * n-th failed attempt, wait {@code n^4 + 2} seconds plus up to 15% of {@code n^4} as jitter; give up after
 * {@value #MAX_ATTEMPTS} attempts. A job whose data cannot be read is never retried: each backend discards it.
 *
 * <p>A scheduling job that meets another run ({@link ConcurrentRunException}) has not failed: it waits for its turn.
 * It is tried again after {@link #turnWait(double) about a second}, however often, and those tries do not count as
 * attempts. Under the polynomial backoff a waiting run would start minutes after the run it waited for (3, 18, 83,
 * 258 s...); the run's own lifecycle bounds the wait instead (see {@link RunEnding}).
 */
public final class RetryPolicy {

    public static final int MAX_ATTEMPTS = 25;
    public static final double JITTER = 0.15;
    /** How long a scheduling job that waits for its turn waits before it looks again, before jitter. */
    public static final Duration TURN_WAIT = Duration.ofSeconds(1);
    /** Up to this share of {@link #TURN_WAIT} is added, so that waiting runs do not look in lockstep. */
    public static final double TURN_WAIT_JITTER = 0.25;

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
        requireRandom(random);
        if (failedAttempts >= MAX_ATTEMPTS) {
            return Optional.empty();
        }
        long base = (long) failedAttempts * failedAttempts * failedAttempts * failedAttempts;
        long jitterMillis = Math.round(random * JITTER * base * 1000);
        return Optional.of(Duration.ofSeconds(base + 2).plusMillis(jitterMillis));
    }

    /**
     * The wait before a scheduling job that met another run ({@link ConcurrentRunException}) looks again.
     *
     * @param random a uniformly distributed number in {@code [0, 1)}
     */
    public Duration turnWait(double random) {
        requireRandom(random);
        return TURN_WAIT.plusMillis(Math.round(random * TURN_WAIT_JITTER * TURN_WAIT.toMillis()));
    }

    /**
     * What becomes of a job whose attempt failed: discarded (its data could not be read, or its run no longer exists),
     * waiting for its turn (it met another run), tried again after the backoff, or given up after its last attempt.
     *
     * @param failure       what the attempt threw, as the library reports it (causes are looked through)
     * @param unreadable    whether the library could not read the job's data: each library says so its own way
     * @param failedBefore  how many attempts failed before this one (0 for a first attempt); tries that waited for
     *                      their turn do not count
     * @param random        a uniformly distributed number in {@code [0, 1)}
     */
    public RetryDecision decide(Throwable failure, boolean unreadable, int failedBefore, double random) {
        requireRandom(random);
        if (failedBefore < 0) {
            throw new IllegalArgumentException("failed attempts before cannot be negative, was " + failedBefore);
        }
        if (unreadable) {
            return new RetryDecision.Discard("its data cannot be read: " + describe(failure));
        }
        RunNotFoundException gone = causeOfType(failure, RunNotFoundException.class);
        if (gone != null) {
            return new RetryDecision.Discard(gone.getMessage());
        }
        if (isWaitingForTurn(failure)) {
            return new RetryDecision.WaitForTurn(turnWait(random));
        }
        int failedAttempts = failedBefore + 1;
        return delayAfter(failedAttempts, random)
                .<RetryDecision>map(wait -> new RetryDecision.Retry(failedAttempts, wait))
                .orElse(new RetryDecision.GiveUp(failedAttempts));
    }

    /** Whether a failure means "wait for your turn" rather than "this attempt failed". */
    public static boolean isWaitingForTurn(Throwable failure) {
        return causeOfType(failure, ConcurrentRunException.class) != null;
    }

    private static <T extends Throwable> T causeOfType(Throwable failure, Class<T> type) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static String describe(Throwable failure) {
        if (failure == null) {
            return "no failure given";
        }
        String message = String.valueOf(failure.getMessage());
        int newline = message.indexOf('\n');
        return failure.getClass().getSimpleName() + ": " + (newline < 0 ? message : message.substring(0, newline));
    }

    private static void requireRandom(double random) {
        if (random < 0 || random >= 1) {
            throw new IllegalArgumentException("random must be in [0, 1), was " + random);
        }
    }
}

package dev.queuebench.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what a test asserts next, instead of sleeping for a time that is right on one machine only. */
public final class Await {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    private Await() {
    }

    /** Polls every 20 ms until {@code condition} holds. @throws AssertionError after 20 s */
    public static void until(BooleanSupplier condition) {
        until(condition, DEFAULT_TIMEOUT);
    }

    /** Polls every 20 ms until {@code condition} holds. @throws AssertionError after {@code timeout} */
    public static void until(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
    }
}

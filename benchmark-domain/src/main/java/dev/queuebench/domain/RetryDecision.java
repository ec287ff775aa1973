package dev.queuebench.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * What becomes of a job whose attempt failed, as {@link RetryPolicy#decide} decides it. Each backend carries it out
 * in its library's terms.
 */
public sealed interface RetryDecision {

    /** Never tried again: its data cannot be read, or its run no longer exists. */
    record Discard(String reason) implements RetryDecision {

        public Discard {
            Objects.requireNonNull(reason, "reason is required");
        }
    }

    /** A scheduling job that met another run: tried again after {@code delay}; this try was not a failed attempt. */
    record WaitForTurn(Duration delay) implements RetryDecision {

        public WaitForTurn {
            Objects.requireNonNull(delay, "delay is required");
        }
    }

    /** Tried again after {@code delay}; {@code failedAttempts} attempts have failed so far, this one included. */
    record Retry(int failedAttempts, Duration delay) implements RetryDecision {

        public Retry {
            Objects.requireNonNull(delay, "delay is required");
        }
    }

    /** Not tried again: all {@code failedAttempts} attempts failed. */
    record GiveUp(int failedAttempts) implements RetryDecision {
    }
}

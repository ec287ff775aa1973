package dev.queuebench.adapter.dbscheduler;

import com.github.kagkarlsson.scheduler.exceptions.SerializationException;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import dev.queuebench.domain.RetryPolicy;
import dev.queuebench.domain.RunNotFoundException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The brief's retry policy in db-scheduler's terms: an execution whose data cannot be deserialized (or whose run
 * no longer exists) is removed; a scheduling job that met another run waits for its turn, trying again after about a
 * second; any other failure is rescheduled after {@code attempts^4 + 2} seconds plus jitter, and removed after the
 * last attempt.
 */
final class PolynomialBackoffFailureHandler<T> implements FailureHandler<T> {

    private static final Logger LOG = LoggerFactory.getLogger(PolynomialBackoffFailureHandler.class);

    /** Where a task keeps its count of failed attempts. */
    interface AttemptCount<T> {

        /** Failed attempts so far, the one that just failed excluded. */
        int failedBefore(T data, int consecutiveFailures);

        /** The data of the next attempt, after one more failed. */
        T afterFailure(T data);

        /** db-scheduler's own count: every failure counts. */
        static <T> AttemptCount<T> consecutiveFailures() {
            return new AttemptCount<>() {
                @Override
                public int failedBefore(T data, int consecutiveFailures) {
                    return consecutiveFailures;
                }

                @Override
                public T afterFailure(T data) {
                    return data;
                }
            };
        }
    }

    private final RetryPolicy policy;
    private final AttemptCount<T> attempts;

    PolynomialBackoffFailureHandler(RetryPolicy policy, AttemptCount<T> attempts) {
        this.policy = policy;
        this.attempts = attempts;
    }

    @Override
    public void onFailure(ExecutionComplete executionComplete, ExecutionOperations<T> executionOperations) {
        Throwable cause = executionComplete.getCause().orElse(null);
        String instance = executionComplete.getExecution().taskInstance.getTaskAndInstance();
        if (cause instanceof SerializationException || cause instanceof RunNotFoundException) {
            LOG.warn("discarding {}: {}", instance, cause.getMessage());
            executionOperations.remove();
            return;
        }
        @SuppressWarnings("unchecked")
        T data = (T) executionComplete.getExecution().taskInstance.getData();
        if (RetryPolicy.isWaitingForTurn(cause)) {
            Duration wait = policy.turnWait(ThreadLocalRandom.current().nextDouble());
            LOG.debug("{} waits for its turn: {}", instance, cause.getMessage());
            executionOperations.reschedule(executionComplete, executionComplete.getTimeDone().plus(wait), data);
            return;
        }
        int failedAttempts = attempts.failedBefore(data, executionComplete.getExecution().consecutiveFailures) + 1;
        Optional<Duration> delay = policy.delayAfter(failedAttempts, ThreadLocalRandom.current().nextDouble());
        if (delay.isEmpty()) {
            LOG.error("giving up {} after {} attempts", instance, failedAttempts, cause);
            executionOperations.remove();
            return;
        }
        LOG.debug("retrying {} in {} (attempt {} failed: {})", instance, delay.get(), failedAttempts,
                cause == null ? "?" : cause.getMessage());
        executionOperations.reschedule(executionComplete, executionComplete.getTimeDone().plus(delay.get()),
                attempts.afterFailure(data));
    }
}

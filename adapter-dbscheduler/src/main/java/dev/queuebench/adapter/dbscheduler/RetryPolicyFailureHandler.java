package dev.queuebench.adapter.dbscheduler;

import com.github.kagkarlsson.scheduler.exceptions.SerializationException;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import dev.queuebench.domain.RetryDecision;
import dev.queuebench.domain.RetryPolicy;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retry policy's decisions in db-scheduler's terms: a discarded execution (its data cannot be deserialized, or
 * its run no longer exists) or one that used its last attempt is removed; a scheduling job waiting for its turn, or a
 * failed attempt, is rescheduled after the policy's delay.
 *
 * <p>db-scheduler counts every failure of an execution; a scheduling job that waited for its turn has not failed, so
 * the scheduling task keeps its own count of failed attempts in its data.
 */
final class RetryPolicyFailureHandler<T> implements FailureHandler<T> {

    private static final Logger LOG = LoggerFactory.getLogger(RetryPolicyFailureHandler.class);

    private final RetryPolicy policy;
    private final ToIntFunction<T> failedAttemptsIn;
    private final UnaryOperator<T> afterFailure;

    /**
     * @param failedAttemptsIn the attempts that failed before, as the task's data counts them
     * @param afterFailure     the data of the next attempt, one more failed attempt counted
     */
    RetryPolicyFailureHandler(RetryPolicy policy, ToIntFunction<T> failedAttemptsIn, UnaryOperator<T> afterFailure) {
        this.policy = policy;
        this.failedAttemptsIn = failedAttemptsIn;
        this.afterFailure = afterFailure;
    }

    /** For tasks that never wait for a turn: db-scheduler's own count of consecutive failures is theirs. */
    static <T> RetryPolicyFailureHandler<T> countingConsecutiveFailures(RetryPolicy policy) {
        return new RetryPolicyFailureHandler<>(policy, null, UnaryOperator.identity());
    }

    @Override
    public void onFailure(ExecutionComplete executionComplete, ExecutionOperations<T> executionOperations) {
        Throwable cause = executionComplete.getCause().orElse(null);
        String instance = executionComplete.getExecution().taskInstance.getTaskAndInstance();
        // the data is read on first use, and reading data that cannot be deserialized throws again
        boolean unreadable = cause instanceof SerializationException;
        T data = unreadable ? null : dataOf(executionComplete);
        int failedBefore = failedAttemptsIn == null || data == null
                ? executionComplete.getExecution().consecutiveFailures
                : failedAttemptsIn.applyAsInt(data);
        RetryDecision decision = policy.decide(cause, unreadable, failedBefore,
                ThreadLocalRandom.current().nextDouble());
        if (decision instanceof RetryDecision.Discard discard) {
            LOG.warn("discarding {}: {}", instance, discard.reason());
            executionOperations.remove();
        } else if (decision instanceof RetryDecision.WaitForTurn wait) {
            LOG.debug("{} waits for its turn: {}", instance, cause == null ? "?" : cause.getMessage());
            executionOperations.reschedule(executionComplete, executionComplete.getTimeDone().plus(wait.delay()), data);
        } else if (decision instanceof RetryDecision.Retry retry) {
            LOG.debug("retrying {} in {} (attempt {} failed: {})", instance, retry.delay(), retry.failedAttempts(),
                    cause == null ? "?" : cause.getMessage());
            executionOperations.reschedule(executionComplete, executionComplete.getTimeDone().plus(retry.delay()),
                    afterFailure.apply(data));
        } else if (decision instanceof RetryDecision.GiveUp giveUp) {
            LOG.error("giving up {} after {} attempts", instance, giveUp.failedAttempts(), cause);
            executionOperations.remove();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T dataOf(ExecutionComplete executionComplete) {
        return (T) executionComplete.getExecution().taskInstance.getData();
    }
}

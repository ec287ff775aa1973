package dev.queuebench.adapter.quartz;

import dev.queuebench.domain.RetryPolicy;
import dev.queuebench.domain.RunNotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.SchedulerException;
import org.quartz.listeners.JobListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The brief's retry policy in Quartz's terms, which have no backoff: after a failed attempt, a new one-shot trigger
 * for the same job, due {@code attempts^4 + 2} seconds plus jitter later. Quartz calls job listeners before it
 * deletes the fired trigger, so the new trigger keeps the non-durable job alive. A job whose data cannot be read (or
 * whose run no longer exists) gets no new trigger, and neither does one that used its last attempt: Quartz then
 * deletes the job with its trigger. A scheduling job that met another run has not failed: it waits for its turn, with
 * a new trigger for the same attempt about a second later.
 */
final class RetryWithBackoffListener extends JobListenerSupport {

    private static final Logger LOG = LoggerFactory.getLogger(RetryWithBackoffListener.class);

    private final RetryPolicy policy;
    private final Clock clock;

    RetryWithBackoffListener(RetryPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public String getName() {
        return "queue-bench-retry-with-backoff";
    }

    @Override
    public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
        if (failure == null) {
            return;
        }
        JobKey job = context.getJobDetail().getKey();
        Instant failedAt = clock.instant();
        int failedAttempts;
        try {
            failedAttempts = QuartzJobs.attemptOf(context.getTrigger());
        } catch (UnreadableJobDataException e) {
            LOG.warn("discarding {}: its trigger's {}", job, e.getMessage());
            return;
        }
        if (RetryPolicy.isWaitingForTurn(failure)) {
            waitForTurn(context, job, failedAttempts, failedAt);
            return;
        }
        Optional<Instant> nextAttemptAt = nextAttemptAt(failure, failedAttempts, failedAt, policy,
                ThreadLocalRandom.current().nextDouble());
        if (nextAttemptAt.isEmpty()) {
            if (isDiscarded(failure)) {
                LOG.warn("discarding {}: {}", job, describe(failure));
            } else {
                LOG.error("giving up {} after {} attempts", job, failedAttempts, failure);
            }
            return;
        }
        try {
            context.getScheduler().scheduleJob(QuartzJobs.nextAttempt(job, failedAttempts + 1, nextAttemptAt.get()));
            LOG.debug("retrying {} in {} (attempt {} failed: {})", job,
                    Duration.between(failedAt, nextAttemptAt.get()), failedAttempts, describe(failure));
        } catch (SchedulerException e) {
            LOG.error("could not schedule attempt {} of {}; the job is lost", failedAttempts + 1, job, e);
        }
    }

    private void waitForTurn(JobExecutionContext context, JobKey job, int attempt, Instant failedAt) {
        try {
            int waits = QuartzJobs.turnWaitsOf(context.getTrigger()) + 1;
            Instant again = failedAt.plus(policy.turnWait(ThreadLocalRandom.current().nextDouble()));
            context.getScheduler().scheduleJob(QuartzJobs.sameAttemptAfterWaiting(job, attempt, waits, again));
        } catch (UnreadableJobDataException e) {
            LOG.warn("discarding {}: its trigger's {}", job, e.getMessage());
        } catch (SchedulerException e) {
            LOG.error("could not schedule {} again after it waited for its turn; the job is lost", job, e);
        }
    }

    /**
     * When the next attempt is due: empty for a job to discard, or one that has used all its attempts.
     *
     * @param failedAttempts the attempts that failed so far, the one that just failed included
     */
    static Optional<Instant> nextAttemptAt(Throwable failure, int failedAttempts, Instant failedAt, RetryPolicy policy,
                                           double random) {
        if (isDiscarded(failure)) {
            return Optional.empty();
        }
        return policy.delayAfter(failedAttempts, random).map(failedAt::plus);
    }

    /** Quartz wraps what a job throws (once, or twice for what is not an Exception): look through the causes. */
    static boolean isDiscarded(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnreadableJobDataException || cause instanceof RunNotFoundException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(JobExecutionException failure) {
        Throwable cause = failure.getCause() == null ? failure : failure.getCause();
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}

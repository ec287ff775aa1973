package dev.queuebench.adapter.quartz;

import dev.queuebench.domain.RetryPolicy;
import dev.queuebench.domain.RetryDecision;
import java.time.Clock;
import java.time.Instant;
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
    private final int misfireInstruction;

    /** @param misfireInstruction of the triggers of pretend jobs' retries, as of their first attempts */
    RetryWithBackoffListener(RetryPolicy policy, Clock clock, int misfireInstruction) {
        this.policy = policy;
        this.clock = clock;
        this.misfireInstruction = misfireInstruction;
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
        int attempt;
        try {
            attempt = QuartzJobs.attemptOf(context.getTrigger());
        } catch (UnreadableJobDataException e) {
            LOG.warn("discarding {}: its trigger's {}", job, e.getMessage());
            return;
        }
        RetryDecision decision = decide(failure, attempt, policy, ThreadLocalRandom.current().nextDouble());
        if (decision instanceof RetryDecision.Discard discard) {
            LOG.warn("discarding {}: {}", job, discard.reason());
        } else if (decision instanceof RetryDecision.GiveUp giveUp) {
            LOG.error("giving up {} after {} attempts", job, giveUp.failedAttempts(), failure);
        } else if (decision instanceof RetryDecision.WaitForTurn wait) {
            waitForTurn(context, job, attempt, failedAt.plus(wait.delay()));
        } else if (decision instanceof RetryDecision.Retry retry) {
            retry(context, job, retry, failedAt, failure);
        }
    }

    /**
     * The policy's decision for a failed attempt.
     *
     * @param attempt the attempt that failed, counted from 1; tries that waited for their turn do not count
     */
    static RetryDecision decide(Throwable failure, int attempt, RetryPolicy policy, double random) {
        return policy.decide(failure, isUnreadable(failure), attempt - 1, random);
    }

    private void retry(JobExecutionContext context, JobKey job, RetryDecision.Retry retry, Instant failedAt,
                       JobExecutionException failure) {
        int next = retry.failedAttempts() + 1;
        try {
            context.getScheduler().scheduleJob(QuartzJobs.nextAttempt(job, next, failedAt.plus(retry.delay()),
                    misfireInstructionOf(job)));
            LOG.debug("retrying {} in {} (attempt {} failed: {})", job, retry.delay(), retry.failedAttempts(),
                    describe(failure));
        } catch (SchedulerException e) {
            LOG.error("could not schedule attempt {} of {}; the job is lost", next, job, e);
        }
    }

    private void waitForTurn(JobExecutionContext context, JobKey job, int attempt, Instant again) {
        try {
            int waits = QuartzJobs.turnWaitsOf(context.getTrigger()) + 1;
            context.getScheduler().scheduleJob(QuartzJobs.sameAttemptAfterWaiting(job, attempt, waits, again,
                    misfireInstructionOf(job)));
        } catch (UnreadableJobDataException e) {
            LOG.warn("discarding {}: its trigger's {}", job, e.getMessage());
        } catch (SchedulerException e) {
            LOG.error("could not schedule {} again after it waited for its turn; the job is lost", job, e);
        }
    }

    private int misfireInstructionOf(JobKey job) {
        return job.getGroup().equals(QuartzJobs.SCHEDULING_GROUP) ? QuartzJobs.SCHEDULING_JOB_MISFIRES
                : misfireInstruction;
    }

    /** Quartz wraps what a job throws (once, or twice for what is not an Exception): look through the causes. */
    static boolean isUnreadable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnreadableJobDataException) {
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

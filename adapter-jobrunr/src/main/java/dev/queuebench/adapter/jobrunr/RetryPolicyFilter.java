package dev.queuebench.adapter.jobrunr;

import dev.queuebench.domain.ConcurrentRunException;
import dev.queuebench.domain.Durations;
import dev.queuebench.domain.RetryDecision;
import dev.queuebench.domain.RetryPolicy;
import java.time.Clock;
import java.util.function.DoubleSupplier;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.filters.ElectStateFilter;
import org.jobrunr.jobs.states.FailedState;
import org.jobrunr.jobs.states.JobState;
import org.jobrunr.scheduling.exceptions.JobNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retry policy's decisions in JobRunr's terms, replacing JobRunr's default {@code RetryFilter} (10 retries, 3^n
 * seconds apart), which JobRunr drops as soon as another {@link ElectStateFilter} is registered. A discarded job (JobRunr
 * says it must not be retried, its job parameter could not be deserialized, which JobRunr reports as a
 * {@link JobNotFoundException}, or its run no longer exists) and one that used its last attempt stay FAILED; a
 * scheduling job waiting for its turn and a failed attempt are scheduled again after the policy's delay. JobRunr keeps
 * every state in the job's history: failed attempts are its FAILED states, less those that waited for their turn.
 */
final class RetryPolicyFilter implements ElectStateFilter {

    private static final Logger LOG = LoggerFactory.getLogger(RetryPolicyFilter.class);
    private static final String WAITING_FOR_TURN = ConcurrentRunException.class.getName();

    private final RetryPolicy policy;
    private final Clock clock;
    private final DoubleSupplier random;

    RetryPolicyFilter(RetryPolicy policy, Clock clock, DoubleSupplier random) {
        this.policy = policy;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public void onStateElection(Job job, JobState newState) {
        if (!(newState instanceof FailedState failed)) {
            return;
        }
        // the state was just elected in this process, so getException() is the live exception, not a reconstruction
        Exception cause = failed.getException();
        // the FAILED state being elected is in the history already
        int failedBefore = Math.toIntExact(job.getJobStatesOfType(FailedState.class)
                .filter(state -> !WAITING_FOR_TURN.equals(state.getExceptionType()))
                .count()) - 1;
        RetryDecision decision = policy.decide(cause, failed.mustNotRetry() || cause instanceof JobNotFoundException,
                Math.max(0, failedBefore), random.getAsDouble());
        if (decision instanceof RetryDecision.Discard discard) {
            LOG.warn("discarding job {} {}: {}", job.getId(), job.getJobSignature(), firstLineOf(discard.reason()));
        } else if (decision instanceof RetryDecision.WaitForTurn wait) {
            job.scheduleAt(clock.instant().plus(wait.delay()), "Waiting for its turn: " + firstLineOf(cause.getMessage()));
        } else if (decision instanceof RetryDecision.Retry retry) {
            LOG.debug("retrying job {} {} in {} (attempt {} failed: {})", job.getId(), job.getJobSignature(),
                    retry.delay(), retry.failedAttempts(), firstLineOf(cause.getMessage()));
            job.scheduleAt(clock.instant().plus(retry.delay()), "Retry " + retry.failedAttempts() + " of "
                    + (RetryPolicy.MAX_ATTEMPTS - 1) + " in " + Durations.format(retry.delay()));
        } else if (decision instanceof RetryDecision.GiveUp giveUp) {
            LOG.error("giving up job {} {} after {} attempts", job.getId(), job.getJobSignature(),
                    giveUp.failedAttempts(), cause);
        }
    }

    /** JobRunr's JobNotFoundException message carries a whole stack trace after its first line. */
    private static String firstLineOf(String message) {
        return String.valueOf(message).lines().findFirst().orElse("");
    }
}

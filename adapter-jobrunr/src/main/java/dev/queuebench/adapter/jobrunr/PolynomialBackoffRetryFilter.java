package dev.queuebench.adapter.jobrunr;

import dev.queuebench.domain.ConcurrentRunException;
import dev.queuebench.domain.Durations;
import dev.queuebench.domain.RetryPolicy;
import dev.queuebench.domain.RunNotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.filters.ElectStateFilter;
import org.jobrunr.jobs.states.FailedState;
import org.jobrunr.jobs.states.JobState;
import org.jobrunr.scheduling.exceptions.JobNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The brief's retry policy in JobRunr's terms, replacing JobRunr's default {@code RetryFilter} (10 retries, 3^n
 * seconds apart), which JobRunr drops as soon as another {@link ElectStateFilter} is registered. A failed job stays FAILED
 * (discarded) when JobRunr says it must not be retried, when its job parameter could not be deserialized (JobRunr
 * reports that as a {@link JobNotFoundException}), or when its run no longer exists. A scheduling job that met another
 * run waits for its turn: it is scheduled again after about a second, and such tries do not count as attempts. Any
 * other failure is scheduled again after {@code attempts^4 + 2} seconds plus jitter, and left FAILED after the last
 * attempt.
 */
final class PolynomialBackoffRetryFilter implements ElectStateFilter {

    private static final Logger LOG = LoggerFactory.getLogger(PolynomialBackoffRetryFilter.class);
    private static final String WAITING_FOR_TURN = ConcurrentRunException.class.getName();

    private final RetryPolicy policy;
    private final Clock clock;
    private final DoubleSupplier random;

    PolynomialBackoffRetryFilter(RetryPolicy policy, Clock clock, DoubleSupplier random) {
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
        if (failed.mustNotRetry() || cause instanceof JobNotFoundException || cause instanceof RunNotFoundException) {
            LOG.warn("discarding job {} {}: {}", job.getId(), job.getJobSignature(), firstLineOf(cause));
            return;
        }
        if (RetryPolicy.isWaitingForTurn(cause)) {
            Duration wait = policy.turnWait(random.getAsDouble());
            job.scheduleAt(clock.instant().plus(wait), "Waiting for its turn: " + firstLineOf(cause));
            return;
        }
        int failedAttempts = Math.toIntExact(job.getJobStatesOfType(FailedState.class)
                .filter(state -> !WAITING_FOR_TURN.equals(state.getExceptionType()))
                .count());
        Optional<Duration> delay = policy.delayAfter(failedAttempts, random.getAsDouble());
        if (delay.isEmpty()) {
            LOG.error("giving up job {} {} after {} attempts", job.getId(), job.getJobSignature(), failedAttempts, cause);
            return;
        }
        LOG.debug("retrying job {} {} in {} (attempt {} failed: {})", job.getId(), job.getJobSignature(),
                delay.get(), failedAttempts, firstLineOf(cause));
        job.scheduleAt(clock.instant().plus(delay.get()), "Retry " + failedAttempts + " of "
                + (RetryPolicy.MAX_ATTEMPTS - 1) + " in " + Durations.format(delay.get()));
    }

    /** JobRunr's JobNotFoundException message carries a whole stack trace after its first line. */
    private static String firstLineOf(Exception cause) {
        return String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
    }
}

package dev.queuebench.adapter.jobrunr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuebench.domain.ConcurrentRunException;
import dev.queuebench.domain.RetryPolicy;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.RunNotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.JobDetails;
import org.jobrunr.jobs.states.ScheduledState;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.scheduling.exceptions.JobMethodNotFoundException;
import org.junit.jupiter.api.Test;

class RetryPolicyFilterTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    private final RetryPolicyFilter filter = new RetryPolicyFilter(
            RetryPolicy.standard(), Clock.fixed(NOW, ZoneOffset.UTC), () -> 0.0);

    @Test
    void a_first_failure_is_retried_after_three_seconds() {
        Job job = schedulingJob();

        fail(job, new IllegalStateException("the first attempt fails"));

        assertThat(job.getState()).isEqualTo(StateName.SCHEDULED);
        assertThat(job.<ScheduledState>getJobState().getScheduledAt()).isEqualTo(NOW.plusSeconds(3));
    }

    @Test
    void a_job_waiting_for_its_turn_looks_again_after_a_second_and_its_waits_are_not_failed_attempts() {
        Job job = schedulingJob();
        for (int wait = 1; wait <= 5; wait++) {
            fail(job, ConcurrentRunException.anotherRunIsRunning(RunId.of(2), RunId.of(1)));
            assertThat(job.<ScheduledState>getJobState().getScheduledAt()).isEqualTo(NOW.plusSeconds(1));
            assertThat(job.<ScheduledState>getJobState().getReason()).startsWith("Waiting for its turn");
            job.enqueue();
        }

        fail(job, new IllegalStateException("the first real failure"));

        assertThat(job.<ScheduledState>getJobState().getScheduledAt()).isEqualTo(NOW.plusSeconds(3));
    }

    @Test
    void the_wait_grows_with_the_fourth_power_of_the_failed_attempts() {
        Job job = schedulingJob();
        for (int attempt = 1; attempt <= 3; attempt++) {
            fail(job, new IllegalStateException("attempt " + attempt));
            job.enqueue();
        }
        fail(job, new IllegalStateException("attempt 4"));

        assertThat(job.<ScheduledState>getJobState().getScheduledAt()).isEqualTo(NOW.plusSeconds(4 * 4 * 4 * 4 + 2));
        assertThat(job.<ScheduledState>getJobState().getReason()).startsWith("Retry 4 of 24");
    }

    @Test
    void a_job_is_left_failed_after_its_twenty_fifth_attempt() {
        Job job = schedulingJob();
        for (int attempt = 1; attempt < RetryPolicy.MAX_ATTEMPTS; attempt++) {
            fail(job, new IllegalStateException("attempt " + attempt));
            assertThat(job.getState()).isEqualTo(StateName.SCHEDULED);
            job.enqueue();
        }

        fail(job, new IllegalStateException("the last attempt"));

        assertThat(job.getState()).isEqualTo(StateName.FAILED);
    }

    @Test
    void a_job_whose_parameter_cannot_be_deserialized_is_left_failed() {
        Job job = schedulingJob();

        fail(job, new JobMethodNotFoundException("PretendJobHandler.run(PretendJobRequest)"));

        assertThat(job.getState()).isEqualTo(StateName.FAILED);
    }

    @Test
    void a_job_whose_run_does_not_exist_is_left_failed() {
        Job job = schedulingJob();

        fail(job, new RunNotFoundException(RunId.of(7)));

        assertThat(job.getState()).isEqualTo(StateName.FAILED);
    }

    private static Job schedulingJob() {
        return new Job(new JobDetails(new SchedulingJobRequest(1)));
    }

    /** What JobRunr's BackgroundJobPerformer does with a failed job before saving it. */
    private void fail(Job job, Exception exception) {
        job.failed("An exception occurred during the performance of the job", exception);
        filter.onStateElection(job, job.getJobState());
    }
}

package dev.queuebench.adapter.quartz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuebench.domain.ConcurrentRunException;
import dev.queuebench.domain.RetryDecision;
import dev.queuebench.domain.RetryPolicy;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.RunNotFoundException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.SchedulerException;
import org.quartz.Trigger;

class RetryWithBackoffListenerTest {

    private static final RetryPolicy POLICY = RetryPolicy.standard();
    private static final Instant FAILED_AT = Instant.parse("2025-01-01T12:00:00Z");

    @Test
    void a_failed_first_attempt_is_tried_again_after_three_seconds_plus_jitter() {
        JobExecutionException failure = new JobExecutionException(new IllegalStateException("first attempt"), false);

        assertThat(RetryWithBackoffListener.decide(failure, 1, POLICY, 0))
                .isEqualTo(new RetryDecision.Retry(1, Duration.ofSeconds(3)));
        assertThat(delayOf(RetryWithBackoffListener.decide(failure, 1, POLICY, 0.999_999)))
                .isBetween(Duration.ofSeconds(3), Duration.ofMillis(3_150));
    }

    @Test
    void the_wait_grows_with_the_fourth_power_of_the_failed_attempts() {
        JobExecutionException failure = new JobExecutionException(new IllegalStateException("database away"), false);

        assertThat(RetryWithBackoffListener.decide(failure, 3, POLICY, 0))
                .isEqualTo(new RetryDecision.Retry(3, Duration.ofSeconds(81 + 2)));
    }

    @Test
    void the_twenty_fifth_failed_attempt_is_the_last() {
        JobExecutionException failure = new JobExecutionException(new IllegalStateException("still away"), false);

        assertThat(RetryWithBackoffListener.decide(failure, 24, POLICY, 0)).isInstanceOf(RetryDecision.Retry.class);
        assertThat(RetryWithBackoffListener.decide(failure, 25, POLICY, 0)).isEqualTo(new RetryDecision.GiveUp(25));
    }

    @Test
    void a_job_whose_data_cannot_be_read_is_discarded() {
        JobExecutionException failure = new JobExecutionException(
                new UnreadableJobDataException("index is not a whole number: 'x'"), false);

        assertThat(RetryWithBackoffListener.decide(failure, 1, POLICY, 0)).isInstanceOf(RetryDecision.Discard.class);
    }

    @Test
    void a_job_whose_run_is_gone_is_discarded() {
        JobExecutionException failure = new JobExecutionException(new RunNotFoundException(RunId.of(9)), false);

        assertThat(RetryWithBackoffListener.decide(failure, 1, POLICY, 0)).isInstanceOf(RetryDecision.Discard.class);
    }

    @Test
    void unreadable_data_is_recognised_below_quartzs_own_wrapping() {
        // what Quartz makes of a Throwable that a job lets escape
        JobExecutionException failure = new JobExecutionException(
                new SchedulerException("Job threw an unhandled exception.", new UnreadableJobDataException("no runId")),
                false);

        assertThat(RetryWithBackoffListener.isUnreadable(failure)).isTrue();
        assertThat(RetryWithBackoffListener.decide(failure, 1, POLICY, 0)).isInstanceOf(RetryDecision.Discard.class);
    }

    @Test
    void a_retry_is_a_new_trigger_for_the_same_job_that_carries_its_attempt() {
        JobKey job = JobKey.jobKey("7-12", QuartzJobs.PRETEND_GROUP);

        Trigger retry = QuartzJobs.nextAttempt(job, 2, FAILED_AT.plusSeconds(3),
                Trigger.MISFIRE_INSTRUCTION_IGNORE_MISFIRE_POLICY);

        assertThat(retry.getJobKey()).isEqualTo(job);
        assertThat(retry.getKey().getName()).isEqualTo("7-12#2");
        assertThat(retry.getStartTime().toInstant()).isEqualTo(FAILED_AT.plusSeconds(3));
        assertThat(retry.getMisfireInstruction()).isEqualTo(Trigger.MISFIRE_INSTRUCTION_IGNORE_MISFIRE_POLICY);
        assertThat(QuartzJobs.attemptOf(retry)).isEqualTo(2);
    }

    @Test
    void a_job_that_waited_for_its_turn_gets_a_trigger_for_the_same_attempt_that_counts_its_waits() {
        JobKey job = JobKey.jobKey("run-7", QuartzJobs.SCHEDULING_GROUP);

        Trigger first = QuartzJobs.sameAttemptAfterWaiting(job, 1, 1, FAILED_AT.plusSeconds(1),
                QuartzJobs.SCHEDULING_JOB_MISFIRES);
        Trigger second = QuartzJobs.sameAttemptAfterWaiting(job, QuartzJobs.attemptOf(first),
                QuartzJobs.turnWaitsOf(first) + 1, FAILED_AT.plusSeconds(2), QuartzJobs.SCHEDULING_JOB_MISFIRES);

        assertThat(first.getKey().getName()).isEqualTo("run-7#1~1");
        assertThat(second.getKey().getName()).isEqualTo("run-7#1~2");
        assertThat(QuartzJobs.attemptOf(second)).as("waiting is not a failed attempt").isEqualTo(1);
        assertThat(RetryWithBackoffListener.decide(new JobExecutionException(
                ConcurrentRunException.anotherRunIsRunning(RunId.of(7), RunId.of(6)), false), 1, POLICY, 0))
                .isInstanceOf(RetryDecision.WaitForTurn.class);
    }

    private static Duration delayOf(RetryDecision decision) {
        assertThat(decision).isInstanceOf(RetryDecision.Retry.class);
        return ((RetryDecision.Retry) decision).delay();
    }
}

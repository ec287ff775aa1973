package dev.queuebench.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = RetryPolicy.standard();

    @Test
    void the_first_retry_waits_three_seconds_without_jitter() {
        assertThat(policy.delayAfter(1, 0.0)).contains(Duration.ofSeconds(3));
    }

    @Test
    void the_wait_grows_with_the_fourth_power_of_the_attempts() {
        assertThat(policy.delayAfter(2, 0.0)).contains(Duration.ofSeconds(18));
        assertThat(policy.delayAfter(3, 0.0)).contains(Duration.ofSeconds(83));
        assertThat(policy.delayAfter(24, 0.0)).contains(Duration.ofSeconds(331_778));
    }

    @Test
    void jitter_adds_at_most_fifteen_percent_of_the_polynomial_part() {
        Duration withJitter = policy.delayAfter(10, 0.999_999).orElseThrow();
        assertThat(withJitter).isGreaterThan(Duration.ofSeconds(10_002))
                .isLessThanOrEqualTo(Duration.ofSeconds(10_002 + 1_500));
    }

    @Test
    void gives_up_after_twenty_five_attempts() {
        assertThat(policy.delayAfter(24, 0.5)).isPresent();
        assertThat(policy.delayAfter(25, 0.5)).isEmpty();
        assertThat(policy.delayAfter(26, 0.5)).isEmpty();
    }

    @Test
    void rejects_nonsense_arguments() {
        assertThatIllegalArgumentException().isThrownBy(() -> policy.delayAfter(0, 0.5));
        assertThatIllegalArgumentException().isThrownBy(() -> policy.delayAfter(1, 1.0));
    }

    @Test
    void a_run_waiting_for_its_turn_looks_again_after_about_a_second_however_often() {
        assertThat(policy.turnWait(0.0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.turnWait(0.999_999)).isEqualTo(Duration.ofMillis(1_250));
    }

    @Test
    void a_concurrent_run_means_waiting_for_the_turn_wherever_it_is_in_the_causes() {
        ConcurrentRunException waiting = ConcurrentRunException.anotherRunIsRunning(RunId.of(2), RunId.of(1));

        assertThat(RetryPolicy.isWaitingForTurn(new RuntimeException("wrapped", waiting))).isTrue();
        assertThat(RetryPolicy.isWaitingForTurn(new IllegalStateException("boom"))).isFalse();
    }

    @Test
    void decides_a_retry_after_the_backoff_counting_only_failed_attempts() {
        RuntimeException failure = new IllegalStateException("database away");

        assertThat(policy.decide(failure, false, 0, 0)).isEqualTo(new RetryDecision.Retry(1, Duration.ofSeconds(3)));
        assertThat(policy.decide(failure, false, 2, 0)).isEqualTo(new RetryDecision.Retry(3, Duration.ofSeconds(83)));
    }

    @Test
    void decides_to_give_up_when_the_last_attempt_failed() {
        RuntimeException failure = new IllegalStateException("still away");

        assertThat(policy.decide(failure, false, 23, 0)).isInstanceOf(RetryDecision.Retry.class);
        assertThat(policy.decide(failure, false, 24, 0)).isEqualTo(new RetryDecision.GiveUp(25));
    }

    @Test
    void decides_to_discard_unreadable_data_and_jobs_of_runs_that_are_gone() {
        RetryDecision unreadable = policy.decide(new IllegalArgumentException("not JSON\nat line 1"), true, 0, 0);
        RetryDecision gone = policy.decide(new RuntimeException("wrapped", new RunNotFoundException(RunId.of(9))),
                false, 0, 0);

        assertThat(unreadable).isEqualTo(new RetryDecision.Discard(
                "its data cannot be read: IllegalArgumentException: not JSON"));
        assertThat(gone).isInstanceOf(RetryDecision.Discard.class);
        assertThat(((RetryDecision.Discard) gone).reason()).contains("9");
    }

    @Test
    void decides_that_meeting_another_run_is_a_wait_for_the_turn_not_a_failed_attempt() {
        ConcurrentRunException waiting = ConcurrentRunException.anotherRunIsRunning(RunId.of(2), RunId.of(1));

        assertThat(policy.decide(new RuntimeException("wrapped", waiting), false, 24, 0))
                .isEqualTo(new RetryDecision.WaitForTurn(Duration.ofSeconds(1)));
    }

    @Test
    void decide_rejects_nonsense_arguments() {
        assertThatIllegalArgumentException().isThrownBy(() -> policy.decide(new RuntimeException(), false, -1, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> policy.decide(new RuntimeException(), false, 0, 1.0));
    }
}

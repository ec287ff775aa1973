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
}

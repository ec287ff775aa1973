package dev.queuebench.domain;

import static dev.queuebench.domain.TestRuns.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunningRunGuardTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private final RunningRunGuard guard = new RunningRunGuard(
            new RunStatusRule(Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC), TIMEOUT));

    @Test
    void second_run_waits_while_first_is_scheduling() {
        RunActivity first = RunActivity.of(TestRuns.scheduling(1, T0.plusSeconds(30)), null);

        assertThatThrownBy(() -> guard.ensureItIsTheTurnOf(RunId.of(2), List.of(first)))
                .isInstanceOfSatisfying(ConcurrentRunException.class, e -> {
                    assertThat(e.candidate()).isEqualTo(RunId.of(2));
                    assertThat(e.runningRun()).contains(RunId.of(1));
                })
                .hasMessage("run 2 cannot start: run 1 is running; it will be retried");
    }

    @Test
    void second_run_waits_while_first_is_draining() {
        RunActivity first = RunActivity.of(TestRuns.scheduled(1, T0.plusSeconds(30), T0.plusSeconds(40)), null);

        assertThatThrownBy(() -> guard.ensureItIsTheTurnOf(RunId.of(2), List.of(first)))
                .isInstanceOf(ConcurrentRunException.class);
    }

    @Test
    void a_younger_run_waits_for_an_older_pending_one() {
        RunActivity older = RunActivity.of(TestRuns.pending(1), null);

        assertThat(guard.blockerOf(RunId.of(2), List.of(older))).contains(older);
        assertThatThrownBy(() -> guard.ensureItIsTheTurnOf(RunId.of(2), List.of(older)))
                .hasMessage("run 2 cannot start: run 1 is pending ahead of it; it will be retried");
    }

    @Test
    void an_older_run_does_not_wait_for_a_younger_pending_one() {
        RunActivity younger = RunActivity.of(TestRuns.submitted(3), null);

        assertThatCode(() -> guard.ensureItIsTheTurnOf(RunId.of(2), List.of(younger))).doesNotThrowAnyException();
    }

    @Test
    void a_run_waits_for_a_running_run_even_when_it_is_younger() {
        RunActivity youngerRunning = RunActivity.of(TestRuns.scheduling(5, T0.plusSeconds(30)), null);

        assertThat(guard.blockerOf(RunId.of(2), List.of(youngerRunning))).contains(youngerRunning);
    }

    @Test
    void the_blocker_named_is_the_oldest_one() {
        RunActivity running = RunActivity.of(TestRuns.scheduling(3, T0.plusSeconds(30)), null);
        RunActivity olderPending = RunActivity.of(TestRuns.pending(1), null);

        assertThat(guard.blockerOf(RunId.of(4), List.of(running, olderPending))).contains(olderPending);
    }

    @Test
    void a_finished_run_does_not_block() {
        BenchmarkRun finished = TestRuns.scheduled(1, T0, T0.plusSeconds(1)).finish(T0.plusSeconds(2), T0.plusSeconds(2));
        assertThatCode(() -> guard.ensureItIsTheTurnOf(RunId.of(2), List.of(RunActivity.of(finished, null))))
                .doesNotThrowAnyException();
    }

    @Test
    void an_interrupted_run_does_not_block() {
        BenchmarkRun interrupted = TestRuns.pending(1).end(RunEnding.ownerGone("host/7/beef", T0.plusSeconds(5)));
        assertThatCode(() -> guard.ensureItIsTheTurnOf(RunId.of(2), List.of(RunActivity.of(interrupted, null))))
                .doesNotThrowAnyException();
    }

    @Test
    void a_stalled_run_no_longer_blocks() {
        RunStatusRule later = new RunStatusRule(Clock.fixed(T0.plus(TIMEOUT).plusSeconds(1), ZoneOffset.UTC), TIMEOUT);
        RunActivity stalled = RunActivity.of(TestRuns.scheduled(1, T0, T0.plusSeconds(1)), null);

        assertThatCode(() -> new RunningRunGuard(later).ensureItIsTheTurnOf(RunId.of(2), List.of(stalled)))
                .doesNotThrowAnyException();
    }

    @Test
    void a_run_never_blocks_itself() {
        RunActivity self = RunActivity.of(TestRuns.scheduling(2, T0.plusSeconds(30)), null);
        assertThatCode(() -> guard.ensureItIsTheTurnOf(RunId.of(2), List.of(self)))
                .doesNotThrowAnyException();
    }
}

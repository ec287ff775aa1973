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

        assertThatThrownBy(() -> guard.ensureNoOtherRunIsRunning(RunId.of(2), List.of(first)))
                .isInstanceOfSatisfying(ConcurrentRunException.class, e -> {
                    assertThat(e.candidate()).isEqualTo(RunId.of(2));
                    assertThat(e.runningRun()).contains(RunId.of(1));
                })
                .hasMessage("run 2 cannot start: run 1 is running; it will be retried");
    }

    @Test
    void second_run_waits_while_first_is_draining() {
        RunActivity first = RunActivity.of(TestRuns.scheduled(1, T0.plusSeconds(30), T0.plusSeconds(40)), null);

        assertThatThrownBy(() -> guard.ensureNoOtherRunIsRunning(RunId.of(2), List.of(first)))
                .isInstanceOf(ConcurrentRunException.class);
    }

    @Test
    void a_finished_run_does_not_block() {
        BenchmarkRun finished = TestRuns.scheduled(1, T0, T0.plusSeconds(1)).finish(T0.plusSeconds(2), T0.plusSeconds(2));
        assertThatCode(() -> guard.ensureNoOtherRunIsRunning(RunId.of(2), List.of(RunActivity.of(finished, null))))
                .doesNotThrowAnyException();
    }

    @Test
    void a_stalled_run_no_longer_blocks() {
        RunStatusRule later = new RunStatusRule(Clock.fixed(T0.plus(TIMEOUT).plusSeconds(1), ZoneOffset.UTC), TIMEOUT);
        RunActivity stalled = RunActivity.of(TestRuns.scheduled(1, T0, T0.plusSeconds(1)), null);

        assertThatCode(() -> new RunningRunGuard(later).ensureNoOtherRunIsRunning(RunId.of(2), List.of(stalled)))
                .doesNotThrowAnyException();
    }

    @Test
    void a_pending_run_does_not_block() {
        RunActivity pending = RunActivity.of(TestRuns.pending(1), null);
        assertThatCode(() -> guard.ensureNoOtherRunIsRunning(RunId.of(2), List.of(pending)))
                .doesNotThrowAnyException();
    }

    @Test
    void a_run_never_blocks_itself() {
        RunActivity self = RunActivity.of(TestRuns.scheduling(2, T0.plusSeconds(30)), null);
        assertThatCode(() -> guard.ensureNoOtherRunIsRunning(RunId.of(2), List.of(self)))
                .doesNotThrowAnyException();
    }
}

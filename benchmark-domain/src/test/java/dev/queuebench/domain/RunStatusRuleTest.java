package dev.queuebench.domain;

import static dev.queuebench.domain.TestRuns.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RunStatusRuleTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private static RunStatusRule at(Instant now) {
        return new RunStatusRule(Clock.fixed(now, ZoneOffset.UTC), TIMEOUT);
    }

    @Test
    void a_run_that_has_not_started_scheduling_is_pending() {
        RunActivity activity = RunActivity.of(TestRuns.pending(1), null);
        assertThat(at(T0.plusSeconds(1)).statusOf(activity)).isEqualTo(RunStatus.PENDING);
    }

    @Test
    void a_pending_run_never_stalls_because_waiting_is_its_normal_state() {
        RunActivity activity = RunActivity.of(TestRuns.pending(1), null);
        assertThat(at(T0.plus(Duration.ofHours(5))).statusOf(activity)).isEqualTo(RunStatus.PENDING);
    }

    @Test
    void a_run_enqueueing_its_jobs_is_scheduling() {
        RunActivity activity = RunActivity.of(TestRuns.scheduling(1, T0), null);
        assertThat(at(T0.plusSeconds(5)).statusOf(activity)).isEqualTo(RunStatus.SCHEDULING);
    }

    @Test
    void a_scheduled_unfinished_run_is_running() {
        RunActivity activity = RunActivity.of(TestRuns.scheduled(1, T0, T0.plusSeconds(1)), null);
        assertThat(at(T0.plusSeconds(5)).statusOf(activity)).isEqualTo(RunStatus.RUNNING);
        assertThat(RunStatus.RUNNING.isRunning()).isTrue();
    }

    @Test
    void a_run_whose_jobs_all_completed_is_finished_however_long_ago() {
        BenchmarkRun finished = TestRuns.scheduled(1, T0, T0.plusSeconds(1)).finish(T0.plusSeconds(2), T0.plusSeconds(2));
        assertThat(at(T0.plus(Duration.ofDays(3))).statusOf(RunActivity.of(finished, null)))
                .isEqualTo(RunStatus.FINISHED);
    }

    @Test
    void a_run_quiet_for_exactly_the_stall_timeout_is_stalled() {
        RunActivity activity = RunActivity.of(TestRuns.scheduled(1, T0, T0.plusSeconds(1)), null);
        assertThat(at(T0.plusSeconds(1).plus(TIMEOUT)).statusOf(activity)).isEqualTo(RunStatus.STALLED);
    }

    @Test
    void a_run_quiet_for_a_millisecond_less_than_the_stall_timeout_is_still_running() {
        RunActivity activity = RunActivity.of(TestRuns.scheduled(1, T0, T0.plusSeconds(1)), null);
        assertThat(at(T0.plusSeconds(1).plus(TIMEOUT).minusMillis(1)).statusOf(activity))
                .isEqualTo(RunStatus.RUNNING);
    }

    @Test
    void a_recent_completion_keeps_a_run_alive_after_its_last_scheduling_update() {
        BenchmarkRun scheduled = TestRuns.scheduled(1, T0, T0.plusSeconds(1));
        RunActivity activity = RunActivity.of(scheduled, T0.plusSeconds(100));
        assertThat(activity.lastProgressAt()).isEqualTo(T0.plusSeconds(100));
        assertThat(at(T0.plusSeconds(200)).statusOf(activity)).isEqualTo(RunStatus.RUNNING);
    }

    @Test
    void an_older_completion_does_not_hide_a_newer_scheduling_update() {
        BenchmarkRun scheduled = TestRuns.scheduled(1, T0, T0.plusSeconds(50));
        assertThat(RunActivity.of(scheduled, T0.plusSeconds(10)).lastProgressAt()).isEqualTo(T0.plusSeconds(50));
    }

    @Test
    void a_scheduling_run_stalls_too() {
        RunActivity activity = RunActivity.of(TestRuns.scheduling(1, T0), null);
        assertThat(at(T0.plus(TIMEOUT)).statusOf(activity)).isEqualTo(RunStatus.STALLED);
        assertThat(RunStatus.STALLED.isRunning()).isFalse();
    }

    @Test
    void a_run_that_ended_keeps_the_status_of_its_ending() {
        BenchmarkRun interrupted = TestRuns.submitted(1).end(RunEnding.ownerGone("host/1/a", T0.plusSeconds(3)));
        BenchmarkRun stalled = TestRuns.scheduled(2, T0, T0.plusSeconds(1))
                .end(RunEnding.stalled(TIMEOUT, T0.plusSeconds(200)));

        assertThat(at(T0.plusSeconds(5)).statusOf(RunActivity.of(interrupted, null))).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(at(T0.plusSeconds(5)).statusOf(RunActivity.of(stalled, null))).isEqualTo(RunStatus.STALLED);
        assertThat(RunStatus.INTERRUPTED.isActive()).isFalse();
    }

    @Test
    void a_run_whose_late_jobs_all_completed_after_it_ended_is_finished() {
        BenchmarkRun finishedLate = TestRuns.scheduled(1, T0, T0.plusSeconds(1))
                .end(RunEnding.stalled(TIMEOUT, T0.plusSeconds(200)))
                .finish(T0.plusSeconds(250), T0.plusSeconds(251));

        assertThat(at(T0.plusSeconds(300)).statusOf(RunActivity.of(finishedLate, null))).isEqualTo(RunStatus.FINISHED);
    }

    @Test
    void pending_scheduling_and_running_runs_are_active() {
        assertThat(RunStatus.PENDING.isActive()).isTrue();
        assertThat(RunStatus.SCHEDULING.isActive()).isTrue();
        assertThat(RunStatus.RUNNING.isActive()).isTrue();
        assertThat(RunStatus.STALLED.isActive()).isFalse();
        assertThat(RunStatus.FINISHED.isActive()).isFalse();
    }

    @Test
    void the_stall_timeout_must_be_positive() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RunStatusRule(Clock.systemUTC(), Duration.ZERO));
    }

    @Test
    void statuses_print_as_lower_case_words() {
        assertThat(RunStatus.STALLED.wireName()).isEqualTo("stalled");
    }
}

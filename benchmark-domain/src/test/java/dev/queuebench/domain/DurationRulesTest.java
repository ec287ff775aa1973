package dev.queuebench.domain;

import static dev.queuebench.domain.TestRuns.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationRulesTest {

    private static final RunTimeline CREATED = RunTimeline.createdAt(T0);
    private static final RunTimeline SCHEDULING = RunTimeline.of(T0, T0, T0, T0.plusSeconds(2), null, null);
    private static final RunTimeline SCHEDULED = RunTimeline.of(T0, T0, T0, T0.plusSeconds(2), T0.plusSeconds(7), null);
    private static final RunTimeline FINISHED =
            RunTimeline.of(T0, T0, T0, T0.plusSeconds(2), T0.plusSeconds(7), T0.plusSeconds(19));

    @Test
    void durations_are_pending_while_their_end_is_missing() {
        assertThat(DurationRules.schedulingDuration(CREATED)).isEmpty();
        assertThat(DurationRules.runDuration(CREATED)).isEmpty();
        assertThat(DurationRules.lockWaitPhase(CREATED)).isEmpty();
        assertThat(DurationRules.schedulingDuration(SCHEDULING)).isEmpty();
        assertThat(DurationRules.schedulingPhase(SCHEDULING)).isEmpty();
        assertThat(DurationRules.runDuration(SCHEDULED)).isEmpty();
        assertThat(DurationRules.drainingPhase(SCHEDULED)).isEmpty();
    }

    @Test
    void scheduling_duration_runs_from_creation_to_the_last_enqueue_as_in_the_original_harness() {
        assertThat(DurationRules.schedulingDuration(SCHEDULED)).contains(Duration.ofSeconds(7));
    }

    @Test
    void run_duration_runs_from_creation_to_the_last_completion() {
        assertThat(DurationRules.runDuration(FINISHED)).contains(Duration.ofSeconds(19));
    }

    @Test
    void the_three_phases_add_up_to_the_run_duration() {
        Duration lock = DurationRules.lockWaitPhase(FINISHED).orElseThrow();
        Duration scheduling = DurationRules.schedulingPhase(FINISHED).orElseThrow();
        Duration draining = DurationRules.drainingPhase(FINISHED).orElseThrow();

        assertThat(lock).isEqualTo(Duration.ofSeconds(2));
        assertThat(scheduling).isEqualTo(Duration.ofSeconds(5));
        assertThat(draining).isEqualTo(Duration.ofSeconds(12));
        assertThat(lock.plus(scheduling).plus(draining)).isEqualTo(DurationRules.runDuration(FINISHED).orElseThrow());
    }

    @Test
    void draining_is_zero_when_the_last_job_finished_before_scheduling_was_stamped_finished() {
        RunTimeline raced = RunTimeline.of(T0, T0, T0, T0.plusSeconds(2), T0.plusSeconds(7), T0.plusSeconds(6));
        assertThat(DurationRules.drainingPhase(raced)).contains(Duration.ZERO);
    }

    @Test
    void a_finished_run_whose_scheduling_end_is_missing_has_no_draining_phase() {
        RunTimeline finishedEarly = RunTimeline.of(T0, T0, T0, T0.plusSeconds(2), null, T0.plusSeconds(6));
        assertThat(DurationRules.runDuration(finishedEarly)).contains(Duration.ofSeconds(6));
        assertThat(DurationRules.drainingPhase(finishedEarly)).isEmpty();
    }
}

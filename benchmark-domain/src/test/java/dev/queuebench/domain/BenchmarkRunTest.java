package dev.queuebench.domain;

import static dev.queuebench.domain.TestRuns.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BenchmarkRunTest {

    @Test
    void a_new_run_is_created_with_nothing_scheduled() {
        BenchmarkRun run = TestRuns.pending(1);

        assertThat(run.timeline().createdAt()).isEqualTo(T0);
        assertThat(run.timeline().updatedAt()).isEqualTo(T0);
        assertThat(run.timeline().schedulingStartedAt()).isEmpty();
        assertThat(run.scheduledJobs()).isZero();
        assertThat(run.hasStartedScheduling()).isFalse();
    }

    @Test
    void scheduling_progress_counts_up_and_finishing_scheduling_means_all_jobs_were_enqueued() {
        BenchmarkRun run = TestRuns.scheduling(1, T0.plusSeconds(1))
                .recordScheduledJobs(40, T0.plusSeconds(2));
        assertThat(run.scheduledJobs()).isEqualTo(40);
        assertThat(run.timeline().updatedAt()).isEqualTo(T0.plusSeconds(2));

        BenchmarkRun scheduled = run.finishScheduling(T0.plusSeconds(3));
        assertThat(scheduled.scheduledJobs()).isEqualTo(100);
        assertThat(scheduled.timeline().schedulingFinishedAt()).contains(T0.plusSeconds(3));
    }

    @Test
    void scheduling_starts_only_once() {
        BenchmarkRun run = TestRuns.scheduling(1, T0.plusSeconds(1));
        assertThatIllegalStateException().isThrownBy(() -> run.startScheduling(T0.plusSeconds(2)))
                .withMessageContaining("already started scheduling");
    }

    @Test
    void scheduled_jobs_never_go_down_nor_exceed_the_jobs_count() {
        BenchmarkRun run = TestRuns.scheduling(1, T0).recordScheduledJobs(50, T0);
        assertThatIllegalArgumentException().isThrownBy(() -> run.recordScheduledJobs(49, T0));
        assertThatIllegalArgumentException().isThrownBy(() -> run.recordScheduledJobs(101, T0));
    }

    @Test
    void progress_cannot_be_recorded_before_scheduling_started_or_after_it_finished() {
        assertThatIllegalStateException().isThrownBy(() -> TestRuns.pending(1).recordScheduledJobs(1, T0));
        BenchmarkRun scheduled = TestRuns.scheduled(1, T0, T0.plusSeconds(1));
        assertThatIllegalStateException().isThrownBy(() -> scheduled.recordScheduledJobs(100, T0));
        assertThatIllegalStateException().isThrownBy(() -> scheduled.finishScheduling(T0));
    }

    @Test
    void a_run_finishes_at_its_last_jobs_finish_time_once() {
        Instant lastJob = T0.plusSeconds(30);
        BenchmarkRun finished = TestRuns.scheduled(1, T0, T0.plusSeconds(5)).finish(lastJob, T0.plusSeconds(31));

        assertThat(finished.isFinished()).isTrue();
        assertThat(finished.timeline().runFinishedAt()).contains(lastJob);
        assertThatIllegalStateException().isThrownBy(() -> finished.finish(lastJob, T0.plusSeconds(32)));
    }

    @Test
    void a_run_may_finish_before_its_scheduler_stamped_scheduling_finished() {
        BenchmarkRun finished = TestRuns.scheduling(1, T0).finish(T0.plusSeconds(1), T0.plusSeconds(1));
        assertThat(finished.isFinished()).isTrue();
        assertThat(finished.finishScheduling(T0.plusSeconds(2)).hasFinishedScheduling()).isTrue();
    }

    @Test
    void a_pending_run_cannot_finish() {
        assertThatIllegalStateException().isThrownBy(() -> TestRuns.pending(1).finish(T0, T0));
    }

    @Test
    void a_run_restored_from_storage_keeps_its_invariants() {
        RunTimeline scheduled = RunTimeline.of(T0, T0, T0, T0.plusSeconds(1), null);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new BenchmarkRun(RunId.of(1), TestRuns.spec(100), scheduled, 99))
                .withMessageContaining("scheduled all 100 jobs");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RunTimeline.of(T0, T0, null, T0, null))
                .withMessage("scheduling cannot finish before it started");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RunTimeline.of(T0, T0, null, null, T0))
                .withMessage("a run cannot finish before its scheduling started");
    }
}

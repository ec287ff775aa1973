package dev.queuebench.domain;

import static dev.queuebench.domain.TestRuns.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
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
        RunTimeline scheduled = RunTimeline.of(T0, T0, T0, T0, T0.plusSeconds(1), null);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new BenchmarkRun(RunId.of(1), TestRuns.spec(100), scheduled, 99, Optional.empty()))
                .withMessageContaining("scheduled all 100 jobs");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RunTimeline.of(T0, T0, null, T0, null, null))
                .withMessage("scheduling cannot start before the scheduling job was submitted");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RunTimeline.of(T0, T0, T0, null, T0, null))
                .withMessage("scheduling cannot finish before it started");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RunTimeline.of(T0, T0, T0, null, null, T0))
                .withMessage("a run cannot finish before its scheduling started");
    }

    @Test
    void a_run_is_submitted_once_and_scheduling_starts_only_after_it() {
        BenchmarkRun submitted = TestRuns.pending(1).submit(T0.plusSeconds(1));

        assertThat(submitted.timeline().submittedAt()).contains(T0.plusSeconds(1));
        assertThatIllegalStateException().isThrownBy(() -> submitted.submit(T0.plusSeconds(2)))
                .withMessageContaining("already submitted");
        assertThatIllegalStateException().isThrownBy(() -> TestRuns.pending(2).startScheduling(T0))
                .withMessageContaining("before its job was submitted");
    }

    @Test
    void an_ended_run_says_why_and_starts_nothing_new() {
        BenchmarkRun ended = TestRuns.submitted(1).end(RunEnding.ownerGone("host/42/ab12", T0.plusSeconds(9)));

        assertThat(ended.isEnded()).isTrue();
        assertThat(ended.ending().orElseThrow().reason())
                .isEqualTo("the process that started it (host/42/ab12) is gone");
        assertThatIllegalStateException().isThrownBy(() -> ended.startScheduling(T0.plusSeconds(10)))
                .withMessageContaining("it ended interrupted");
        assertThatIllegalStateException().isThrownBy(() -> ended.end(RunEnding.stoppedByOwner(T0.plusSeconds(11))))
                .withMessageContaining("end again");
    }

    @Test
    void a_stalled_run_whose_late_jobs_all_ran_still_finishes() {
        BenchmarkRun stalled = TestRuns.scheduled(1, T0, T0.plusSeconds(1))
                .end(RunEnding.stalled(Duration.ofSeconds(120), T0.plusSeconds(200)));

        BenchmarkRun finished = stalled.finish(T0.plusSeconds(250), T0.plusSeconds(251));

        assertThat(finished.isFinished()).isTrue();
    }

    @Test
    void a_finished_run_cannot_end_unfinished() {
        BenchmarkRun finished = TestRuns.scheduled(1, T0, T0.plusSeconds(1)).finish(T0.plusSeconds(2), T0.plusSeconds(2));
        assertThatIllegalStateException().isThrownBy(() -> finished.end(RunEnding.stoppedByOwner(T0.plusSeconds(3))));
    }

    @Test
    void only_stalled_and_interrupted_are_endings() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RunEnding(RunStatus.FINISHED, "done", T0));
        assertThatIllegalArgumentException().isThrownBy(() -> new RunEnding(RunStatus.INTERRUPTED, " ", T0));
    }
}

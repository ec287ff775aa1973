package dev.queuebench.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.JobDelay;
import dev.queuebench.domain.JobsCount;
import dev.queuebench.domain.NodeId;
import dev.queuebench.domain.RunEnding;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.RunSpec;
import dev.queuebench.domain.RunStatus;
import dev.queuebench.domain.SchedulingMode;
import dev.queuebench.ports.in.RunListFilter;
import dev.queuebench.ports.out.LoadRunPort;
import dev.queuebench.ports.out.SaveRunPort;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class JpaRunStoreTest {

    private static final PersistenceFixture FIXTURE = new PersistenceFixture();
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00.123456Z");

    private final LoadRunPort load = FIXTURE.persistence.loadRuns();
    private final SaveRunPort save = FIXTURE.persistence.saveRuns();

    @AfterAll
    static void close() {
        FIXTURE.close();
    }

    private BenchmarkRun newRun(String backend, Instant createdAt) {
        BenchmarkRun run = BenchmarkRun.create(save.nextRunId(), new RunSpec(BackendId.of(backend), JobsCount.of(500),
                SchedulingMode.IN_BULK, JobDelay.of(Duration.ofMillis(2_500))), createdAt);
        save.insertRun(run, NodeId.of("test-node"));
        return run;
    }

    @Test
    void a_run_reads_back_exactly_as_it_was_written_to_the_microsecond() {
        BenchmarkRun run = newRun("db-scheduler", T0);

        assertThat(load.loadRun(run.id())).contains(run);
    }

    @Test
    void lifecycle_steps_are_stored_once_each() {
        BenchmarkRun run = newRun("db-scheduler", T0).submit(T0.plusMillis(500));
        assertThat(save.saveSubmitted(run)).isTrue();
        assertThat(save.saveSubmitted(run)).isFalse();
        BenchmarkRun started = run.startScheduling(T0.plusSeconds(1));

        assertThat(save.saveSchedulingStarted(started)).isTrue();
        assertThat(save.saveSchedulingStarted(run.startScheduling(T0.plusSeconds(2)))).isFalse();

        BenchmarkRun progressed = started.recordScheduledJobs(200, T0.plusSeconds(2));
        save.saveSchedulingProgress(progressed);
        assertThat(load.loadRun(run.id()).orElseThrow().scheduledJobs()).isEqualTo(200);

        BenchmarkRun scheduled = progressed.finishScheduling(T0.plusSeconds(3));
        save.saveSchedulingFinished(scheduled);
        BenchmarkRun finished = scheduled.finish(T0.plusSeconds(9), T0.plusSeconds(10));
        assertThat(save.saveRunFinished(finished)).isTrue();
        assertThat(save.saveRunFinished(scheduled.finish(T0.plusSeconds(11), T0.plusSeconds(12)))).isFalse();

        assertThat(load.loadRun(run.id())).contains(finished);
    }

    @Test
    void a_late_progress_write_does_not_undo_a_finished_run() {
        BenchmarkRun run = submitted(newRun("db-scheduler", T0));
        BenchmarkRun started = run.startScheduling(T0);
        save.saveSchedulingStarted(started);
        BenchmarkRun scheduled = started.finishScheduling(T0.plusSeconds(1));
        save.saveSchedulingFinished(scheduled);
        save.saveRunFinished(scheduled.finish(T0.plusSeconds(2), T0.plusSeconds(2)));

        save.saveSchedulingProgress(started.recordScheduledJobs(100, T0.plusSeconds(3)));

        BenchmarkRun stored = load.loadRun(run.id()).orElseThrow();
        assertThat(stored.isFinished()).isTrue();
        assertThat(stored.scheduledJobs()).isEqualTo(500);
    }

    @Test
    void runs_are_listed_per_backend_newest_first_and_paged_by_the_last_run_seen() {
        Instant base = T0.plus(1, ChronoUnit.DAYS);
        List<BenchmarkRun> quartz = List.of(newRun("quartz", base), newRun("quartz", base.plusSeconds(1)),
                newRun("quartz", base.plusSeconds(1)), newRun("quartz", base.plusSeconds(2)));
        newRun("jobrunr", base.plusSeconds(3));

        RunListFilter page = RunListFilter.newest(2).forBackend(BackendId.of("quartz"));
        List<BenchmarkRun> first = load.listRuns(page);
        assertThat(first).containsExactly(quartz.get(3), quartz.get(2));

        List<BenchmarkRun> second = load.listRuns(page.olderThan(first.get(1).id()));
        assertThat(second).containsExactly(quartz.get(1), quartz.get(0));
        assertThat(load.listRuns(page.olderThan(quartz.get(0).id()))).isEmpty();
        assertThat(load.listRuns(page.olderThan(RunId.of(999_999)))).isEmpty();
    }

    @Test
    void a_status_filter_narrows_by_what_is_stored_and_a_workload_filter_by_the_workload() {
        Instant base = T0.plus(2, ChronoUnit.DAYS);
        String backend = "status-filter";
        BenchmarkRun waiting = newRun(backend, base);
        BenchmarkRun stalled = newRun(backend, base.plusSeconds(1));
        save.saveEnding(stalled.end(RunEnding.stalled(Duration.ofSeconds(120), base.plusSeconds(200))));
        BenchmarkRun interrupted = newRun(backend, base.plusSeconds(2));
        save.saveEnding(interrupted.end(RunEnding.ownerGone("host/1/abcd", base.plusSeconds(300))));
        BenchmarkRun finished = submitted(newRun(backend, base.plusSeconds(3)));
        BenchmarkRun scheduling = finished.startScheduling(base.plusSeconds(4));
        save.saveSchedulingStarted(scheduling);
        BenchmarkRun done = scheduling.recordScheduledJobs(500, base.plusSeconds(5)).finishScheduling(base.plusSeconds(5))
                .finish(base.plusSeconds(6), base.plusSeconds(6));
        save.saveSchedulingFinished(done);
        save.saveRunFinished(done);
        RunListFilter all = RunListFilter.newest(10).forBackend(BackendId.of(backend));

        assertThat(load.listRuns(all.inStatus(RunStatus.FINISHED))).extracting(BenchmarkRun::id)
                .containsExactly(finished.id());
        assertThat(load.listRuns(all.inStatus(RunStatus.INTERRUPTED))).extracting(BenchmarkRun::id)
                .containsExactly(interrupted.id());
        assertThat(load.listRuns(all.inStatus(RunStatus.STALLED))).as("stalled on record, or maybe on sight")
                .extracting(BenchmarkRun::id).containsExactly(stalled.id(), waiting.id());
        assertThat(load.listRuns(all.inStatus(RunStatus.PENDING))).extracting(BenchmarkRun::id)
                .containsExactly(waiting.id());
        assertThat(load.listRuns(all.ofWorkload("delayed"))).hasSize(4);
        assertThat(load.listRuns(all.ofWorkload("backlog"))).isEmpty();
    }

    @Test
    void pending_and_started_runs_are_active_until_they_finish_or_end_oldest_first() {
        BenchmarkRun pending = newRun("guard", T0);
        BenchmarkRun running = submitted(newRun("guard", T0));
        save.saveSchedulingStarted(running.startScheduling(T0));
        BenchmarkRun ended = newRun("guard", T0);
        save.saveEnding(ended.end(RunEnding.ownerGone("host/1/abcd", T0.plusSeconds(5))));

        assertThat(load.loadActiveRuns()).extracting(BenchmarkRun::id)
                .containsSubsequence(pending.id(), running.id()).doesNotContain(ended.id());
    }

    @Test
    void an_ending_is_stored_once_with_its_reason_and_never_over_a_finished_run() {
        BenchmarkRun run = newRun("db-scheduler", T0);
        BenchmarkRun ended = run.end(RunEnding.notPickedUp(BackendId.of("db-scheduler"), Duration.ofSeconds(60),
                T0.plusSeconds(61)));

        assertThat(save.saveEnding(ended)).isTrue();
        assertThat(save.saveEnding(run.end(RunEnding.stoppedByOwner(T0.plusSeconds(62))))).isFalse();
        assertThat(load.loadRun(run.id())).contains(ended);
        assertThat(save.saveSubmitted(run.submit(T0.plusSeconds(70)))).as("an ended run is not submitted").isFalse();

        BenchmarkRun finished = submitted(newRun("db-scheduler", T0));
        BenchmarkRun started = finished.startScheduling(T0);
        save.saveSchedulingStarted(started);
        save.saveRunFinished(started.finish(T0.plusSeconds(1), T0.plusSeconds(1)));
        assertThat(save.saveEnding(started.end(RunEnding.stalled(Duration.ofSeconds(120), T0.plusSeconds(200)))))
                .isFalse();
    }

    @Test
    void the_jobs_pending_at_a_runs_end_are_stored_once_and_only_for_an_ended_run() {
        BenchmarkRun run = newRun("db-scheduler", T0);
        assertThat(save.savePendingJobs(run.id(), 3)).as("not ended yet").isFalse();
        save.saveEnding(run.end(RunEnding.stalled(Duration.ofSeconds(120), T0.plusSeconds(200))));

        assertThat(save.savePendingJobs(run.id(), 7)).isTrue();
        assertThat(save.savePendingJobs(run.id(), 9)).as("counted already").isFalse();
        assertThat(load.loadRun(run.id()).orElseThrow().ending().orElseThrow().pendingJobs()).hasValue(7);

        BenchmarkRun counted = newRun("db-scheduler", T0);
        BenchmarkRun ended = counted.end(RunEnding.stalled(Duration.ofSeconds(120), T0.plusSeconds(200))
                .withPendingJobs(2));
        save.saveEnding(ended);
        assertThat(load.loadRun(counted.id())).contains(ended);
    }

    @Test
    void scheduling_progress_only_grows_when_an_older_write_arrives_late() {
        BenchmarkRun started = submitted(newRun("db-scheduler", T0)).startScheduling(T0);
        save.saveSchedulingStarted(started);

        save.saveSchedulingProgress(started.recordScheduledJobs(300, T0.plusSeconds(2)));
        save.saveSchedulingProgress(started.recordScheduledJobs(200, T0.plusSeconds(1)));

        assertThat(load.loadRun(started.id()).orElseThrow().scheduledJobs()).isEqualTo(300);
    }

    private BenchmarkRun submitted(BenchmarkRun run) {
        BenchmarkRun submitted = run.submit(run.timeline().createdAt());
        save.saveSubmitted(submitted);
        return submitted;
    }

    @Test
    void a_deleted_run_is_gone() {
        BenchmarkRun run = newRun("db-scheduler", T0);
        save.deleteRun(run.id());
        assertThat(load.loadRun(run.id())).isEmpty();
    }
}

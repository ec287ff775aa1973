package dev.queuebench.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.JobDelay;
import dev.queuebench.domain.JobsCount;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.RunSpec;
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
        save.insertRun(run);
        return run;
    }

    @Test
    void a_run_reads_back_exactly_as_it_was_written_to_the_microsecond() {
        BenchmarkRun run = newRun("db-scheduler", T0);

        assertThat(load.loadRun(run.id())).contains(run);
    }

    @Test
    void lifecycle_steps_are_stored_once_each() {
        BenchmarkRun run = newRun("db-scheduler", T0);
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
        BenchmarkRun run = newRun("db-scheduler", T0);
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
    void only_started_unfinished_runs_are_candidates_for_the_guard() {
        BenchmarkRun pending = newRun("guard", T0);
        BenchmarkRun running = newRun("guard", T0);
        save.saveSchedulingStarted(running.startScheduling(T0));

        assertThat(load.loadStartedUnfinishedRuns()).extracting(BenchmarkRun::id)
                .contains(running.id()).doesNotContain(pending.id());
    }

    @Test
    void a_deleted_run_is_gone() {
        BenchmarkRun run = newRun("db-scheduler", T0);
        save.deleteRun(run.id());
        assertThat(load.loadRun(run.id())).isEmpty();
    }
}

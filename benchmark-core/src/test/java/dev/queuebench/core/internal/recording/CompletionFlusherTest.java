package dev.queuebench.core.internal.recording;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuebench.core.internal.faults.DatabaseOutages;
import dev.queuebench.core.memory.InMemoryRunStore;
import dev.queuebench.core.memory.InMemorySnapshotStore;
import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.JobDelay;
import dev.queuebench.domain.JobsCount;
import dev.queuebench.domain.NodeId;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.RunSpec;
import dev.queuebench.domain.SchedulingMode;
import dev.queuebench.ports.in.JobCompletion;
import dev.queuebench.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CompletionFlusherTest {

    private final MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
    private final InMemoryRunStore runs = new InMemoryRunStore();
    private final InMemorySnapshotStore snapshots = new InMemorySnapshotStore();
    private final CompletionRecorders nodeA = new CompletionRecorders(NodeId.of("a"), runs, snapshots);
    private final CompletionRecorders nodeB = new CompletionRecorders(NodeId.of("b"), runs, snapshots);
    private final CompletionFlusher flusherA = flusher(nodeA);
    private final CompletionFlusher flusherB = flusher(nodeB);
    private RunId runId;

    @BeforeEach
    void scheduledRunOfFourJobs() {
        runId = scheduledRun(runs, 4, clock.instant());
    }

    /** A run of {@code jobs} jobs whose scheduling finished at {@code at}, created by node a. */
    static RunId scheduledRun(InMemoryRunStore runs, int jobs, Instant at) {
        RunId id = runs.nextRunId();
        BenchmarkRun run = BenchmarkRun.create(id, new RunSpec(BackendId.of("fake"), JobsCount.of(jobs),
                SchedulingMode.ONE_BY_ONE, JobDelay.DEFAULT), at);
        runs.insertRun(run, NodeId.of("a"));
        BenchmarkRun submitted = run.submit(at);
        runs.saveSubmitted(submitted);
        BenchmarkRun started = submitted.startScheduling(at);
        runs.saveSchedulingStarted(started);
        runs.saveSchedulingFinished(started.finishScheduling(at));
        return id;
    }

    private CompletionFlusher flusher(CompletionRecorders recorders) {
        return new CompletionFlusher(recorders, snapshots, runs, runs, clock, Duration.ofSeconds(1),
                new DatabaseOutages(clock, "test"));
    }

    private void complete(CompletionRecorders node, int index, Instant finishedAt) {
        node.jobCompleted(new JobCompletion(runId, index, clock.instant(), finishedAt, finishedAt));
    }

    @Test
    void a_flush_writes_one_snapshot_per_run_and_node_and_nothing_when_nothing_changed() {
        complete(nodeA, 0, clock.instant());
        complete(nodeA, 1, clock.instant());

        flusherA.flush();
        flusherA.flush();

        assertThat(snapshots.saves()).isEqualTo(1);
        assertThat(snapshots.loadSnapshots(runId)).singleElement()
                .satisfies(s -> assertThat(s.distinctCompleted()).isEqualTo(2));
    }

    @Test
    void a_run_finishes_when_the_union_of_both_nodes_reaches_n_at_the_last_finish_time() {
        Instant last = clock.instant().plusSeconds(7);
        complete(nodeA, 0, clock.instant().plusSeconds(1));
        complete(nodeA, 1, clock.instant().plusSeconds(2));
        complete(nodeB, 1, clock.instant().plusSeconds(3));
        complete(nodeB, 2, last);
        flusherA.flush();
        flusherB.flush();
        assertThat(runs.loadRun(runId).orElseThrow().isFinished()).isFalse();

        complete(nodeB, 3, clock.instant().plusSeconds(5));
        flusherB.flush();

        BenchmarkRun run = runs.loadRun(runId).orElseThrow();
        assertThat(run.timeline().runFinishedAt()).contains(last);
        MergedCompletions merged = MergedCompletions.merge(4, snapshots.loadSnapshots(runId));
        assertThat(merged.counts().distinctCompleted()).isEqualTo(4);
        assertThat(merged.counts().duplicateExecutions()).isEqualTo(1);
        assertThat(merged.completionsPerSecond().total()).isEqualTo(5);
    }

    @Test
    void marking_a_run_finished_happens_once_however_many_nodes_see_it() {
        for (int i = 0; i < 4; i++) {
            complete(nodeA, i, clock.instant());
            complete(nodeB, i, clock.instant());
        }
        flusherA.flush();
        flusherB.flush();

        assertThat(runs.writes()).filteredOn(w -> w.startsWith("run finished")).hasSize(1);
    }

    @Test
    void a_late_duplicate_after_the_run_finished_is_still_counted() {
        for (int i = 0; i < 4; i++) {
            complete(nodeA, i, clock.instant());
        }
        flusherA.flush();
        complete(nodeA, 2, clock.instant().plusSeconds(1));
        flusherA.flush();

        MergedCompletions merged = MergedCompletions.merge(4, snapshots.loadSnapshots(runId));
        assertThat(merged.counts().duplicateExecutions()).isEqualTo(1);
    }

    @Test
    void a_finished_runs_recorder_is_forgotten_when_quiet_and_a_late_job_reloads_this_nodes_snapshot() {
        for (int i = 0; i < 4; i++) {
            complete(nodeA, i, clock.instant());
        }
        flusherA.flush();
        clock.advance(CompletionRecorders.KEEP_FINISHED);
        flusherA.flush();
        assertThat(nodeA.all()).isEmpty();

        complete(nodeA, 0, clock.instant());
        flusherA.flush();

        MergedCompletions merged = MergedCompletions.merge(4, snapshots.loadSnapshots(runId));
        assertThat(merged.counts().executions()).isEqualTo(5);
        assertThat(merged.counts().distinctCompleted()).isEqualTo(4);
    }

    @Test
    void a_completion_of_a_run_that_does_not_exist_is_ignored() {
        nodeA.jobCompleted(new JobCompletion(RunId.of(999), 0, clock.instant(), clock.instant(), clock.instant()));
        flusherA.flush();
        assertThat(snapshots.saves()).isZero();
    }
}

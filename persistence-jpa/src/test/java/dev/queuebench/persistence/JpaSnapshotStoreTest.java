package dev.queuebench.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuebench.core.internal.recording.Micros;
import dev.queuebench.core.internal.recording.RunRecorder;
import dev.queuebench.core.internal.recording.SnapshotCodec;
import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.JobDelay;
import dev.queuebench.domain.JobsCount;
import dev.queuebench.domain.NodeId;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.RunSpec;
import dev.queuebench.domain.SchedulingMode;
import dev.queuebench.ports.out.CompletionSnapshot;
import dev.queuebench.ports.out.CompletionSnapshotPort;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class JpaSnapshotStoreTest {

    private static final PersistenceFixture FIXTURE = new PersistenceFixture();
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private final CompletionSnapshotPort store = FIXTURE.persistence.snapshots();

    @AfterAll
    static void close() {
        FIXTURE.close();
    }

    private RunId newRun() {
        BenchmarkRun run = BenchmarkRun.create(FIXTURE.persistence.saveRuns().nextRunId(), new RunSpec(
                BackendId.of("db-scheduler"), JobsCount.of(1_000), SchedulingMode.ONE_BY_ONE, JobDelay.DEFAULT), T0);
        FIXTURE.persistence.saveRuns().insertRun(run, NodeId.of("test-node"));
        return run.id();
    }

    private static CompletionSnapshot snapshot(RunId runId, String node, int jobs, Instant at) {
        RunRecorder recorder = new RunRecorder(runId, 1_000, T0);
        long due = Micros.of(T0);
        for (int i = 0; i < jobs; i++) {
            recorder.recordCompletion(i, due, due + 1_000 + i, due + 2_000 + i);
        }
        recorder.recordEnqueue(jobs, 150, due);
        return recorder.snapshot(NodeId.of(node), at);
    }

    @Test
    void a_snapshot_reads_back_with_its_bitmap_histograms_and_series() {
        RunId runId = newRun();
        CompletionSnapshot written = snapshot(runId, "node-a", 700, T0.plusSeconds(5));

        store.saveSnapshot(written);

        CompletionSnapshot read = store.loadSnapshot(runId, NodeId.of("node-a")).orElseThrow();
        assertThat(read.distinctCompleted()).isEqualTo(700);
        assertThat(read.executions()).isEqualTo(700);
        assertThat(SnapshotCodec.completedJobs(read)).isEqualTo(SnapshotCodec.completedJobs(written));
        assertThat(SnapshotCodec.pickupLag(read).summary()).isEqualTo(SnapshotCodec.pickupLag(written).summary());
        assertThat(SnapshotCodec.enqueueLatency(read).count()).isEqualTo(1);
        assertThat(read.completionsPerSecond()).isEqualTo(written.completionsPerSecond());
        assertThat(read.lastFinishedAt()).isEqualTo(written.lastFinishedAt());
        assertThat(read.updatedAt()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void saving_again_replaces_the_nodes_snapshot() {
        RunId runId = newRun();
        store.saveSnapshot(snapshot(runId, "node-a", 10, T0.plusSeconds(1)));
        store.saveSnapshot(snapshot(runId, "node-a", 20, T0.plusSeconds(2)));

        assertThat(store.loadSnapshots(runId)).singleElement()
                .satisfies(s -> assertThat(s.distinctCompleted()).isEqualTo(20));
    }

    @Test
    void each_node_keeps_its_own_row_and_progress_is_the_latest_of_them() {
        RunId runId = newRun();
        RunId other = newRun();
        store.saveSnapshot(snapshot(runId, "node-a", 10, T0.plusSeconds(4)));
        store.saveSnapshot(snapshot(runId, "node-b", 5, T0.plusSeconds(9)));
        store.saveSnapshot(snapshot(other, "node-a", 1, T0.plusSeconds(1)));

        assertThat(store.loadSnapshots(runId)).extracting(s -> s.nodeId().value()).containsExactly("node-a", "node-b");
        assertThat(store.lastProgressAt(List.of(runId, other)))
                .containsEntry(runId, T0.plusSeconds(9))
                .containsEntry(other, T0.plusSeconds(1));
        assertThat(store.loadSnapshots(List.of(runId, other))).containsOnlyKeys(runId, other);
    }

    @Test
    void deleting_a_run_deletes_its_snapshots() {
        RunId runId = newRun();
        store.saveSnapshot(snapshot(runId, "node-a", 10, T0));

        FIXTURE.persistence.saveRuns().deleteRun(runId);

        assertThat(store.loadSnapshots(runId)).isEmpty();
    }
}

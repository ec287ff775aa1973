package dev.queuebench.ports.service;

import dev.queuebench.ports.QueueBench;
import dev.queuebench.ports.recording.NodeId;
import dev.queuebench.ports.testing.FakeQueueBackend;
import dev.queuebench.ports.testing.InMemoryRunLock;
import dev.queuebench.ports.testing.InMemoryRunStore;
import dev.queuebench.ports.testing.InMemorySnapshotStore;
import dev.queuebench.ports.testing.MutableClock;
import dev.queuebench.ports.testing.NoDatabase;
import java.time.Duration;
import java.util.List;

/** The core wired to in-memory fakes and one fake backend, with an hour-long flush interval: tests flush. */
final class InMemoryCore implements AutoCloseable {

    final MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
    final InMemoryRunStore runs = new InMemoryRunStore();
    final InMemorySnapshotStore snapshots = new InMemorySnapshotStore();
    final InMemoryRunLock lock = new InMemoryRunLock();
    final FakeQueueBackend.Provider provider = FakeQueueBackend.provider();
    final QueueBench bench;

    InMemoryCore() {
        this(NodeId.of("node-a"));
    }

    InMemoryCore(NodeId node) {
        bench = QueueBench.builder()
                .clock(clock)
                .dataSource(new NoDatabase())
                .runStore(runs)
                .snapshots(snapshots)
                .runLock(lock)
                .providers(List.of(provider))
                .settings(BenchmarkSettings.defaults()
                        .withNodeId(node)
                        .withFlushInterval(Duration.ofHours(1))
                        .withLockWait(Duration.ofMillis(50)))
                .build();
    }

    FakeQueueBackend backend() {
        bench.backend(FakeQueueBackend.ID);
        return provider.backend();
    }

    @Override
    public void close() {
        bench.close();
    }
}

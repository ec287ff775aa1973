package dev.queuebench.ports.service;

import dev.queuebench.ports.QueueBench;
import dev.queuebench.ports.recording.NodeId;
import dev.queuebench.ports.testing.FakeQueueBackend;
import dev.queuebench.ports.out.DatabaseMetricsPort;
import dev.queuebench.ports.resources.DatabaseSample;
import dev.queuebench.ports.resources.PoolSample;
import dev.queuebench.ports.testing.InMemoryEnvironmentStore;
import dev.queuebench.ports.testing.InMemoryNodeLeases;
import dev.queuebench.ports.testing.InMemoryRunFaultStore;
import dev.queuebench.ports.testing.InMemoryResourceSampleStore;
import dev.queuebench.ports.testing.InMemoryRunLock;
import dev.queuebench.ports.testing.InMemoryRunStore;
import dev.queuebench.ports.testing.InMemorySnapshotStore;
import dev.queuebench.ports.testing.MutableClock;
import dev.queuebench.ports.testing.NoDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The core wired to in-memory fakes and one fake backend, with an hour-long flush interval: tests flush. */
final class InMemoryCore implements AutoCloseable {

    final MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
    final InMemoryRunStore runs = new InMemoryRunStore();
    final InMemorySnapshotStore snapshots = new InMemorySnapshotStore();
    final InMemoryRunLock lock = new InMemoryRunLock();
    final InMemoryEnvironmentStore environments = new InMemoryEnvironmentStore();
    final InMemoryResourceSampleStore resourceSamples = new InMemoryResourceSampleStore();
    final InMemoryRunFaultStore faults = new InMemoryRunFaultStore();
    final FakeQueueBackend.Provider provider = FakeQueueBackend.provider();
    final InMemoryNodeLeases leases;
    final NodeId node;
    final QueueBench bench;

    InMemoryCore() {
        this(NodeId.of("node-a"));
    }

    InMemoryCore(NodeId node) {
        this.node = node;
        this.leases = new InMemoryNodeLeases(clock, runs);
        bench = builder().build();
    }

    /**
     * This node's wiring, for another node over the same stores: override its node id, leases and providers.
     */
    QueueBench.Builder builder() {
        return QueueBench.builder()
                .clock(clock)
                .dataSource(new NoDatabase())
                .runStore(runs)
                .snapshots(snapshots)
                .runLock(lock)
                .nodeLeases(leases.forNode())
                .environments(environments)
                .resourceSamples(resourceSamples)
                .runFaults(faults)
                .poolMetrics(() -> List.of(new PoolSample("qb-fake", 3, 7, 0)))
                .databaseMetrics(new DatabaseMetricsPort() {
                    @Override
                    public DatabaseSample sample(List<String> backendTables) {
                        return new DatabaseSample(100, 10, 20, 30, 5, 8_192, 0);
                    }

                    @Override
                    public Map<String, String> facts() {
                        return Map.of("postgres.version", "PostgreSQL 99", "postgres.fsync", "on");
                    }
                })
                .environmentFacts(Map.of("queue_bench.version", "test", "database.kind", "in-memory"))
                .providers(List.of(provider))
                .settings(BenchmarkSettings.defaults()
                        .withNodeId(node)
                        .withFlushInterval(Duration.ofHours(1))
                        .withLockWait(Duration.ofMillis(50))
                        .withSupervisionInterval(Duration.ofHours(1)));
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

package dev.queuebench.core.memory;

import dev.queuebench.domain.NodeId;
import dev.queuebench.domain.RunId;
import dev.queuebench.ports.out.CompletionSnapshot;
import dev.queuebench.ports.out.CompletionSnapshotPort;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** Snapshots in a map keyed by run and node, counting the upserts. */
public final class InMemorySnapshotStore implements CompletionSnapshotPort {

    private record Key(RunId runId, NodeId nodeId) {
    }

    private final Map<Key, CompletionSnapshot> snapshots = new ConcurrentHashMap<>();
    private final AtomicInteger saves = new AtomicInteger();

    @Override
    public void saveSnapshot(CompletionSnapshot snapshot) {
        snapshots.put(new Key(snapshot.runId(), snapshot.nodeId()), snapshot);
        saves.incrementAndGet();
    }

    @Override
    public Optional<CompletionSnapshot> loadSnapshot(RunId runId, NodeId nodeId) {
        return Optional.ofNullable(snapshots.get(new Key(runId, nodeId)));
    }

    @Override
    public List<CompletionSnapshot> loadSnapshots(RunId runId) {
        return snapshots.values().stream().filter(s -> s.runId().equals(runId))
                .sorted(Comparator.comparing(s -> s.nodeId().value())).toList();
    }

    @Override
    public Map<RunId, Instant> lastProgressAt(Collection<RunId> runIds) {
        Map<RunId, Instant> result = new HashMap<>();
        for (CompletionSnapshot s : snapshots.values()) {
            if (runIds.contains(s.runId())) {
                result.merge(s.runId(), s.updatedAt(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        return result;
    }

    @Override
    public Map<RunId, List<CompletionSnapshot>> loadSnapshots(Collection<RunId> runIds) {
        return snapshots.values().stream().filter(s -> runIds.contains(s.runId()))
                .collect(Collectors.groupingBy(CompletionSnapshot::runId));
    }

    /** How many times a snapshot was saved. */
    public int saves() {
        return saves.get();
    }
}

package dev.queuebench.core.memory;

import dev.queuebench.domain.RunId;
import dev.queuebench.domain.SweepId;
import dev.queuebench.domain.SweepPlan;
import dev.queuebench.ports.out.SweepStorePort;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sweeps in memory, for tests and embedders who keep no records. */
public final class InMemorySweepStore implements SweepStorePort {

    private final Map<SweepId, StoredSweep> sweeps = new LinkedHashMap<>();
    private long lastId;

    @Override
    public synchronized SweepId nextSweepId() {
        return SweepId.of(++lastId);
    }

    @Override
    public synchronized void insertSweep(SweepId id, SweepPlan plan, Instant createdAt) {
        sweeps.putIfAbsent(id, new StoredSweep(id, plan, createdAt, List.of()));
    }

    @Override
    public synchronized void addPoint(SweepId id, StoredPoint point) {
        StoredSweep sweep = loadSweep(id).orElseThrow(() -> new IllegalStateException("no sweep " + id));
        if (sweep.points().stream().anyMatch(stored -> stored.runId().equals(point.runId()))) {
            return;
        }
        List<StoredPoint> points = new ArrayList<>(sweep.points());
        points.add(point);
        sweeps.put(id, new StoredSweep(id, sweep.plan(), sweep.createdAt(), points));
    }

    @Override
    public synchronized Optional<StoredSweep> loadSweep(SweepId id) {
        return Optional.ofNullable(sweeps.get(id));
    }

    @Override
    public synchronized Map<RunId, SweepId> sweepsOf(Collection<RunId> runs) {
        Map<RunId, SweepId> found = new HashMap<>();
        sweeps.values().forEach(sweep -> sweep.points().stream().filter(point -> runs.contains(point.runId()))
                .forEach(point -> found.put(point.runId(), sweep.id())));
        return Map.copyOf(found);
    }

    @Override
    public synchronized List<StoredSweep> listSweeps(int limit) {
        return sweeps.values().stream()
                .sorted(Comparator.comparingLong((StoredSweep sweep) -> sweep.id().value()).reversed())
                .limit(limit)
                .toList();
    }
}

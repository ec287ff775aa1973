package dev.queuebench.persistence;

import dev.queuebench.domain.NodeId;
import dev.queuebench.domain.RunId;
import dev.queuebench.ports.out.CompletionSnapshot;
import dev.queuebench.ports.out.CompletionSnapshotPort;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hibernate.SessionFactory;

/** Snapshots in {@code completion_snapshots}, one row per run and node, upserted by Hibernate's stateless session. */
final class JpaSnapshotStore implements CompletionSnapshotPort {

    private final EntityManagerFactory emf;
    private final SessionFactory sessions;

    JpaSnapshotStore(EntityManagerFactory emf) {
        this.emf = emf;
        this.sessions = emf.unwrap(SessionFactory.class);
    }

    @Override
    public void saveSnapshot(CompletionSnapshot snapshot) {
        CompletionSnapshotEntity entity = EntityMapper.toEntity(snapshot);
        sessions.inStatelessTransaction(session -> session.upsert(entity));
    }

    @Override
    public Optional<CompletionSnapshot> loadSnapshot(RunId runId, NodeId nodeId) {
        return emf.callInTransaction(em -> Optional.ofNullable(em.find(CompletionSnapshotEntity.class,
                new CompletionSnapshotEntity.Key(runId.value(), nodeId.value()))).map(EntityMapper::toDomain));
    }

    @Override
    public List<CompletionSnapshot> loadSnapshots(RunId runId) {
        return emf.callInTransaction(em -> em.createQuery("select s from CompletionSnapshotEntity s"
                        + " where s.key.runId = :runId order by s.key.nodeId", CompletionSnapshotEntity.class)
                .setParameter("runId", runId.value())
                .getResultList().stream().map(EntityMapper::toDomain).toList());
    }

    @Override
    public Map<RunId, Instant> lastProgressAt(Collection<RunId> runIds) {
        if (runIds.isEmpty()) {
            return Map.of();
        }
        return emf.callInTransaction(em -> {
            Map<RunId, Instant> result = new HashMap<>();
            em.createQuery("select s.key.runId, max(s.updatedAt) from CompletionSnapshotEntity s"
                            + " where s.key.runId in :runIds group by s.key.runId", Object[].class)
                    .setParameter("runIds", ids(runIds))
                    .getResultList()
                    .forEach(row -> result.put(RunId.of((Long) row[0]), (Instant) row[1]));
            return result;
        });
    }

    @Override
    public Map<RunId, List<CompletionSnapshot>> loadSnapshots(Collection<RunId> runIds) {
        if (runIds.isEmpty()) {
            return Map.of();
        }
        return emf.callInTransaction(em -> em.createQuery("select s from CompletionSnapshotEntity s"
                        + " where s.key.runId in :runIds order by s.key.nodeId", CompletionSnapshotEntity.class)
                .setParameter("runIds", ids(runIds))
                .getResultList().stream().map(EntityMapper::toDomain)
                .collect(Collectors.groupingBy(CompletionSnapshot::runId)));
    }

    private static List<Long> ids(Collection<RunId> runIds) {
        return runIds.stream().map(RunId::value).toList();
    }
}

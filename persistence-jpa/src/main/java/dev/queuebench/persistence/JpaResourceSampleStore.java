package dev.queuebench.persistence;

import dev.queuebench.domain.RunId;
import dev.queuebench.domain.measure.ResourceSample;
import dev.queuebench.domain.measure.StatementTime;
import dev.queuebench.ports.out.ResourceSamplePort;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resource samples in {@code resource_samples}, one row per sample, and the statements that took a run's database time
 * in {@code run_statements}, one row per statement.
 */
final class JpaResourceSampleStore implements ResourceSamplePort {

    private final EntityManagerFactory emf;

    JpaResourceSampleStore(EntityManagerFactory emf) {
        this.emf = emf;
    }

    @Override
    public void saveSample(RunId runId, ResourceSample sample) {
        emf.runInTransaction(em -> em.persist(EntityMapper.toEntity(runId, sample)));
    }

    @Override
    public List<ResourceSample> loadSamples(RunId runId) {
        return loadSamples(List.of(runId)).getOrDefault(runId, List.of());
    }

    @Override
    public Map<RunId, List<ResourceSample>> loadSamples(Collection<RunId> runIds) {
        if (runIds.isEmpty()) {
            return Map.of();
        }
        return emf.callInTransaction(em -> {
            Map<RunId, List<ResourceSample>> samples = new HashMap<>();
            em.createQuery("select s from ResourceSampleEntity s where s.runId in :runIds"
                            + " order by s.runId, s.sampledAt", ResourceSampleEntity.class)
                    .setParameter("runIds", runIds.stream().map(RunId::value).toList())
                    .getResultList()
                    .forEach(s -> samples.computeIfAbsent(RunId.of(s.runId), id -> new ArrayList<>())
                            .add(EntityMapper.toDomain(s)));
            return samples;
        });
    }

    @Override
    public void saveStatements(RunId runId, List<StatementTime> statements) {
        emf.runInTransaction(em -> {
            em.createQuery("delete from RunStatementEntity s where s.runId = :runId")
                    .setParameter("runId", runId.value()).executeUpdate();
            for (int i = 0; i < statements.size(); i++) {
                StatementTime statement = statements.get(i);
                em.persist(new RunStatementEntity(runId.value(), i + 1, statement.query(), statement.calls(),
                        statement.totalMillis(), statement.rows(), statement.backend()));
            }
        });
    }

    @Override
    public Map<RunId, List<StatementTime>> loadStatements(Collection<RunId> runIds) {
        if (runIds.isEmpty()) {
            return Map.of();
        }
        return emf.callInTransaction(em -> {
            Map<RunId, List<StatementTime>> statements = new HashMap<>();
            em.createQuery("select s from RunStatementEntity s where s.runId in :runIds order by s.runId, s.rank",
                            RunStatementEntity.class)
                    .setParameter("runIds", runIds.stream().map(RunId::value).toList())
                    .getResultList()
                    .forEach(s -> statements.computeIfAbsent(RunId.of(s.runId), id -> new ArrayList<>())
                            .add(new StatementTime(s.query, s.calls, s.totalMillis, s.rows, s.backend)));
            return statements;
        });
    }
}

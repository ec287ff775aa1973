package dev.queuebench.persistence;

import dev.queuebench.domain.RunId;
import dev.queuebench.domain.measure.ResourceSample;
import dev.queuebench.ports.out.ResourceSamplePort;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Resource samples in {@code resource_samples}, one row per sample. */
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
}

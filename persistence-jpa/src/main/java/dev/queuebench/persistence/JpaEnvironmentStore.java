package dev.queuebench.persistence;

import dev.queuebench.domain.RunId;
import dev.queuebench.ports.out.RunEnvironmentPort;
import jakarta.persistence.EntityManagerFactory;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Fingerprints in {@code run_environment}, one row per fact, kept in capture order. */
final class JpaEnvironmentStore implements RunEnvironmentPort {

    private final EntityManagerFactory emf;

    JpaEnvironmentStore(EntityManagerFactory emf) {
        this.emf = emf;
    }

    @Override
    public void saveEnvironment(RunId runId, Map<String, String> environment) {
        emf.runInTransaction(em -> {
            int position = 0;
            for (Map.Entry<String, String> fact : environment.entrySet()) {
                em.persist(new RunEnvironmentEntity(runId.value(), position++, fact.getKey(), fact.getValue()));
            }
        });
    }

    @Override
    public Map<RunId, Map<String, String>> loadEnvironments(Collection<RunId> runIds) {
        if (runIds.isEmpty()) {
            return Map.of();
        }
        return emf.callInTransaction(em -> {
            Map<RunId, Map<String, String>> environments = new HashMap<>();
            em.createQuery("select e from RunEnvironmentEntity e where e.key.runId in :runIds"
                            + " order by e.key.runId, e.position", RunEnvironmentEntity.class)
                    .setParameter("runIds", runIds.stream().map(RunId::value).toList())
                    .getResultList()
                    .forEach(e -> environments.computeIfAbsent(RunId.of(e.key.runId), id -> new LinkedHashMap<>())
                            .put(e.key.name, e.value));
            return environments;
        });
    }
}

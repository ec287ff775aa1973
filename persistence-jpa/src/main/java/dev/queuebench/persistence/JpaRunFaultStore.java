package dev.queuebench.persistence;

import dev.queuebench.domain.RunId;
import dev.queuebench.ports.in.RunFault;
import dev.queuebench.ports.out.RunFaultPort;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Faults in {@code run_faults}, one row each. */
final class JpaRunFaultStore implements RunFaultPort {

    private final EntityManagerFactory emf;

    JpaRunFaultStore(EntityManagerFactory emf) {
        this.emf = emf;
    }

    @Override
    public void saveFaults(RunId runId, List<RunFault> faults) {
        emf.runInTransaction(em -> faults.forEach(fault -> em.persist(new RunFaultEntity(runId.value(), fault.kind(),
                fault.startedAt(), fault.endedAt(), fault.node(), fault.detail(), fault.recovered()))));
    }

    @Override
    public Map<RunId, List<RunFault>> loadFaults(Collection<RunId> runIds) {
        if (runIds.isEmpty()) {
            return Map.of();
        }
        return emf.callInTransaction(em -> {
            Map<RunId, List<RunFault>> faults = new HashMap<>();
            em.createQuery("select f from RunFaultEntity f where f.runId in :runIds order by f.runId, f.startedAt, f.id",
                            RunFaultEntity.class)
                    .setParameter("runIds", runIds.stream().map(RunId::value).toList())
                    .getResultList()
                    .forEach(f -> faults.computeIfAbsent(RunId.of(f.runId), id -> new ArrayList<>())
                            .add(new RunFault(f.kind, f.startedAt, f.endedAt, f.nodeId, f.detail, f.recovered)));
            return faults;
        });
    }
}

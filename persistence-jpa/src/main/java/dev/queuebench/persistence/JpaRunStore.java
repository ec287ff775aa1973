package dev.queuebench.persistence;

import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.NodeId;
import dev.queuebench.domain.RunEnding;
import dev.queuebench.domain.RunId;
import dev.queuebench.ports.in.RunListFilter;
import dev.queuebench.ports.out.LoadRunPort;
import dev.queuebench.ports.out.SaveRunPort;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Runs in {@code benchmark_runs}. Lifecycle steps are single conditional UPDATEs of their own columns, so that
 * concurrent writers (the scheduler storing progress, a flusher finishing the run, a supervisor ending it) never
 * overwrite each other, and a step that already happened, or is repeated after a dropped connection, changes
 * nothing.
 */
final class JpaRunStore implements LoadRunPort, SaveRunPort {

    private final EntityManagerFactory emf;

    JpaRunStore(EntityManagerFactory emf) {
        this.emf = emf;
    }

    @Override
    public Optional<BenchmarkRun> loadRun(RunId runId) {
        return emf.callInTransaction(em -> Optional.ofNullable(em.find(BenchmarkRunEntity.class, runId.value()))
                .map(EntityMapper::toDomain));
    }

    @Override
    public List<BenchmarkRun> listRuns(RunListFilter filter) {
        return emf.callInTransaction(em -> {
            StringBuilder jpql = new StringBuilder("select r from BenchmarkRunEntity r where 1 = 1");
            filter.backend().ifPresent(backend -> jpql.append(" and r.backend = :backend"));
            filter.workload().ifPresent(workload -> jpql.append(" and r.workload = :workload"));
            // narrowed by what is stored; the report service decides the status (RunListFilter.mayHoldStatus)
            filter.status().ifPresent(status -> jpql.append(switch (status) {
                case FINISHED -> " and r.runFinishedAt is not null";
                case INTERRUPTED -> " and r.endStatus = 'interrupted'";
                case STALLED -> " and (r.endStatus = 'stalled' or (r.runFinishedAt is null and r.endedAt is null))";
                case PENDING, SCHEDULING, RUNNING -> " and r.runFinishedAt is null and r.endedAt is null";
            }));
            Optional<BenchmarkRunEntity> cursor = filter.before().map(id -> em.find(BenchmarkRunEntity.class, id.value()));
            cursor.ifPresent(c -> jpql.append(" and (r.createdAt < :cursorCreatedAt"
                    + " or (r.createdAt = :cursorCreatedAt and r.id < :cursorId))"));
            jpql.append(" order by r.createdAt desc, r.id desc");
            TypedQuery<BenchmarkRunEntity> query = em.createQuery(jpql.toString(), BenchmarkRunEntity.class);
            filter.backend().ifPresent(backend -> query.setParameter("backend", backend.value()));
            filter.workload().ifPresent(workload -> query.setParameter("workload", workload));
            cursor.ifPresent(c -> query.setParameter("cursorCreatedAt", c.createdAt).setParameter("cursorId", c.id));
            if (filter.before().isPresent() && cursor.isEmpty()) {
                return List.<BenchmarkRun>of();
            }
            return query.setMaxResults(filter.limit()).getResultList().stream().map(EntityMapper::toDomain).toList();
        });
    }

    @Override
    public List<BenchmarkRun> loadActiveRuns() {
        return emf.callInTransaction(em -> em.createQuery("select r from BenchmarkRunEntity r"
                        + " where r.runFinishedAt is null and r.endedAt is null order by r.id", BenchmarkRunEntity.class)
                .getResultList().stream().map(EntityMapper::toDomain).toList());
    }

    @Override
    public RunId nextRunId() {
        return emf.callInTransaction(em -> RunId.of(((Number) em
                .createNativeQuery("select nextval('benchmark_runs_id_seq')").getSingleResult()).longValue()));
    }

    @Override
    public void insertRun(BenchmarkRun run, NodeId owner) {
        emf.runInTransaction(em -> em.persist(EntityMapper.toEntity(run, owner)));
    }

    @Override
    public void deleteRun(RunId runId) {
        emf.runInTransaction(em -> em.createQuery("delete from BenchmarkRunEntity r where r.id = :id")
                .setParameter("id", runId.value()).executeUpdate());
    }

    @Override
    public boolean saveSubmitted(BenchmarkRun run) {
        return update(em -> em.createQuery("update BenchmarkRunEntity r"
                        + " set r.submittedAt = :at, r.updatedAt = :updatedAt"
                        + " where r.id = :id and r.submittedAt is null and r.endedAt is null")
                .setParameter("at", run.timeline().submittedAt().orElseThrow())
                .setParameter("updatedAt", run.timeline().updatedAt())
                .setParameter("id", run.id().value())
                .executeUpdate()) == 1;
    }

    @Override
    public boolean saveSchedulingStarted(BenchmarkRun run) {
        Instant at = run.timeline().schedulingStartedAt().orElseThrow();
        return update(em -> em.createQuery("update BenchmarkRunEntity r"
                        + " set r.schedulingStartedAt = :at, r.updatedAt = :updatedAt"
                        + " where r.id = :id and r.schedulingStartedAt is null and r.endedAt is null")
                .setParameter("at", at)
                .setParameter("updatedAt", run.timeline().updatedAt())
                .setParameter("id", run.id().value())
                .executeUpdate()) == 1;
    }

    @Override
    public void saveWorkersStarted(BenchmarkRun run) {
        Instant at = run.timeline().workersStartedAt().orElseThrow();
        update(em -> em.createQuery("update BenchmarkRunEntity r"
                        + " set r.workersStartedAt = :at, r.updatedAt = :updatedAt"
                        + " where r.id = :id and r.workersStartedAt is null and r.endedAt is null")
                .setParameter("at", at)
                .setParameter("updatedAt", run.timeline().updatedAt())
                .setParameter("id", run.id().value())
                .executeUpdate());
    }

    @Override
    public void saveSchedulingProgress(BenchmarkRun run) {
        update(em -> em.createQuery("update BenchmarkRunEntity r"
                        + " set r.scheduledJobs = greatest(r.scheduledJobs, :scheduled), r.updatedAt = :updatedAt"
                        + " where r.id = :id and r.schedulingFinishedAt is null")
                .setParameter("scheduled", run.scheduledJobs())
                .setParameter("updatedAt", run.timeline().updatedAt())
                .setParameter("id", run.id().value())
                .executeUpdate());
    }

    @Override
    public void saveSchedulingFinished(BenchmarkRun run) {
        update(em -> em.createQuery("update BenchmarkRunEntity r"
                        + " set r.schedulingFinishedAt = :at, r.scheduledJobs = :scheduled, r.updatedAt = :updatedAt"
                        + " where r.id = :id and r.schedulingFinishedAt is null")
                .setParameter("at", run.timeline().schedulingFinishedAt().orElseThrow())
                .setParameter("scheduled", run.scheduledJobs())
                .setParameter("updatedAt", run.timeline().updatedAt())
                .setParameter("id", run.id().value())
                .executeUpdate());
    }

    @Override
    public boolean saveRunFinished(BenchmarkRun run) {
        return update(em -> em.createQuery("update BenchmarkRunEntity r"
                        + " set r.runFinishedAt = :at, r.updatedAt = :updatedAt"
                        + " where r.id = :id and r.runFinishedAt is null")
                .setParameter("at", run.timeline().runFinishedAt().orElseThrow())
                .setParameter("updatedAt", run.timeline().updatedAt())
                .setParameter("id", run.id().value())
                .executeUpdate()) == 1;
    }

    @Override
    public boolean saveEnding(BenchmarkRun run) {
        RunEnding ending = run.ending().orElseThrow();
        return update(em -> em.createQuery("update BenchmarkRunEntity r"
                        + " set r.endedAt = :at, r.endStatus = :status, r.endReason = :reason,"
                        + " r.pendingJobs = :pending"
                        + " where r.id = :id and r.runFinishedAt is null and r.endedAt is null")
                .setParameter("at", ending.at())
                .setParameter("status", ending.status().wireName())
                .setParameter("reason", ending.reason())
                .setParameter("pending", ending.pendingJobs().isPresent() ? ending.pendingJobs().getAsInt() : null)
                .setParameter("id", run.id().value())
                .executeUpdate()) == 1;
    }

    @Override
    public boolean savePendingJobs(RunId runId, int pendingJobs) {
        return update(em -> em.createQuery("update BenchmarkRunEntity r set r.pendingJobs = :pending"
                        + " where r.id = :id and r.endedAt is not null and r.pendingJobs is null")
                .setParameter("pending", pendingJobs)
                .setParameter("id", runId.value())
                .executeUpdate()) == 1;
    }

    private int update(java.util.function.Function<EntityManager, Integer> statement) {
        return emf.callInTransaction(statement);
    }
}

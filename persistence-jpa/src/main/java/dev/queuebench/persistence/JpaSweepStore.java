package dev.queuebench.persistence;

import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.JobWork;
import dev.queuebench.domain.JobsCount;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.SchedulingMode;
import dev.queuebench.domain.SweepId;
import dev.queuebench.domain.SweepPlan;
import dev.queuebench.ports.out.SweepStorePort;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Sweeps in {@code benchmark_sweeps}, their points in {@code benchmark_sweep_points}. */
final class JpaSweepStore implements SweepStorePort {

    private final EntityManagerFactory emf;

    JpaSweepStore(EntityManagerFactory emf) {
        this.emf = emf;
    }

    @Override
    public SweepId nextSweepId() {
        return emf.callInTransaction(em -> SweepId.of(((Number) em
                .createNativeQuery("select nextval('benchmark_sweeps_id_seq')").getSingleResult()).longValue()));
    }

    @Override
    public void insertSweep(SweepId id, SweepPlan plan, Instant createdAt) {
        SweepEntity entity = new SweepEntity();
        entity.id = id.value();
        entity.backend = plan.backend().value();
        entity.kind = plan.kind().wireName();
        entity.values = SweepPlan.format(plan.values());
        entity.jobsCount = plan.jobs() == null ? null : plan.jobs().value();
        entity.durationMs = plan.duration() == null ? null : plan.duration().toMillis();
        entity.sloMs = plan.slo().toMillis();
        entity.schedulingMode = plan.schedulingMode().wireName();
        entity.jobWork = plan.jobWork().workText();
        entity.payloadBytes = plan.jobWork().payloadBytes();
        entity.createdAt = createdAt;
        emf.runInTransaction(em -> {
            if (em.find(SweepEntity.class, entity.id) == null) { // else a try whose commit went through already
                em.persist(entity);
            }
        });
    }

    @Override
    public void addPoint(SweepId id, StoredPoint point) {
        emf.runInTransaction(em -> {
            long already = em.createQuery("select count(p) from SweepPointEntity p where p.sweepId = :id"
                            + " and p.runId = :run", Long.class)
                    .setParameter("id", id.value())
                    .setParameter("run", point.runId().value())
                    .getSingleResult();
            if (already > 0) {
                return; // a try whose commit went through before its connection dropped
            }
            long position = em.createQuery("select count(p) from SweepPointEntity p where p.sweepId = :id", Long.class)
                    .setParameter("id", id.value())
                    .getSingleResult();
            SweepPointEntity entity = new SweepPointEntity();
            entity.sweepId = id.value();
            entity.position = (int) position;
            entity.value = point.value();
            entity.runId = point.runId().value();
            entity.passed = point.passed();
            em.persist(entity);
        });
    }

    @Override
    public Optional<StoredSweep> loadSweep(SweepId id) {
        return emf.callInTransaction(em -> Optional.ofNullable(em.find(SweepEntity.class, id.value()))
                .map(entity -> toStored(em, entity)));
    }

    @Override
    public List<StoredSweep> listSweeps(int limit) {
        return emf.callInTransaction(em -> em
                .createQuery("select s from SweepEntity s order by s.id desc", SweepEntity.class)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(entity -> toStored(em, entity))
                .toList());
    }

    @Override
    public Map<RunId, SweepId> sweepsOf(Collection<RunId> runs) {
        if (runs.isEmpty()) {
            return Map.of();
        }
        List<Long> ids = runs.stream().map(RunId::value).toList();
        return emf.callInTransaction(em -> {
            Map<RunId, SweepId> sweeps = new HashMap<>();
            em.createQuery("select p from SweepPointEntity p where p.runId in :ids", SweepPointEntity.class)
                    .setParameter("ids", ids)
                    .getResultList()
                    .forEach(point -> sweeps.put(RunId.of(point.runId), SweepId.of(point.sweepId)));
            return Map.copyOf(sweeps);
        });
    }

    private static StoredSweep toStored(EntityManager em, SweepEntity entity) {
        List<StoredPoint> points = em.createQuery(
                        "select p from SweepPointEntity p where p.sweepId = :id order by p.position",
                        SweepPointEntity.class)
                .setParameter("id", entity.id)
                .getResultList()
                .stream()
                .map(point -> new StoredPoint(point.value, RunId.of(point.runId), point.passed))
                .toList();
        SweepPlan plan = new SweepPlan(
                BackendId.of(entity.backend),
                SweepPlan.Kind.valueOf(entity.kind.toUpperCase(Locale.ROOT)),
                Arrays.stream(entity.values.split(",")).map(Double::valueOf).toList(),
                entity.jobsCount == null ? null : JobsCount.of(entity.jobsCount),
                entity.durationMs == null ? null : Duration.ofMillis(entity.durationMs),
                Duration.ofMillis(entity.sloMs),
                SchedulingMode.fromWireName(entity.schedulingMode),
                JobWork.parse(entity.jobWork, Integer.toString(entity.payloadBytes)));
        return new StoredSweep(SweepId.of(entity.id), plan, entity.createdAt, points);
    }
}

package dev.queuebench.persistence;

import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.JobDelay;
import dev.queuebench.domain.JobWork;
import dev.queuebench.domain.JobsCount;
import dev.queuebench.domain.NodeId;
import dev.queuebench.domain.RunEnding;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.RunSpec;
import dev.queuebench.domain.RunStatus;
import dev.queuebench.domain.RunTimeline;
import dev.queuebench.domain.SchedulingMode;
import dev.queuebench.domain.Workload;
import dev.queuebench.domain.measure.DatabaseSample;
import dev.queuebench.domain.measure.JvmSample;
import dev.queuebench.domain.measure.PoolSample;
import dev.queuebench.domain.measure.ResourceSample;
import dev.queuebench.domain.measure.ThroughputSeries;
import dev.queuebench.ports.out.CompletionSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/** Maps entities to domain types and back. */
final class EntityMapper {

    private EntityMapper() {
    }

    static BenchmarkRun toDomain(BenchmarkRunEntity entity) {
        Workload workload = entity.workload.equals("rate")
                ? new Workload.Rate(entity.offeredRate, Duration.ofMillis(entity.offeredDurationMs))
                : Workload.withoutParameters(entity.workload);
        RunSpec spec = new RunSpec(
                BackendId.of(entity.backend),
                JobsCount.of(entity.jobsCount),
                SchedulingMode.fromWireName(entity.schedulingMode),
                JobDelay.of(Duration.ofMillis(entity.jobDelayMs)),
                workload,
                JobWork.parse(entity.jobWork, Integer.toString(entity.payloadBytes)));
        RunTimeline timeline = RunTimeline.of(entity.createdAt, entity.updatedAt, entity.submittedAt,
                entity.schedulingStartedAt, entity.schedulingFinishedAt, entity.runFinishedAt,
                entity.workersStartedAt);
        Optional<RunEnding> ending = entity.endStatus == null
                ? Optional.empty()
                : Optional.of(new RunEnding(RunStatus.valueOf(entity.endStatus.toUpperCase(Locale.ROOT)),
                        entity.endReason, entity.endedAt, entity.pendingJobs == null ? OptionalInt.empty()
                                : OptionalInt.of(entity.pendingJobs)));
        return new BenchmarkRun(RunId.of(entity.id), spec, timeline, entity.scheduledJobs, ending);
    }

    static BenchmarkRunEntity toEntity(BenchmarkRun run, NodeId owner) {
        BenchmarkRunEntity entity = new BenchmarkRunEntity();
        entity.id = run.id().value();
        entity.backend = run.backend().value();
        entity.jobsCount = run.jobsCount();
        entity.schedulingMode = run.spec().schedulingMode().wireName();
        entity.jobDelayMs = run.spec().jobDelay().value().toMillis();
        entity.workload = run.spec().workload().wireName();
        if (run.spec().workload() instanceof Workload.Rate rate) {
            entity.offeredRate = rate.jobsPerSecond();
            entity.offeredDurationMs = rate.duration().toMillis();
        }
        entity.jobWork = run.spec().jobWork().workText();
        entity.payloadBytes = run.spec().jobWork().payloadBytes();
        entity.workersStartedAt = run.timeline().workersStartedAt().orElse(null);
        entity.scheduledJobs = run.scheduledJobs();
        entity.createdAt = run.timeline().createdAt();
        entity.updatedAt = run.timeline().updatedAt();
        entity.submittedAt = run.timeline().submittedAt().orElse(null);
        entity.ownerNode = owner.value();
        run.ending().ifPresent(ending -> {
            entity.endedAt = ending.at();
            entity.endStatus = ending.status().wireName();
            entity.endReason = ending.reason();
            entity.pendingJobs = ending.pendingJobs().isPresent() ? ending.pendingJobs().getAsInt() : null;
        });
        entity.schedulingStartedAt = run.timeline().schedulingStartedAt().orElse(null);
        entity.schedulingFinishedAt = run.timeline().schedulingFinishedAt().orElse(null);
        entity.runFinishedAt = run.timeline().runFinishedAt().orElse(null);
        return entity;
    }

    static ResourceSample toDomain(ResourceSampleEntity entity) {
        List<PoolSample> pools = new ArrayList<>();
        for (int i = 0; i < entity.poolNames.length; i++) {
            pools.add(new PoolSample(entity.poolNames[i], entity.poolActive[i], entity.poolIdle[i], entity.poolWaiting[i]));
        }
        return new ResourceSample(
                entity.sampledAt,
                new JvmSample(entity.heapUsedBytes, entity.rssBytes, entity.processCpuLoad, entity.gcCount,
                        entity.gcTimeMillis, entity.liveThreads, entity.hostCpuLoad,
                        Arrays.stream(entity.coreLoads).boxed().toList()),
                pools,
                new DatabaseSample(entity.transactionsCommitted, entity.tuplesInserted, entity.tuplesUpdated,
                        entity.tuplesDeleted, entity.backendTableRows, entity.backendTableBytes,
                        entity.sessionsWaitingOnLocks, entity.serverCpuLoad));
    }

    static ResourceSampleEntity toEntity(RunId runId, ResourceSample sample) {
        ResourceSampleEntity entity = new ResourceSampleEntity();
        entity.runId = runId.value();
        entity.sampledAt = sample.sampledAt();
        entity.heapUsedBytes = sample.jvm().heapUsedBytes();
        entity.rssBytes = sample.jvm().rssBytes();
        entity.processCpuLoad = sample.jvm().processCpuLoad();
        entity.hostCpuLoad = sample.jvm().hostCpuLoad();
        entity.coreLoads = sample.jvm().coreLoads().stream().mapToDouble(Double::doubleValue).toArray();
        entity.gcCount = sample.jvm().gcCount();
        entity.gcTimeMillis = sample.jvm().gcTimeMillis();
        entity.liveThreads = sample.jvm().liveThreads();
        entity.poolNames = sample.pools().stream().map(PoolSample::pool).toArray(String[]::new);
        entity.poolActive = sample.pools().stream().mapToInt(PoolSample::active).toArray();
        entity.poolIdle = sample.pools().stream().mapToInt(PoolSample::idle).toArray();
        entity.poolWaiting = sample.pools().stream().mapToInt(PoolSample::waiting).toArray();
        entity.transactionsCommitted = sample.database().transactionsCommitted();
        entity.tuplesInserted = sample.database().tuplesInserted();
        entity.tuplesUpdated = sample.database().tuplesUpdated();
        entity.tuplesDeleted = sample.database().tuplesDeleted();
        entity.backendTableRows = sample.database().backendTableRows();
        entity.backendTableBytes = sample.database().backendTableBytes();
        entity.sessionsWaitingOnLocks = sample.database().sessionsWaitingOnLocks();
        entity.serverCpuLoad = sample.database().serverCpuLoad();
        return entity;
    }

    static CompletionSnapshot toDomain(CompletionSnapshotEntity entity) {
        return new CompletionSnapshot(
                RunId.of(entity.key.runId),
                NodeId.of(entity.key.nodeId),
                entity.distinctCompleted,
                entity.executions,
                Optional.ofNullable(entity.firstFinishedAt),
                Optional.ofNullable(entity.lastFinishedAt),
                entity.updatedAt,
                entity.completedJobs,
                entity.pickupLag,
                entity.endToEnd,
                entity.enqueueLatency,
                new ThroughputSeries(entity.completionsStartSecond, entity.completionsPerSecond),
                new ThroughputSeries(entity.enqueuesStartSecond, entity.enqueuesPerSecond),
                entity.completionTicks,
                entity.enqueueTicks,
                entity.busyPerSecond);
    }

    static CompletionSnapshotEntity toEntity(CompletionSnapshot snapshot) {
        CompletionSnapshotEntity entity = new CompletionSnapshotEntity();
        entity.key = new CompletionSnapshotEntity.Key(snapshot.runId().value(), snapshot.nodeId().value());
        entity.distinctCompleted = snapshot.distinctCompleted();
        entity.executions = snapshot.executions();
        entity.firstFinishedAt = snapshot.firstFinishedAt().orElse(null);
        entity.lastFinishedAt = snapshot.lastFinishedAt().orElse(null);
        entity.updatedAt = snapshot.updatedAt();
        entity.completedJobs = snapshot.completedJobs();
        entity.pickupLag = snapshot.pickupLag();
        entity.endToEnd = snapshot.endToEnd();
        entity.enqueueLatency = snapshot.enqueueLatency();
        entity.completionsStartSecond = snapshot.completionsPerSecond().startEpochSecond();
        entity.completionsPerSecond = snapshot.completionsPerSecond().counts();
        entity.enqueuesStartSecond = snapshot.enqueuesPerSecond().startEpochSecond();
        entity.enqueuesPerSecond = snapshot.enqueuesPerSecond().counts();
        entity.completionTicks = snapshot.completionTicks();
        entity.enqueueTicks = snapshot.enqueueTicks();
        entity.busyPerSecond = snapshot.busyPerSecond();
        return entity;
    }
}

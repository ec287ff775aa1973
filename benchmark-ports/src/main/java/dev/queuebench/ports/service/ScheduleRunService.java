package dev.queuebench.ports.service;

import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.ConcurrentRunException;
import dev.queuebench.domain.RunActivity;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.RunNotFoundException;
import dev.queuebench.domain.RunningRunGuard;
import dev.queuebench.domain.SchedulingMode;
import dev.queuebench.ports.in.ScheduleRunUseCase;
import dev.queuebench.ports.out.CompletionSnapshotPort;
import dev.queuebench.ports.out.LoadRunPort;
import dev.queuebench.ports.out.RunLockPort;
import dev.queuebench.ports.out.RunLockPort.RunLock;
import dev.queuebench.ports.out.SaveRunPort;
import dev.queuebench.ports.recording.CompletionRecorders;
import dev.queuebench.ports.recording.Micros;
import dev.queuebench.ports.recording.RunRecorder;
import dev.queuebench.ports.resources.ResourceSampler;
import dev.queuebench.ports.spi.PretendJob;
import dev.queuebench.ports.spi.QueueBackend;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.LongSupplier;

/**
 * Runs a run's scheduling phase, on a backend worker: under the run lock, checks that no other run is running,
 * stamps {@code scheduling_started_at}, enqueues the N pretend jobs (each due at its enqueue time plus the run's
 * delay) through the backend, stores progress at most once per progress interval, and stamps
 * {@code scheduling_finished_at}. Resources are sampled from the start of scheduling. No transaction wraps the enqueueing: each library writes on its own connections.
 */
public final class ScheduleRunService implements ScheduleRunUseCase {

    private static final System.Logger LOG = System.getLogger(ScheduleRunService.class.getName());

    private final QueueBackends backends;
    private final LoadRunPort loadRuns;
    private final SaveRunPort saveRuns;
    private final CompletionSnapshotPort snapshots;
    private final RunLockPort runLock;
    private final RunningRunGuard guard;
    private final CompletionRecorders recorders;
    private final ResourceSampler sampler;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final BenchmarkSettings settings;

    public ScheduleRunService(QueueBackends backends, LoadRunPort loadRuns, SaveRunPort saveRuns,
                              CompletionSnapshotPort snapshots, RunLockPort runLock, RunningRunGuard guard,
                              CompletionRecorders recorders, ResourceSampler sampler, Clock clock,
                              LongSupplier nanoTime, BenchmarkSettings settings) {
        this.backends = Objects.requireNonNull(backends, "backends are required");
        this.loadRuns = Objects.requireNonNull(loadRuns, "load-run port is required");
        this.saveRuns = Objects.requireNonNull(saveRuns, "save-run port is required");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshot port is required");
        this.runLock = Objects.requireNonNull(runLock, "run lock port is required");
        this.guard = Objects.requireNonNull(guard, "running-run guard is required");
        this.recorders = Objects.requireNonNull(recorders, "recorders are required");
        this.sampler = Objects.requireNonNull(sampler, "resource sampler is required");
        this.clock = Objects.requireNonNull(clock, "clock is required");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nano time source is required");
        this.settings = Objects.requireNonNull(settings, "settings are required");
    }

    @Override
    public void scheduleRun(RunId runId) {
        BenchmarkRun run = loadRuns.loadRun(runId).orElseThrow(() -> new RunNotFoundException(runId));
        if (run.hasStartedScheduling()) {
            LOG.log(Level.INFO, "run {0} already started scheduling; a repeated scheduling job does nothing", runId);
            return;
        }
        QueueBackend backend = backends.backend(run.backend());
        Duration lockWait = settings.lockWait();
        try (RunLock lock = runLock.tryAcquire(lockWait)
                .orElseThrow(() -> ConcurrentRunException.runLockNotAcquired(runId, lockWait))) {
            guard.ensureNoOtherRunIsRunning(runId, activityOf(loadRuns.loadStartedUnfinishedRuns()));
            BenchmarkRun started = run.startScheduling(clock.instant());
            if (!saveRuns.saveSchedulingStarted(started)) {
                LOG.log(Level.INFO, "run {0} was started by another worker meanwhile", runId);
                return;
            }
            sampler.track(runId, backend.tableNames());
            enqueueAll(started, backend);
        }
    }

    private List<RunActivity> activityOf(List<BenchmarkRun> runs) {
        if (runs.isEmpty()) {
            return List.of();
        }
        Map<RunId, Instant> lastProgress = snapshots.lastProgressAt(runs.stream().map(BenchmarkRun::id).toList());
        return runs.stream().map(run -> RunActivity.of(run, lastProgress.get(run.id()))).toList();
    }

    private void enqueueAll(BenchmarkRun started, QueueBackend backend) {
        RunRecorder recorder = recorders.recorderFor(started);
        Duration delay = started.spec().jobDelay().value();
        int jobsCount = started.jobsCount();
        boolean inBulk = started.spec().schedulingMode() == SchedulingMode.IN_BULK;
        int callSize = inBulk ? SchedulingMode.BATCH_SIZE : 1;
        BenchmarkRun run = started;
        long lastProgressNanos = nanoTime.getAsLong();
        long progressNanos = settings.progressInterval().toNanos();
        List<PretendJob> batch = new ArrayList<>(callSize);

        for (int next = 0; next < jobsCount; ) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("scheduling of run " + run.id() + " was interrupted after "
                        + next + " of " + jobsCount + " jobs");
            }
            int end = Math.min(jobsCount, next + callSize);
            long startNanos = nanoTime.getAsLong();
            Instant dueAt = clock.instant().plus(delay);
            if (inBulk) {
                batch.clear();
                for (int index = next; index < end; index++) {
                    batch.add(new PretendJob(run.id(), index, dueAt));
                }
                backend.enqueueBatch(batch);
            } else {
                backend.enqueue(new PretendJob(run.id(), next, dueAt));
            }
            long endNanos = nanoTime.getAsLong();
            recorder.recordEnqueue(end - next, (endNanos - startNanos) / 1_000, Micros.now(clock));
            next = end;
            if (next < jobsCount && endNanos - lastProgressNanos >= progressNanos) {
                run = run.recordScheduledJobs(next, clock.instant());
                saveRuns.saveSchedulingProgress(run);
                lastProgressNanos = endNanos;
            }
        }
        saveRuns.saveSchedulingFinished(run.finishScheduling(clock.instant()));
    }
}

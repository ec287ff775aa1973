package dev.queuebench.core.internal.service;

import dev.queuebench.core.internal.faults.Retrier;
import dev.queuebench.core.internal.recording.CompletionRecorders;
import dev.queuebench.core.internal.recording.RunRecorder;
import dev.queuebench.core.internal.recording.SnapshotCodec;
import dev.queuebench.core.internal.resources.ResourceSampler;
import dev.queuebench.core.internal.workload.Enqueuer;
import dev.queuebench.core.internal.workload.RunWorkload;
import dev.queuebench.core.internal.workload.SchedulingPhase;
import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.ConcurrentRunException;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.RunNotFoundException;
import dev.queuebench.ports.in.BenchmarkSettings;
import dev.queuebench.ports.in.ScheduleRunUseCase;
import dev.queuebench.ports.out.CompletionSnapshot;
import dev.queuebench.ports.out.CompletionSnapshotPort;
import dev.queuebench.ports.out.LoadRunPort;
import dev.queuebench.ports.out.RunLockPort.RunLock;
import dev.queuebench.ports.out.RunLockPort;
import dev.queuebench.ports.out.SaveRunPort;
import dev.queuebench.ports.spi.QueueBackend;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.IntPredicate;
import java.util.function.LongSupplier;
import org.roaringbitmap.RoaringBitmap;

/**
 * Runs a run's scheduling phase (on a backend worker for the delayed workload, on the runner's thread for the others):
 * under the run lock, checks that it is the run's turn, stamps {@code scheduling_started_at}, enqueues the N pretend
 * jobs through the backend, stores progress at most once per progress interval, and stamps
 * {@code scheduling_finished_at}. How the jobs go in, and when each is due, is the run's workload's
 * ({@link RunWorkload#enqueueJobs}).
 * Resources are sampled from the start of scheduling. No transaction wraps the enqueueing: each library writes on its
 * own connections.
 *
 * <p>Faults. A call that fails because the database is briefly unreachable is tried again (taking the run lock again
 * if its session ended), and so are this service's own reads and writes. A scheduling job that is delivered again
 * after its phase was cut short (a failed attempt, a dead worker) resumes from the stored progress. Neither enqueues a
 * job twice: a job that already completed is skipped, and backends enqueue idempotently by the job's identity (run
 * and index).
 */
public final class ScheduleRunService implements ScheduleRunUseCase {

    private static final System.Logger LOG = System.getLogger(ScheduleRunService.class.getName());

    private final QueueBackends backends;
    private final LoadRunPort loadRuns;
    private final SaveRunPort saveRuns;
    private final CompletionSnapshotPort snapshots;
    private final RunLockPort runLock;
    private final RunQueue queue;
    private final CompletionRecorders recorders;
    private final ResourceSampler sampler;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final BenchmarkSettings settings;
    private final Retrier retrier;

    ScheduleRunService(QueueBackends backends, LoadRunPort loadRuns, SaveRunPort saveRuns,
                       CompletionSnapshotPort snapshots, RunLockPort runLock, RunQueue queue,
                       CompletionRecorders recorders, ResourceSampler sampler, Clock clock, LongSupplier nanoTime,
                       BenchmarkSettings settings, Retrier retrier) {
        this.backends = Objects.requireNonNull(backends, "backends are required");
        this.loadRuns = Objects.requireNonNull(loadRuns, "load-run port is required");
        this.saveRuns = Objects.requireNonNull(saveRuns, "save-run port is required");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshot port is required");
        this.runLock = Objects.requireNonNull(runLock, "run lock port is required");
        this.queue = Objects.requireNonNull(queue, "run queue is required");
        this.recorders = Objects.requireNonNull(recorders, "recorders are required");
        this.sampler = Objects.requireNonNull(sampler, "resource sampler is required");
        this.clock = Objects.requireNonNull(clock, "clock is required");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nano time source is required");
        this.settings = Objects.requireNonNull(settings, "settings are required");
        this.retrier = Objects.requireNonNull(retrier, "retrier is required");
    }

    @Override
    public void scheduleRun(RunId runId) {
        BenchmarkRun run = load(runId);
        if (isOver(run)) {
            return;
        }
        QueueBackend backend = backends.backend(run.backend());
        Duration lockWait = settings.lockWait();
        try (RunLock lock = retrier.call("take the run lock for run " + runId, () -> runLock.tryAcquire(lockWait))
                .orElseThrow(() -> ConcurrentRunException.runLockNotAcquired(runId, lockWait))) {
            queue.ensureItIsTheTurnOf(runId);
            // read again under the lock: another delivery of this job may have started or ended it meanwhile
            run = load(runId);
            if (isOver(run)) {
                return;
            }
            int from = 0;
            if (run.hasStartedScheduling()) {
                from = run.scheduledJobs();
                LOG.log(Level.INFO, "run {0} resumes scheduling after {1} of {2} jobs", runId, from, run.jobsCount());
            } else {
                BenchmarkRun started = run.startScheduling(clock.instant());
                boolean startedHere = retrier.call("store the scheduling start of run " + runId,
                        () -> saveRuns.saveSchedulingStarted(started));
                if (!startedHere) {
                    // ended meanwhile, or a lost acknowledgement of our own write: the stored run decides
                    run = load(runId);
                    if (isOver(run) || !run.hasStartedScheduling()) {
                        return;
                    }
                    from = run.scheduledJobs();
                } else {
                    run = started;
                }
            }
            sampler.track(runId, backend.tableNames());
            enqueueFrom(run, from, backend, lock);
        }
    }

    private BenchmarkRun load(RunId runId) {
        return retrier.call("read run " + runId, () -> loadRuns.loadRun(runId))
                .orElseThrow(() -> new RunNotFoundException(runId));
    }

    /** A finished, ended or fully scheduled run needs nothing more: a late or repeated scheduling job does nothing. */
    private static boolean isOver(BenchmarkRun run) {
        if (run.isFinished() || run.isEnded() || run.hasFinishedScheduling()) {
            LOG.log(Level.INFO, "run {0} is {1}; its scheduling job has nothing left to do", run.id(),
                    run.isEnded() ? "over" : run.isFinished() ? "finished" : "fully scheduled");
            return true;
        }
        return false;
    }

    private void enqueueFrom(BenchmarkRun started, int from, QueueBackend backend, RunLock lock) {
        RunRecorder recorder = recorders.recorderFor(started);
        IntPredicate alreadyRan = from == 0 ? recorder::isCompleted : completedAnywhere(started, recorder);
        Enqueuer enqueuer = new Enqueuer(started, backend, lock, recorder, alreadyRan, retrier, clock, nanoTime,
                settings.lockWait());
        SchedulingPhase phase = new SchedulingPhase(clock, nanoTime, settings.progressInterval(), this::storeProgress);
        BenchmarkRun enqueued = RunWorkload.of(started.spec().workload()).enqueueJobs(started, from, enqueuer, phase);
        BenchmarkRun scheduled = enqueued.finishScheduling(clock.instant());
        retrier.run("store the scheduling end of run " + scheduled.id(),
                () -> saveRuns.saveSchedulingFinished(scheduled));
    }

    private void storeProgress(BenchmarkRun run) {
        retrier.run("store the scheduling progress of run " + run.id(), () -> saveRuns.saveSchedulingProgress(run));
    }

    /**
     * Jobs that completed on any node before this resumed phase: every node's stored snapshot, and what this node
     * recorded since its last flush.
     */
    private IntPredicate completedAnywhere(BenchmarkRun run, RunRecorder local) {
        RoaringBitmap stored = new RoaringBitmap();
        for (CompletionSnapshot snapshot : retrier.call("read the completions of run " + run.id(),
                () -> snapshots.loadSnapshots(run.id()))) {
            stored.or(SnapshotCodec.completedJobs(snapshot));
        }
        return index -> local.isCompleted(index) || stored.contains(index);
    }
}

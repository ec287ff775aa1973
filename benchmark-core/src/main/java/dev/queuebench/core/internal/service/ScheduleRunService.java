package dev.queuebench.core.internal.service;

import dev.queuebench.core.internal.faults.Retrier;
import dev.queuebench.core.internal.recording.CompletionRecorders;
import dev.queuebench.core.internal.recording.Micros;
import dev.queuebench.core.internal.recording.RunRecorder;
import dev.queuebench.core.internal.recording.SnapshotCodec;
import dev.queuebench.core.internal.resources.ResourceSampler;
import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.ConcurrentRunException;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.RunNotFoundException;
import dev.queuebench.domain.SchedulingMode;
import dev.queuebench.domain.Workload;
import dev.queuebench.ports.in.BenchmarkSettings;
import dev.queuebench.ports.in.ScheduleRunUseCase;
import dev.queuebench.ports.out.CompletionSnapshot;
import dev.queuebench.ports.out.CompletionSnapshotPort;
import dev.queuebench.ports.out.LoadRunPort;
import dev.queuebench.ports.out.RunLockPort.RunLock;
import dev.queuebench.ports.out.RunLockPort;
import dev.queuebench.ports.out.SaveRunPort;
import dev.queuebench.ports.spi.PretendJob;
import dev.queuebench.ports.spi.PretendJobBody;
import dev.queuebench.ports.spi.QueueBackend;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;
import java.util.function.LongSupplier;
import org.roaringbitmap.RoaringBitmap;

/**
 * Runs a run's scheduling phase (on a backend worker for the delayed workload, on the runner's thread for the others):
 * under the run lock, checks that it is the run's turn, stamps {@code scheduling_started_at}, enqueues the N pretend
 * jobs through the backend, stores progress at most once per progress interval, and stamps
 * {@code scheduling_finished_at}. A delayed run's jobs are due at their enqueue time plus the run's delay, a
 * backlog's at their enqueue time; a rate run's jobs are offered on a fixed schedule, each at and due at its intended
 * time, by a pool of enqueuers that lets no slow call delay the next (open loop).
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
    /** Threads that make a rate run's enqueue calls: enough that a few slow calls do not hold up the offer. */
    static final int ENQUEUERS = 8;
    /** How often a rate run in bulk sends what became due. */
    static final Duration BULK_TICK = Duration.ofMillis(100);

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
        Enqueuer enqueuer = new Enqueuer(started, backend, lock, recorder, alreadyRan);
        if (started.spec().workload() instanceof Workload.Rate rate) {
            OpenLoopOffer offer = new OpenLoopOffer(started, rate, from, enqueuer);
            offer.run();
            BenchmarkRun offered = offer.scheduledRun().finishScheduling(clock.instant());
            retrier.run("store the scheduling end of run " + offered.id(),
                    () -> saveRuns.saveSchedulingFinished(offered));
            return;
        }
        Duration delay = started.spec().jobDelay().value();
        int jobsCount = started.jobsCount();
        BenchmarkRun run = started;
        long lastProgressNanos = nanoTime.getAsLong();
        long progressNanos = settings.progressInterval().toNanos();

        for (int next = from; next < jobsCount; ) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("scheduling of run " + run.id() + " was interrupted after "
                        + next + " of " + jobsCount + " jobs");
            }
            int end = Math.min(jobsCount, next + enqueuer.callSize());
            enqueuer.enqueue(next, end, (index, now) -> now.plus(delay));
            long endNanos = nanoTime.getAsLong();
            next = end;
            if (next < jobsCount && endNanos - lastProgressNanos >= progressNanos) {
                BenchmarkRun progressed = run.recordScheduledJobs(next, clock.instant());
                retrier.run("store the scheduling progress of run " + run.id(),
                        () -> saveRuns.saveSchedulingProgress(progressed));
                run = progressed;
                lastProgressNanos = endNanos;
            }
        }
        BenchmarkRun scheduled = run.finishScheduling(clock.instant());
        retrier.run("store the scheduling end of run " + run.id(), () -> saveRuns.saveSchedulingFinished(scheduled));
    }

    private void storeProgress(BenchmarkRun run) {
        retrier.run("store the scheduling progress of run " + run.id(), () -> saveRuns.saveSchedulingProgress(run));
    }

    /**
     * Enqueues one run's jobs through its backend, a call at a time: a batch in bulk, else one job. A try that failed
     * may have stored its jobs before the connection dropped, and they may have run since: a retry skips those. An
     * outage is ridden out, with the run lock taken again if it was lost; each call's latency is recorded.
     */
    private final class Enqueuer {

        /** When each job is due, given its index and the time of the try that enqueues it. */
        interface DueTimes {
            Instant dueAt(int index, Instant now);
        }

        private final RunId runId;
        private final QueueBackend backend;
        private final RunLock lock;
        private final RunRecorder recorder;
        private final IntPredicate alreadyRan;
        private final String payload;
        private final boolean inBulk;
        private final boolean dueNow;

        Enqueuer(BenchmarkRun run, QueueBackend backend, RunLock lock, RunRecorder recorder, IntPredicate alreadyRan) {
            this.runId = run.id();
            this.backend = backend;
            this.lock = lock;
            this.recorder = recorder;
            this.alreadyRan = alreadyRan;
            this.payload = PretendJobBody.payloadOf(run.spec().jobWork().payloadBytes());
            this.inBulk = run.spec().schedulingMode() == SchedulingMode.IN_BULK;
            this.dueNow = dueAtOnce(run);
        }

        /**
         * Whether the run's jobs are work to do at once, which a library's users enqueue rather than schedule: a
         * backlog's and a rate's jobs are due at their enqueue or intended time, a delayed run's after its delay.
         */
        private static boolean dueAtOnce(BenchmarkRun run) {
            return !(run.spec().workload() instanceof Workload.Delayed) || run.spec().jobDelay().value().isZero();
        }

        int callSize() {
            return inBulk ? SchedulingMode.BATCH_SIZE : 1;
        }

        boolean inBulk() {
            return inBulk;
        }

        /** Jobs {@code first} to {@code end - 1}, in one call. */
        void enqueue(int first, int end, DueTimes dueTimes) {
            long[] took = new long[1];
            int enqueued = retrier.call("enqueue jobs " + first + " to " + (end - 1) + " of run " + runId, () -> {
                Instant now = clock.instant();
                List<PretendJob> jobs = new ArrayList<>(end - first);
                for (int index = first; index < end; index++) {
                    if (!alreadyRan.test(index)) {
                        jobs.add(new PretendJob(runId, index, dueTimes.dueAt(index, now), payload, dueNow));
                    }
                }
                long startNanos = nanoTime.getAsLong();
                if (jobs.isEmpty()) {
                    return 0;
                } else if (inBulk) {
                    backend.enqueueBatch(jobs);
                } else {
                    backend.enqueue(jobs.get(0));
                }
                took[0] = nanoTime.getAsLong() - startNanos;
                return jobs.size();
            }, () -> lock.reacquireIfLost(settings.lockWait()));
            if (enqueued > 0) {
                recorder.recordEnqueue(enqueued, took[0] / 1_000, Micros.now(clock));
            }
        }
    }

    /**
     * A rate run's offer: job i goes out at, and is due at, the offer's start plus i / rate (one call per job, or in
     * bulk every {@link #BULK_TICK} what became due since), however long the backend takes. Calls run on
     * {@link #ENQUEUERS} threads, so a call that blocks delays no other; the jobs it holds keep their intended due
     * times, so the delay shows in their latency (no coordinated omission). The stored progress is the first job not
     * yet enqueued, which a resumed offer continues from.
     */
    private final class OpenLoopOffer {

        private final RunId runId;
        private final Workload.Rate rate;
        private final int jobsCount;
        private final Enqueuer enqueuer;
        private final Instant offerStart;
        private final long offerStartNanos;
        private final ConcurrentSkipListSet<Integer> inFlight = new ConcurrentSkipListSet<>();
        private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
        private BenchmarkRun run;
        private int next;

        OpenLoopOffer(BenchmarkRun started, Workload.Rate rate, int from, Enqueuer enqueuer) {
            this.run = started;
            this.runId = started.id();
            this.rate = rate;
            this.jobsCount = started.jobsCount();
            this.enqueuer = enqueuer;
            this.offerStart = started.timeline().schedulingStartedAt().orElseThrow();
            // the offer started when scheduling started, also for a resumed offer: later jobs keep their times
            this.offerStartNanos = nanoTime.getAsLong() - Duration.between(offerStart, clock.instant()).toNanos();
            this.next = from;
        }

        void run() {
            AtomicInteger number = new AtomicInteger();
            ExecutorService enqueuers = Executors.newFixedThreadPool(ENQUEUERS, task -> {
                Thread thread = new Thread(task, "qb-offer-" + runId + "-" + number.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            long lastProgressNanos = nanoTime.getAsLong();
            try {
                while (next < jobsCount) {
                    throwIfFailed();
                    if (Thread.currentThread().isInterrupted()) {
                        throw new CancellationException("the offer of run " + runId + " was interrupted after "
                                + next + " of " + jobsCount + " jobs");
                    }
                    int dueByNow = Math.min(jobsCount, lastIntendedBy(nanoTime.getAsLong() - offerStartNanos) + 1);
                    while (next < dueByNow) {
                        int first = next;
                        int end = Math.min(dueByNow, next + enqueuer.callSize());
                        inFlight.add(first);
                        enqueuers.execute(() -> enqueue(first, end));
                        next = end;
                    }
                    long now = nanoTime.getAsLong();
                    if (now - lastProgressNanos >= settings.progressInterval().toNanos()) {
                        storeProgress();
                        lastProgressNanos = now;
                    }
                    if (next < jobsCount) {
                        long wakeAt = offerStartNanos + rate.intendedOffsetNanos(next)
                                + (enqueuer.inBulk() ? BULK_TICK.toNanos() : 0);
                        LockSupport.parkNanos(Math.max(0, wakeAt - nanoTime.getAsLong()));
                    }
                }
                enqueuers.shutdown();
                awaitEnqueuers(enqueuers);
                throwIfFailed();
            } finally {
                enqueuers.shutdownNow();
            }
        }

        /** The last job whose intended time is at or before {@code offsetNanos} into the offer; -1 for none. */
        private int lastIntendedBy(long offsetNanos) {
            if (offsetNanos < 0) {
                return -1;
            }
            long index = (long) Math.floor(offsetNanos * rate.jobsPerSecond() / 1e9);
            // rounding of the intended times: step to the exact boundary
            while (index + 1 < jobsCount && rate.intendedOffsetNanos((int) index + 1) <= offsetNanos) {
                index++;
            }
            while (index >= 0 && index < jobsCount && rate.intendedOffsetNanos((int) index) > offsetNanos) {
                index--;
            }
            return (int) Math.min(index, jobsCount - 1);
        }

        private void enqueue(int first, int end) {
            try {
                enqueuer.enqueue(first, end, (index, now) -> offerStart.plusNanos(rate.intendedOffsetNanos(index)));
                inFlight.remove(first);
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        }

        private void storeProgress() {
            int enqueuedUpTo = inFlight.isEmpty() ? next : inFlight.first();
            if (enqueuedUpTo > run.scheduledJobs() && enqueuedUpTo < jobsCount) {
                run = run.recordScheduledJobs(enqueuedUpTo, clock.instant());
                ScheduleRunService.this.storeProgress(run);
            }
        }

        private void awaitEnqueuers(ExecutorService enqueuers) {
            try {
                while (!enqueuers.awaitTermination(settings.progressInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                    throwIfFailed();
                    storeProgress();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("the offer of run " + runId + " was interrupted while its last jobs"
                        + " were enqueued");
            }
        }

        private void throwIfFailed() {
            RuntimeException failed = failure.get();
            if (failed != null) {
                throw failed;
            }
        }

        BenchmarkRun scheduledRun() {
            return run;
        }
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

package dev.queuebench.testing;

import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.ConcurrentRunException;
import dev.queuebench.domain.RunId;
import dev.queuebench.ports.in.BackendDescriptor;
import dev.queuebench.ports.in.JobCompletion;
import dev.queuebench.ports.spi.BackendContext;
import dev.queuebench.ports.spi.BackendSettings;
import dev.queuebench.ports.spi.Knob;
import dev.queuebench.ports.spi.Knobs;
import dev.queuebench.ports.spi.PretendJob;
import dev.queuebench.ports.spi.QueueBackend;
import dev.queuebench.ports.spi.QueueBackendProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A queue backend that keeps jobs in lists and runs them when a test says so, on the test's thread, or on a worker
 * thread of its own once its workers are started. Like every backend, it enqueues idempotently: a job (run and index)
 * that is already there stays as it is. Tests make it fail on purpose. {@link #provider()} registers it as
 * {@code fake}.
 */
public final class FakeQueueBackend implements QueueBackend {

    public static final BackendId ID = BackendId.of("fake");

    private final BackendContext context;
    private final List<RunId> schedulingJobs = new ArrayList<>();
    private final List<PretendJob> enqueued = new ArrayList<>();
    private final List<Integer> batchSizes = new ArrayList<>();
    private boolean workersRunning;
    private Thread worker;
    private int nextPretendJob;
    private RuntimeException submitFailure;
    private final java.util.Set<String> identities = new java.util.HashSet<>();
    private final java.util.ArrayDeque<EnqueueFailure> enqueueFailures = new java.util.ArrayDeque<>();
    private int enqueueCalls;
    private volatile boolean holdingPretendJobs;
    private final Map<Integer, Duration> stalls = new ConcurrentHashMap<>();
    private final Map<Integer, Long> enqueuedAtNanos = new HashMap<>();
    private final Map<Integer, Boolean> workersRanAtEnqueue = new HashMap<>();

    /** Makes the enqueue call that enqueues job {@code index} fail, before it stores anything. */
    private record EnqueueFailure(int index, RuntimeException failure) {
    }

    public FakeQueueBackend(BackendContext context) {
        this.context = context;
    }

    /** A provider that creates fake backends and remembers the last one. */
    public static Provider provider() {
        return new Provider();
    }



    /** Starts a worker thread that runs scheduling jobs and then pretend jobs as they arrive, ignoring due times. */
    @Override
    public synchronized void startWorkers() {
        if (workersRunning) {
            return;
        }
        workersRunning = true;
        worker = new Thread(this::work, "fake-backend-worker");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stopWorkers() {
        Thread running;
        synchronized (this) {
            workersRunning = false;
            running = worker;
            worker = null;
        }
        if (running != null) {
            running.interrupt();
            try {
                running.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void work() {
        while (workersRunning()) {
            boolean schedulingJobWaits;
            synchronized (this) {
                schedulingJobWaits = !schedulingJobs.isEmpty();
            }
            if (schedulingJobWaits) {
                runNextSchedulingJobOrRequeueIt();
            }
            PretendJob next = null;
            synchronized (this) {
                if (!holdingPretendJobs && nextPretendJob < enqueued.size()) {
                    next = enqueued.get(nextPretendJob++);
                }
            }
            if (next != null) {
                run(next);
            } else if (!schedulingJobWaits) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    @Override
    public synchronized boolean workersRunning() {
        return workersRunning;
    }

    @Override
    public synchronized void submitSchedulingJob(RunId runId) {
        if (submitFailure != null) {
            throw submitFailure;
        }
        schedulingJobs.add(runId);
    }

    @Override
    public void enqueue(PretendJob job) {
        stallIfAsked(List.of(job));
        synchronized (this) {
            failIfAsked(List.of(job));
            add(job);
        }
    }

    @Override
    public void enqueueBatch(List<PretendJob> jobs) {
        stallIfAsked(jobs);
        synchronized (this) {
            failIfAsked(jobs);
            jobs.forEach(this::add);
            batchSizes.add(jobs.size());
        }
    }

    /** A stalled call blocks only itself, as a call waiting on a slow database does. */
    private void stallIfAsked(List<PretendJob> jobs) {
        Duration stall = jobs.stream().map(job -> stalls.get(job.index())).filter(Objects::nonNull).findFirst()
                .orElse(null);
        if (stall != null) {
            try {
                Thread.sleep(stall.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while stalled", e);
            }
        }
    }

    /** The enqueue call that holds job {@code index} takes {@code stall} before it stores anything. */
    public void stallEnqueueOf(int index, Duration stall) {
        stalls.put(index, stall);
    }

    private void add(PretendJob job) {
        if (identities.add(job.runId() + "-" + job.index())) {
            enqueued.add(job);
            enqueuedAtNanos.put(job.index(), System.nanoTime());
            workersRanAtEnqueue.put(job.index(), workersRunning);
        }
    }

    /** When each job was stored ({@link System#nanoTime()}), by index. */
    public synchronized Map<Integer, Long> enqueuedAtNanos() {
        return Map.copyOf(enqueuedAtNanos);
    }

    /** Whether the workers ran at the time each job was stored, by index. */
    public synchronized Map<Integer, Boolean> workersRanAtEnqueue() {
        return Map.copyOf(workersRanAtEnqueue);
    }

    private void failIfAsked(List<PretendJob> jobs) {
        enqueueCalls++;
        EnqueueFailure next = enqueueFailures.peekFirst();
        if (next != null && jobs.stream().anyMatch(job -> job.index() == next.index())) {
            enqueueFailures.removeFirst();
            throw next.failure();
        }
    }

    /** The next enqueue call that holds job {@code index} fails with {@code failure}; calls may be queued up. */
    public synchronized void failEnqueueOf(int index, RuntimeException failure) {
        enqueueFailures.addLast(new EnqueueFailure(index, failure));
    }

    /** How many enqueue calls were made, failed ones included. */
    public synchronized int enqueueCalls() {
        return enqueueCalls;
    }

    /** The worker runs scheduling jobs but no pretend jobs, until the test says otherwise. */
    public void holdPretendJobs(boolean hold) {
        holdingPretendJobs = hold;
    }

    /** The workers stop by themselves, as a library may after errors. */
    public void crashWorkers() {
        stopWorkers();
    }

    @Override
    public synchronized void clearTables() {
        schedulingJobs.clear();
        enqueued.clear();
        identities.clear();
        enqueuedAtNanos.clear();
        workersRanAtEnqueue.clear();
        nextPretendJob = 0;
    }

    @Override
    public synchronized long pendingJobs() {
        return schedulingJobs.size() + (enqueued.size() - nextPretendJob);
    }

    @Override
    public List<String> tableNames() {
        return List.of();
    }

    @Override
    public void close() {
        stopWorkers();
    }

    public void failSubmissionsWith(RuntimeException failure) {
        this.submitFailure = failure;
    }

    /** Runs the oldest submitted scheduling job through the core, as a worker would. */
    public void runNextSchedulingJob() {
        RunId runId;
        synchronized (this) {
            runId = schedulingJobs.remove(0);
        }
        context.runScheduler().scheduleRun(runId);
    }

    /** As a worker with retries does: a scheduling job that meets another run goes back to the end of the queue. */
    private void runNextSchedulingJobOrRequeueIt() {
        RunId runId;
        synchronized (this) {
            runId = schedulingJobs.remove(0);
        }
        try {
            context.runScheduler().scheduleRun(runId);
        } catch (ConcurrentRunException e) {
            synchronized (this) {
                schedulingJobs.add(runId);
            }
        }
    }

    /** Runs every enqueued pretend job once, each starting and finishing at the clock's now. */
    public void runAllPretendJobs() {
        for (PretendJob job : enqueuedJobs()) {
            run(job);
        }
    }

    /** Runs one pretend job, starting and finishing at the clock's now. */
    public void run(PretendJob job) {
        Instant now = context.clock().instant();
        context.completions().jobCompleted(new JobCompletion(job.runId(), job.index(), job.dueAt(), now, now));
    }

    public synchronized List<RunId> submittedSchedulingJobs() {
        return List.copyOf(schedulingJobs);
    }

    public synchronized List<PretendJob> enqueuedJobs() {
        return List.copyOf(enqueued);
    }

    public synchronized List<Integer> batchSizes() {
        return List.copyOf(batchSizes);
    }

    /** Registers {@link FakeQueueBackend}s. */
    public static final class Provider implements QueueBackendProvider {

        /** Its one knob: accepted and shown like any backend's, though the fake runs one worker whatever it says. */
        static final Knobs KNOBS = Knobs.of(Knob.threads("worker threads (the fake runs one whatever this says)",
                "the fake has no default of its own"));

        private FakeQueueBackend last;

        @Override
        public BackendDescriptor descriptor() {
            return new BackendDescriptor(ID, "Fake", "0.0");
        }

        @Override
        public Knobs knobs() {
            return KNOBS;
        }

        /** The fake holds no connection. */
        @Override
        public int connectionsNeeded(BackendSettings settings) {
            KNOBS.effective(settings);
            return 0;
        }

        @Override
        public QueueBackend create(BackendContext context) {
            last = new FakeQueueBackend(context);
            return last;
        }

        /** The backend created last. */
        public FakeQueueBackend backend() {
            if (last == null) {
                throw new IllegalStateException("the fake backend has not been created yet");
            }
            return last;
        }
    }
}

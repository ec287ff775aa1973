package dev.queuebench.core.internal.workload;

import dev.queuebench.core.internal.faults.Retrier;
import dev.queuebench.core.internal.recording.Micros;
import dev.queuebench.core.internal.recording.RunRecorder;
import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.SchedulingMode;
import dev.queuebench.ports.out.RunLockPort.RunLock;
import dev.queuebench.ports.spi.PretendJob;
import dev.queuebench.ports.spi.PretendJobBody;
import dev.queuebench.ports.spi.QueueBackend;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;
import java.util.function.LongSupplier;

/**
 * Enqueues one run's jobs through its backend, a call at a time: a batch in bulk, else one job. Jobs due at once go
 * into the library's ready state ({@link PretendJob#dueNow()}). A try that failed may have stored its jobs before the
 * connection dropped, and they may have run since: a retry skips those. An outage is ridden out, with the run lock
 * taken again if it was lost; each call's latency is recorded. Thread-safe: a rate run calls it from several threads.
 */
public final class Enqueuer {

    /** When each job is due, given its index and the time of the try that enqueues it. */
    interface DueTimes {
        Instant dueAt(int index, Instant now);
    }

    private final RunId runId;
    private final QueueBackend backend;
    private final RunLock lock;
    private final RunRecorder recorder;
    private final IntPredicate alreadyRan;
    private final Retrier retrier;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final Duration lockWait;
    private final String payload;
    private final boolean inBulk;
    private final boolean dueNow;

    /**
     * @param alreadyRan the jobs not to enqueue again: those that completed before this (resumed) phase
     * @param lockWait   how long to wait for the run lock when a dropped session lost it
     */
    public Enqueuer(BenchmarkRun run, QueueBackend backend, RunLock lock, RunRecorder recorder,
                    IntPredicate alreadyRan, Retrier retrier, Clock clock, LongSupplier nanoTime, Duration lockWait) {
        this.runId = run.id();
        this.backend = Objects.requireNonNull(backend, "backend is required");
        this.lock = Objects.requireNonNull(lock, "run lock is required");
        this.recorder = Objects.requireNonNull(recorder, "recorder is required");
        this.alreadyRan = Objects.requireNonNull(alreadyRan, "completed jobs are required");
        this.retrier = Objects.requireNonNull(retrier, "retrier is required");
        this.clock = Objects.requireNonNull(clock, "clock is required");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nano time source is required");
        this.lockWait = Objects.requireNonNull(lockWait, "lock wait is required");
        this.payload = PretendJobBody.payloadOf(run.spec().jobWork().payloadBytes());
        this.inBulk = run.spec().schedulingMode() == SchedulingMode.IN_BULK;
        this.dueNow = run.spec().workload().jobsDueAtOnce(run.spec().jobDelay());
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
        }, () -> lock.reacquireIfLost(lockWait));
        if (enqueued > 0) {
            recorder.recordEnqueue(enqueued, took[0] / 1_000, Micros.now(clock));
        }
    }
}

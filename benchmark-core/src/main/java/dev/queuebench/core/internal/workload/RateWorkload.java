package dev.queuebench.core.internal.workload;

import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.Durations;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.Workload;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The rate workload: the workers start with the submission, and the runner offers the jobs on its own thread at the
 * run's rate for its duration, each at and due at its intended time, in an open loop that no slow call holds up.
 */
public final class RateWorkload implements RunWorkload {

    /** Threads that make a rate run's enqueue calls: enough that a few slow calls do not hold up the offer. */
    public static final int ENQUEUERS = 8;
    /** How often a rate run in bulk sends what became due. */
    static final Duration BULK_TICK = Duration.ofMillis(100);

    private final Workload.Rate rate;

    RateWorkload(Workload.Rate rate) {
        this.rate = Objects.requireNonNull(rate, "rate is required");
    }

    @Override
    public BenchmarkRun submitInTurn(BenchmarkRun run, RunSteps steps) {
        return steps.startWorkers(steps.markSubmitted(run));
    }

    @Override
    public void afterSubmission(BenchmarkRun submitted, RunSteps steps) {
        steps.enqueueHere(submitted.id());
    }

    @Override
    public BenchmarkRun enqueueJobs(BenchmarkRun started, int from, Enqueuer enqueuer, SchedulingPhase phase) {
        OpenLoopOffer offer = new OpenLoopOffer(started, from, enqueuer, phase);
        offer.run();
        return offer.scheduledRun();
    }

    @Override
    public void describe(Map<String, String> facts) {
        facts.put("run.offered_rate", Double.toString(rate.jobsPerSecond()));
        facts.put("run.offered_duration", Durations.format(rate.duration()));
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
        private final int jobsCount;
        private final Enqueuer enqueuer;
        private final SchedulingPhase phase;
        private final Instant offerStart;
        private final long offerStartNanos;
        private final ConcurrentSkipListSet<Integer> inFlight = new ConcurrentSkipListSet<>();
        private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
        private BenchmarkRun run;
        private int next;

        OpenLoopOffer(BenchmarkRun started, int from, Enqueuer enqueuer, SchedulingPhase phase) {
            this.run = started;
            this.runId = started.id();
            this.jobsCount = started.jobsCount();
            this.enqueuer = enqueuer;
            this.phase = phase;
            this.offerStart = started.timeline().schedulingStartedAt().orElseThrow();
            // the offer started when scheduling started, also for a resumed offer: later jobs keep their times
            this.offerStartNanos = phase.nanoTime().getAsLong()
                    - Duration.between(offerStart, phase.clock().instant()).toNanos();
            this.next = from;
        }

        void run() {
            AtomicInteger number = new AtomicInteger();
            ExecutorService enqueuers = Executors.newFixedThreadPool(ENQUEUERS, task -> {
                Thread thread = new Thread(task, "qb-offer-" + runId + "-" + number.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            long lastProgressNanos = phase.nanoTime().getAsLong();
            try {
                while (next < jobsCount) {
                    throwIfFailed();
                    if (Thread.currentThread().isInterrupted()) {
                        throw new CancellationException("the offer of run " + runId + " was interrupted after "
                                + next + " of " + jobsCount + " jobs");
                    }
                    int dueByNow = Math.min(jobsCount,
                            lastIntendedBy(phase.nanoTime().getAsLong() - offerStartNanos) + 1);
                    while (next < dueByNow) {
                        int first = next;
                        int end = Math.min(dueByNow, next + enqueuer.callSize());
                        inFlight.add(first);
                        enqueuers.execute(() -> enqueue(first, end));
                        next = end;
                    }
                    long now = phase.nanoTime().getAsLong();
                    if (now - lastProgressNanos >= phase.progressInterval().toNanos()) {
                        storeProgress();
                        lastProgressNanos = now;
                    }
                    if (next < jobsCount) {
                        long wakeAt = offerStartNanos + rate.intendedOffsetNanos(next)
                                + (enqueuer.inBulk() ? BULK_TICK.toNanos() : 0);
                        LockSupport.parkNanos(Math.max(0, wakeAt - phase.nanoTime().getAsLong()));
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
            // one read: between an isEmpty() and a first() an enqueuer can take the last call out of the set
            Integer oldestInFlight = inFlight.ceiling(0);
            int enqueuedUpTo = oldestInFlight == null ? next : oldestInFlight;
            if (enqueuedUpTo > run.scheduledJobs() && enqueuedUpTo < jobsCount) {
                run = run.recordScheduledJobs(enqueuedUpTo, phase.clock().instant());
                phase.storeProgress(run);
            }
        }

        private void awaitEnqueuers(ExecutorService enqueuers) {
            try {
                while (!enqueuers.awaitTermination(phase.progressInterval().toMillis(), TimeUnit.MILLISECONDS)) {
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
}

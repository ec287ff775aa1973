package dev.queuebench.core.internal.recording;

import dev.queuebench.domain.NodeId;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.TickCounts;
import dev.queuebench.domain.measure.ThroughputSeries;
import dev.queuebench.ports.out.CompletionSnapshot;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import org.roaringbitmap.BitSetUtil;
import org.roaringbitmap.RoaringBitmap;

/**
 * Everything one node records for one run, written by many worker threads at once.
 *
 * <p>The hot path, {@link #recordCompletion}, takes no lock and allocates nothing in steady state: one atomic OR
 * into a preallocated bitset (N bits), adders and accumulators, and HdrHistogram recorders. The bitset becomes a
 * RoaringBitmap only when a snapshot is taken, about once a second.
 */
public final class RunRecorder {

    private static final VarHandle WORDS = MethodHandles.arrayElementVarHandle(long[].class);

    private final RunId runId;
    private final int jobsCount;
    private final long[] completedWords;
    private final LongAdder executions = new LongAdder();
    private final LongAdder enqueued = new LongAdder();
    private final LongAccumulator firstFinishedMicros = new LongAccumulator(Math::min, Long.MAX_VALUE);
    private final LongAccumulator lastFinishedMicros = new LongAccumulator(Math::max, Long.MIN_VALUE);
    private volatile long latencyFromMicros = Long.MIN_VALUE;
    private final LatencyRecorder pickupLag = new LatencyRecorder();
    private final LatencyRecorder endToEnd = new LatencyRecorder();
    private final LatencyRecorder enqueueLatency = new LatencyRecorder();
    private final TickSeries completionsPerSecond;
    private final TickSeries enqueuesPerSecond;
    /** First completions on this node, and enqueued jobs, per tenth of a second: where steady-state rates come from. */
    private final TickSeries completionTicks;
    private final TickSeries enqueueTicks;
    /**
     * Microseconds the workers of this node spent in the run's jobs, per second they spent them in: striped as the
     * latency recorders are, because every worker adds to the same second at once (one series doubled the cost of a
     * completion at 2 threads, JMH).
     */
    private final TickSeries[] busyPerSecond = new TickSeries[LatencyRecorder.STRIPES];

    // Cumulative histograms, owned by the snapshotting thread.
    private final LatencyHistogram pickupLagTotal = new LatencyHistogram();
    private final LatencyHistogram endToEndTotal = new LatencyHistogram();
    private final LatencyHistogram enqueueLatencyTotal = new LatencyHistogram();

    private volatile long lastProgressMicros;
    private long executionsAtLastSnapshot = -1;
    private long enqueuedAtLastSnapshot = -1;
    private volatile boolean runFinished;
    /** Where every record goes first, to survive a SIGKILL; {@code null} for none. */
    private final CompletionJournal journal;

    /**
     * @param createdAt when the run was created: the origin of its per-second series
     */
    public RunRecorder(RunId runId, int jobsCount, Instant createdAt) {
        this(runId, jobsCount, createdAt, null);
    }

    /** @param journal where each record is written first, before it counts here ({@code null} for none) */
    RunRecorder(RunId runId, int jobsCount, Instant createdAt, CompletionJournal journal) {
        if (jobsCount < 1) {
            throw new IllegalArgumentException("jobs count must be positive, was " + jobsCount);
        }
        this.runId = runId;
        this.jobsCount = jobsCount;
        this.completedWords = new long[(jobsCount + 63) >>> 6];
        this.completionsPerSecond = TickSeries.perSecond(createdAt.toEpochMilli());
        this.enqueuesPerSecond = TickSeries.perSecond(createdAt.toEpochMilli());
        this.completionTicks = TickSeries.perTenth(createdAt.toEpochMilli());
        this.enqueueTicks = TickSeries.perTenth(createdAt.toEpochMilli());
        for (int i = 0; i < busyPerSecond.length; i++) {
            busyPerSecond[i] = TickSeries.perSecond(createdAt.toEpochMilli());
        }
        this.lastProgressMicros = Micros.of(createdAt);
        this.journal = journal;
    }

    /** Continues from what this node recorded before (a restarted process, or an evicted recorder). */
    void restore(CompletionSnapshot earlier) {
        RoaringBitmap completed = SnapshotCodec.completedJobs(earlier);
        completed.forEach((int index) -> {
            if (index < jobsCount) {
                WORDS.getAndBitwiseOr(completedWords, index >>> 6, 1L << index);
            }
        });
        executions.add(earlier.executions());
        earlier.firstFinishedAt().ifPresent(at -> firstFinishedMicros.accumulate(Micros.of(at)));
        earlier.lastFinishedAt().ifPresent(at -> lastFinishedMicros.accumulate(Micros.of(at)));
        pickupLagTotal.add(SnapshotCodec.pickupLag(earlier));
        endToEndTotal.add(SnapshotCodec.endToEnd(earlier));
        enqueueLatencyTotal.add(SnapshotCodec.enqueueLatency(earlier));
        completionsPerSecond.addAll(perSecond(earlier.completionsPerSecond()));
        enqueuesPerSecond.addAll(perSecond(earlier.enqueuesPerSecond()));
        completionTicks.addAll(SnapshotCodec.completionTicks(earlier));
        enqueueTicks.addAll(SnapshotCodec.enqueueTicks(earlier));
        busyPerSecond[0].addAll(SnapshotCodec.busyPerSecond(earlier));
        lastProgressMicros = Math.max(lastProgressMicros, Micros.of(earlier.updatedAt()));
        executionsAtLastSnapshot = executions.sum();
        enqueuedAtLastSnapshot = enqueued.sum();
    }

    public RunId runId() {
        return runId;
    }

    public int jobsCount() {
        return jobsCount;
    }

    /**
     * Measures latency from {@code micros} for jobs due before it, rather than from their due time: a backlog's jobs
     * are due when they are enqueued, and wait for the workers by design.
     */
    public void measureLatencyFrom(long micros) {
        latencyFromMicros = micros;
    }

    /**
     * Records one execution of job {@code jobIndex}. Times are microseconds since the epoch.
     *
     * @return whether this was the job's first completion on this node
     */
    public boolean recordCompletion(int jobIndex, long dueMicros, long startedMicros, long finishedMicros) {
        if (jobIndex < 0 || jobIndex >= jobsCount) {
            throw new IllegalArgumentException("job index " + jobIndex + " is outside run " + runId
                    + " of " + jobsCount + " jobs");
        }
        if (journal != null) {
            journal.completed(jobIndex, dueMicros, startedMicros, finishedMicros);
        }
        // Count the execution before marking the job, so a snapshot never sees more jobs than executions.
        executions.increment();
        long bit = 1L << jobIndex;
        long before = (long) WORDS.getAndBitwiseOr(completedWords, jobIndex >>> 6, bit);
        firstFinishedMicros.accumulate(finishedMicros);
        lastFinishedMicros.accumulate(finishedMicros);
        long measuredFrom = Math.max(dueMicros, latencyFromMicros);
        pickupLag.record(startedMicros - measuredFrom);
        endToEnd.record(finishedMicros - measuredFrom);
        completionsPerSecond.add(finishedMicros, 1);
        busyPerSecond[LatencyRecorder.home(Thread.currentThread()) & (busyPerSecond.length - 1)]
                .addSpan(startedMicros, finishedMicros);
        boolean first = (before & bit) == 0;
        if (first) {
            completionTicks.add(finishedMicros, 1);
        }
        return first;
    }

    /** Notes that job {@code jobIndex} started here: in the journal only, which tells what a killed node held. */
    void recordStart(int jobIndex, long startedMicros) {
        if (journal != null && jobIndex >= 0 && jobIndex < jobsCount) {
            journal.started(jobIndex, startedMicros);
        }
    }

    /** This recorder's journal, if it keeps one. */
    Optional<CompletionJournal> journal() {
        return Optional.ofNullable(journal);
    }

    /** Records one enqueue call that enqueued {@code jobs} jobs and took {@code latencyMicros}. */
    public void recordEnqueue(int jobs, long latencyMicros, long finishedMicros) {
        if (journal != null) {
            journal.enqueued(jobs, latencyMicros, finishedMicros);
        }
        enqueued.add(jobs);
        enqueueLatency.record(latencyMicros);
        enqueuesPerSecond.add(finishedMicros, jobs);
        enqueueTicks.add(finishedMicros, jobs);
    }

    boolean hasChangedSinceLastSnapshot() {
        return executions.sum() != executionsAtLastSnapshot || enqueued.sum() != enqueuedAtLastSnapshot;
    }

    Instant lastProgressAt() {
        return Micros.toInstant(lastProgressMicros);
    }

    boolean runFinished() {
        return runFinished;
    }

    void markRunFinished() {
        runFinished = true;
    }

    /** Whether job {@code jobIndex} completed on this node. */
    public boolean isCompleted(int jobIndex) {
        if (jobIndex < 0 || jobIndex >= jobsCount) {
            return false;
        }
        return ((long) WORDS.getAcquire(completedWords, jobIndex >>> 6) & (1L << jobIndex)) != 0;
    }

    /** Executions recorded on this node so far, repeats included. */
    public long executions() {
        return executions.sum();
    }

    /** Distinct jobs completed on this node so far. */
    public int distinctCompleted() {
        int count = 0;
        for (int i = 0; i < completedWords.length; i++) {
            count += Long.bitCount((long) WORDS.getAcquire(completedWords, i));
        }
        return count;
    }

    /**
     * Takes a snapshot; call from one thread at a time (the flusher). Progress time moves to {@code now} when
     * anything was recorded since the previous snapshot.
     */
    public synchronized CompletionSnapshot snapshot(NodeId nodeId, Instant now) {
        long[] words = new long[completedWords.length];
        for (int i = 0; i < words.length; i++) {
            words[i] = (long) WORDS.getAcquire(completedWords, i);
        }
        long executionsNow = executions.sum();
        long enqueuedNow = enqueued.sum();
        if (executionsNow != executionsAtLastSnapshot || enqueuedNow != enqueuedAtLastSnapshot) {
            lastProgressMicros = Math.max(lastProgressMicros, Micros.of(now));
        }
        executionsAtLastSnapshot = executionsNow;
        enqueuedAtLastSnapshot = enqueuedNow;
        pickupLag.drainInto(pickupLagTotal);
        endToEnd.drainInto(endToEndTotal);
        enqueueLatency.drainInto(enqueueLatencyTotal);

        RoaringBitmap completed = BitSetUtil.bitmapOf(words);
        return new CompletionSnapshot(
                runId,
                nodeId,
                completed.getCardinality(),
                executionsNow,
                micros(firstFinishedMicros.get(), Long.MAX_VALUE),
                micros(lastFinishedMicros.get(), Long.MIN_VALUE),
                Micros.toInstant(lastProgressMicros),
                SnapshotCodec.encodeBitmap(completed),
                pickupLagTotal.encode(),
                endToEndTotal.encode(),
                enqueueLatencyTotal.encode(),
                completionsPerSecond.perSecondSnapshot(),
                enqueuesPerSecond.perSecondSnapshot(),
                SnapshotCodec.encodeTicks(completionTicks.snapshot()),
                SnapshotCodec.encodeTicks(enqueueTicks.snapshot()),
                SnapshotCodec.encodeTicks(TickCounts.sum(1_000, Arrays.stream(busyPerSecond)
                        .map(TickSeries::snapshot).toList())));
    }

    /** The last snapshot was not stored (the database was unreachable): the next flush takes and stores another. */
    synchronized void snapshotNotSaved() {
        executionsAtLastSnapshot = -1;
        enqueuedAtLastSnapshot = -1;
    }

    private static TickCounts perSecond(ThroughputSeries series) {
        return new TickCounts(series.startEpochSecond(), 1_000, series.counts());
    }

    private static Optional<Instant> micros(long value, long unset) {
        return value == unset ? Optional.empty() : Optional.of(Micros.toInstant(value));
    }
}

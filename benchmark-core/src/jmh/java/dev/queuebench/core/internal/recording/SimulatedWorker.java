package dev.queuebench.core.internal.recording;

import java.time.Instant;
import java.util.SplittableRandom;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * One worker thread of a simulated backend: which job it completes next and when. Each benchmark subclasses it as
 * its thread-scoped state.
 *
 * <p>Thread {@code t} of {@code T} completes either its own slice of the run, from job {@code t * jobs / T} on, or
 * (interleaved) jobs {@code t, t + T, t + 2T, ...}, as a backend's workers do when they take consecutive due jobs;
 * there, neighbouring jobs share a bitset word across threads. Either way its completions are first completions
 * until it has done {@code jobs / T} of them, then it wraps; {@link #reportWrapping} says when it did.
 *
 * <p>Its clock starts ten seconds (the default delay) after the run's creation and moves one microsecond per
 * completion: a million completions per simulated second, all threads in about the same second, as real workers
 * are. Pickup lags come from a table drawn once per thread (uniform over 0 to 1 s, the default poll interval, and one
 * in twenty early by up to 1 ms), so that the histograms see spread values, not one bucket.
 */
abstract class SimulatedWorker {

    static final Instant RUN_CREATED_AT = Instant.parse("2026-01-01T00:00:00Z");
    private static final long FIRST_FINISH_MICROS = Micros.of(RUN_CREATED_AT) + 10_000_000L;
    private static final int LAG_TABLE_SIZE = 4096;

    private final long[] pickupLagMicros = new long[LAG_TABLE_SIZE];
    private int threadIndex;
    private int jobs;
    private int sliceSize;
    private int stride;
    private int jobIndex;
    private long finishedMicros;
    private long completions;

    final void start(int jobsOfRun, ThreadParams thread) {
        start(jobsOfRun, thread, false);
    }

    final void start(int jobsOfRun, ThreadParams thread, boolean interleaved) {
        threadIndex = thread.getThreadIndex();
        jobs = jobsOfRun;
        sliceSize = jobsOfRun / thread.getThreadCount();
        stride = interleaved ? thread.getThreadCount() : 1;
        int firstJob = interleaved ? threadIndex : (int) ((long) jobsOfRun * threadIndex / thread.getThreadCount());
        jobIndex = firstJob - stride;
        finishedMicros = FIRST_FINISH_MICROS;
        completions = 0;
        SplittableRandom random = new SplittableRandom(threadIndex);
        for (int i = 0; i < LAG_TABLE_SIZE; i++) {
            pickupLagMicros[i] = random.nextInt(20) == 0 ? -random.nextLong(1_000) : random.nextLong(1_000_000);
        }
    }

    /** Moves to this thread's next completion. */
    final void advance() {
        jobIndex += stride;
        if (jobIndex >= jobs) {
            jobIndex -= jobs;
        }
        finishedMicros++;
        completions++;
    }

    final int jobIndex() {
        return jobIndex;
    }

    final long dueMicros() {
        return startedMicros() - pickupLagMicros[(int) completions & (LAG_TABLE_SIZE - 1)];
    }

    final long startedMicros() {
        return finishedMicros - 1;
    }

    final long finishedMicros() {
        return finishedMicros;
    }

    /** Says so, in the benchmark's output, when this thread recorded some job of its slice twice. */
    final void reportWrapping() {
        if (completions > sliceSize) {
            System.out.printf("%nthread %d wrapped: %,d completions over a slice of %,d jobs (%.0f%% repeats)%n",
                    threadIndex, completions, sliceSize, 100.0 * (completions - sliceSize) / completions);
        }
    }
}

package dev.queuebench.ports.recording;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * Records latencies from many threads without locks, contention or allocation, and hands them over in intervals to
 * a {@link LatencyHistogram}. Each recording thread gets its own pair of HdrHistogram {@link SingleWriterRecorder}s
 * (one per sign), registered for the drainer on the thread's first record.
 *
 * <p>Why per thread: HdrHistogram's multi-writer {@code Recorder} makes every writer update the same few counters;
 * at two threads that cost about 140 ns per record on this project's 2-core machine, against 15 ns for one thread
 * (JMH, {@code RecorderPartsBenchmark}). A dead thread's pair stays until this recorder is dropped with its run.
 */
final class LatencyRecorder {

    private static final class ThreadRecorders {
        final SingleWriterRecorder nonNegative = new SingleWriterRecorder(LatencyHistogram.SIGNIFICANT_DIGITS);
        final SingleWriterRecorder negative = new SingleWriterRecorder(LatencyHistogram.SIGNIFICANT_DIGITS);
        Histogram recycledNonNegative;
        Histogram recycledNegative;
    }

    private final List<ThreadRecorders> all = new CopyOnWriteArrayList<>();
    private final ThreadLocal<ThreadRecorders> mine = ThreadLocal.withInitial(this::register);

    void record(long micros) {
        ThreadRecorders recorders = mine.get();
        if (micros >= 0) {
            recorders.nonNegative.recordValue(Math.min(micros, LatencyHistogram.HIGHEST_MICROS));
        } else {
            recorders.negative.recordValue(Math.min(-micros, LatencyHistogram.HIGHEST_MICROS));
        }
    }

    /** Moves everything recorded since the last call into {@code target}. One drainer at a time. */
    synchronized void drainInto(LatencyHistogram target) {
        for (ThreadRecorders recorders : all) {
            recorders.recycledNonNegative = recorders.nonNegative.getIntervalHistogram(recorders.recycledNonNegative);
            target.addNonNegative(recorders.recycledNonNegative);
            recorders.recycledNegative = recorders.negative.getIntervalHistogram(recorders.recycledNegative);
            target.addNegative(recorders.recycledNegative);
        }
    }

    private ThreadRecorders register() {
        ThreadRecorders recorders = new ThreadRecorders();
        all.add(recorders);
        return recorders;
    }
}

package dev.queuebench.ports.recording;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * A candidate replacement for {@link LatencyRecorder}, measured here and used nowhere else: each recording thread
 * gets its own pair of HdrHistogram {@link SingleWriterRecorder}s (a plain histogram behind the phaser, instead of
 * a concurrent one), registered for the drainer. A thread's first record allocates its pair; a thread that dies
 * leaves its pair until the recorder itself goes, with its run.
 */
final class PerThreadLatencyRecorder implements CandidateLatencyRecorder {

    private static final class ThreadRecorders {
        final SingleWriterRecorder nonNegative = new SingleWriterRecorder(LatencyHistogram.SIGNIFICANT_DIGITS);
        final SingleWriterRecorder negative = new SingleWriterRecorder(LatencyHistogram.SIGNIFICANT_DIGITS);
        Histogram recycledNonNegative;
        Histogram recycledNegative;
    }

    private final List<ThreadRecorders> all = new CopyOnWriteArrayList<>();
    private final ThreadLocal<ThreadRecorders> mine = ThreadLocal.withInitial(this::register);

    @Override
    public void record(long micros) {
        ThreadRecorders recorders = mine.get();
        if (micros >= 0) {
            recorders.nonNegative.recordValue(Math.min(micros, LatencyHistogram.HIGHEST_MICROS));
        } else {
            recorders.negative.recordValue(Math.min(-micros, LatencyHistogram.HIGHEST_MICROS));
        }
    }

    @Override
    public synchronized void drainInto(LatencyHistogram target) {
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

package dev.queuebench.ports.recording;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Records latencies from many threads without locks or allocation (HdrHistogram {@link Recorder}s, one per sign),
 * and hands them over in intervals to a {@link LatencyHistogram}.
 */
final class LatencyRecorder {

    private final Recorder nonNegative = new Recorder(LatencyHistogram.SIGNIFICANT_DIGITS);
    private final Recorder negative = new Recorder(LatencyHistogram.SIGNIFICANT_DIGITS);
    private Histogram recycledNonNegative;
    private Histogram recycledNegative;

    void record(long micros) {
        if (micros >= 0) {
            nonNegative.recordValue(Math.min(micros, LatencyHistogram.HIGHEST_MICROS));
        } else {
            negative.recordValue(Math.min(-micros, LatencyHistogram.HIGHEST_MICROS));
        }
    }

    /** Moves everything recorded since the last call into {@code target}. One drainer at a time. */
    synchronized void drainInto(LatencyHistogram target) {
        recycledNonNegative = nonNegative.getIntervalHistogram(recycledNonNegative);
        target.addNonNegative(recycledNonNegative);
        recycledNegative = negative.getIntervalHistogram(recycledNegative);
        target.addNegative(recycledNegative);
    }
}

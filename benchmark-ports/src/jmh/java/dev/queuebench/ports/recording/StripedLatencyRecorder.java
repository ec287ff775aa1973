package dev.queuebench.ports.recording;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A candidate replacement for {@link LatencyRecorder}, measured here and used nowhere else: the same recording,
 * striped by thread id over several {@link LatencyRecorder}s so that concurrent workers do not all increment the
 * same HdrHistogram phaser and total-count words. Threads whose ids collide share a stripe, which stays correct
 * (each stripe is a multi-writer recorder) and is only slower. A stripe is created on first use.
 */
final class StripedLatencyRecorder implements CandidateLatencyRecorder {

    /** The smallest power of two at least twice the processors, as LongAdder sizes its cells. */
    private static final int STRIPES =
            Integer.highestOneBit(2 * Runtime.getRuntime().availableProcessors() - 1) << 1;

    private final AtomicReferenceArray<LatencyRecorder> stripes = new AtomicReferenceArray<>(STRIPES);

    @Override
    public void record(long micros) {
        stripe().record(micros);
    }

    @Override
    public synchronized void drainInto(LatencyHistogram target) {
        for (int i = 0; i < STRIPES; i++) {
            LatencyRecorder stripe = stripes.get(i);
            if (stripe != null) {
                stripe.drainInto(target);
            }
        }
    }

    private LatencyRecorder stripe() {
        int index = (int) Thread.currentThread().getId() & (STRIPES - 1);
        LatencyRecorder stripe = stripes.getAcquire(index);
        if (stripe == null) {
            stripes.compareAndSet(index, null, new LatencyRecorder());
            stripe = stripes.get(index);
        }
        return stripe;
    }
}

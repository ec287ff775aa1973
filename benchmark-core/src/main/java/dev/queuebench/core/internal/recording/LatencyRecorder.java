package dev.queuebench.core.internal.recording;

import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.Histogram;

/**
 * Records latencies from many threads without contended counters or allocation, and hands them over in intervals to a
 * {@link LatencyHistogram}. Writers share a fixed set of stripes, each a pair of plain HdrHistograms (one per sign)
 * behind a try-lock: a thread starts at the stripe its id hashes to and moves on to the next one while a stripe is
 * taken. The drainer locks one stripe at a time and empties it.
 *
 * <p>Why stripes. HdrHistogram's multi-writer {@code Recorder} makes every writer update the same few counters: at
 * two threads that cost about 140 ns per record on this project's 2-core machine, against 15 ns for one thread (JMH,
 * {@code RecorderPartsBenchmark}). The previous design gave each recording thread a pair of recorders of its own; on
 * JDK 21+, JobRunr runs every job on a new virtual thread, so that pair was registered per job and never freed (14,182
 * histograms and 988 MB after 7,000 jobs). Stripes keep the contention as low and the memory fixed: it depends on
 * the number of cores, not on how many threads ever recorded.
 */
final class LatencyRecorder {

    /** Four per core, at least 4 and at most 64, a power of two: more stripes than threads that can run at once. */
    static final int STRIPES = stripesFor(Runtime.getRuntime().availableProcessors());

    private static final class Stripe {
        final AtomicBoolean taken = new AtomicBoolean();
        final Histogram nonNegative = new Histogram(LatencyHistogram.SIGNIFICANT_DIGITS);
        final Histogram negative = new Histogram(LatencyHistogram.SIGNIFICANT_DIGITS);
    }

    /**
     * Each thread's stripe of choice, shared by every recorder: where it last found a free stripe, so that two threads
     * that once met keep apart. It dies with its thread, unlike the recorders of the earlier per-thread design.
     */
    private static final ThreadLocal<int[]> STRIPE_HINT =
            ThreadLocal.withInitial(() -> new int[] {home(Thread.currentThread())});

    private final Stripe[] stripes = new Stripe[STRIPES];

    LatencyRecorder() {
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Stripe();
        }
    }

    static int stripesFor(int cores) {
        int wanted = Math.max(4, Math.min(64, cores * 4));
        return Integer.highestOneBit(wanted - 1) << 1;
    }

    void record(long micros) {
        int mask = stripes.length - 1;
        int[] hint = STRIPE_HINT.get();
        int index = hint[0] & mask;
        int tried = 0;
        while (true) {
            Stripe stripe = stripes[index];
            if (!stripe.taken.get() && stripe.taken.compareAndSet(false, true)) {
                try {
                    if (micros >= 0) {
                        stripe.nonNegative.recordValue(Math.min(micros, LatencyHistogram.HIGHEST_MICROS));
                    } else {
                        stripe.negative.recordValue(Math.min(-micros, LatencyHistogram.HIGHEST_MICROS));
                    }
                } finally {
                    stripe.taken.setRelease(false);
                }
                if (tried > 0) {
                    hint[0] = index;
                }
                return;
            }
            index = (index + 1) & mask;
            if (++tried % stripes.length == 0) {
                Thread.onSpinWait();
            }
        }
    }

    /** Moves everything recorded since the last call into {@code target}. One drainer at a time. */
    synchronized void drainInto(LatencyHistogram target) {
        for (Stripe stripe : stripes) {
            while (!stripe.taken.compareAndSet(false, true)) {
                Thread.onSpinWait();
            }
            try {
                if (stripe.nonNegative.getTotalCount() > 0) {
                    target.addNonNegative(stripe.nonNegative);
                    stripe.nonNegative.reset();
                }
                if (stripe.negative.getTotalCount() > 0) {
                    target.addNegative(stripe.negative);
                    stripe.negative.reset();
                }
            } finally {
                stripe.taken.setRelease(false);
            }
        }
    }

    /** How many histograms this recorder holds, whatever the number of threads that recorded: for tests. */
    int histograms() {
        return stripes.length * 2;
    }

    @SuppressWarnings("deprecation") // Thread.getId: threadId() is JDK 19+, and this compiles for 17
    static int home(Thread thread) {
        long id = thread.getId();
        return (int) ((id * 0x9E3779B97F4A7C15L) >>> 40);
    }
}

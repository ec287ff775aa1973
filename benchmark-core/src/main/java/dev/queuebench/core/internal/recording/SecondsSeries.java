package dev.queuebench.core.internal.recording;

import dev.queuebench.ports.in.ThroughputSeries;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Counts events per second from many threads, from an origin second on, for at most a day (later events count in
 * the last second, earlier ones in the first). Memory grows in chunks of {@value #CHUNK_SECONDS} seconds.
 */
final class SecondsSeries {

    private static final int CHUNK_SECONDS = 256;
    private static final int MAX_SECONDS = 86_400;
    private static final int CHUNKS = (MAX_SECONDS + CHUNK_SECONDS - 1) / CHUNK_SECONDS;

    private final long originEpochSecond;
    private final AtomicReferenceArray<AtomicIntegerArray> chunks = new AtomicReferenceArray<>(CHUNKS);

    SecondsSeries(long originEpochSecond) {
        this.originEpochSecond = originEpochSecond;
    }

    void add(long epochSecond, int events) {
        int offset = (int) Math.max(0, Math.min(MAX_SECONDS - 1, epochSecond - originEpochSecond));
        chunk(offset / CHUNK_SECONDS).addAndGet(offset % CHUNK_SECONDS, events);
    }

    /** Adds a series recorded earlier (by this node before a restart). */
    void addAll(ThroughputSeries series) {
        int[] counts = series.counts();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 0) {
                add(series.startEpochSecond() + i, counts[i]);
            }
        }
    }

    /** From the first to the last second with events; {@link ThroughputSeries#EMPTY} when there were none. */
    ThroughputSeries snapshot() {
        int first = -1;
        int last = -1;
        for (int c = 0; c < CHUNKS; c++) {
            AtomicIntegerArray chunk = chunks.get(c);
            if (chunk == null) {
                continue;
            }
            for (int i = 0; i < CHUNK_SECONDS; i++) {
                if (chunk.get(i) != 0) {
                    int offset = c * CHUNK_SECONDS + i;
                    if (first < 0) {
                        first = offset;
                    }
                    last = offset;
                }
            }
        }
        if (first < 0) {
            return ThroughputSeries.EMPTY;
        }
        int[] counts = new int[last - first + 1];
        for (int offset = first; offset <= last; offset++) {
            AtomicIntegerArray chunk = chunks.get(offset / CHUNK_SECONDS);
            counts[offset - first] = chunk == null ? 0 : chunk.get(offset % CHUNK_SECONDS);
        }
        return new ThroughputSeries(originEpochSecond + first, counts);
    }

    private AtomicIntegerArray chunk(int index) {
        AtomicIntegerArray chunk = chunks.get(index);
        if (chunk == null) {
            chunks.compareAndSet(index, null, new AtomicIntegerArray(CHUNK_SECONDS));
            chunk = chunks.get(index);
        }
        return chunk;
    }
}

package dev.queuebench.core.internal.recording;

import dev.queuebench.domain.TickCounts;
import dev.queuebench.domain.measure.ThroughputSeries;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Counts events per tick from many threads, from an origin tick on, for at most a day (later events count in the
 * last tick, earlier ones in the first). Memory grows in chunks of {@value #CHUNK_TICKS} ticks. Ticks are fixed to
 * the epoch, so the counts of several nodes add up tick by tick.
 */
final class TickSeries {

    private static final int CHUNK_TICKS = 256;
    private static final long DAY_MILLIS = 86_400_000L;

    private final int tickMillis;
    private final long originTick;
    private final int maxTicks;
    private final AtomicReferenceArray<AtomicIntegerArray> chunks;

    private TickSeries(int tickMillis, long originEpochMilli) {
        this.tickMillis = tickMillis;
        this.originTick = Math.floorDiv(originEpochMilli, tickMillis);
        this.maxTicks = (int) (DAY_MILLIS / tickMillis);
        this.chunks = new AtomicReferenceArray<>((maxTicks + CHUNK_TICKS - 1) / CHUNK_TICKS);
    }

    /** Counts per second, from the second of {@code originEpochMilli}. */
    static TickSeries perSecond(long originEpochMilli) {
        return new TickSeries(1_000, originEpochMilli);
    }

    /** Counts per tenth of a second: what steady-state rates are read from. */
    static TickSeries perTenth(long originEpochMilli) {
        return new TickSeries(TickCounts.TENTH_OF_A_SECOND, originEpochMilli);
    }

    void add(long epochMicros, int events) {
        long tick = Math.floorDiv(epochMicros, tickMillis * 1_000L);
        int offset = (int) Math.max(0, Math.min(maxTicks - 1, tick - originTick));
        chunk(offset / CHUNK_TICKS).addAndGet(offset % CHUNK_TICKS, events);
    }

    /**
     * Adds the microseconds of {@code [fromMicros, toMicros)} to each tick they overlap: busy time, spread over the
     * ticks it spanned.
     */
    void addSpan(long fromMicros, long toMicros) {
        long tickMicros = tickMillis * 1_000L;
        long from = fromMicros;
        while (from < toMicros) {
            long tickEnd = (Math.floorDiv(from, tickMicros) + 1) * tickMicros;
            long to = Math.min(toMicros, tickEnd);
            add(from, (int) (to - from));
            from = to;
        }
    }

    /** Adds counts recorded earlier (by this node before a restart), of the same tick length. */
    void addAll(TickCounts counts) {
        if (counts.ticks() == 0) {
            return;
        }
        if (counts.tickMillis() != tickMillis) {
            throw new IllegalArgumentException("counts per " + counts.tickMillis() + " ms do not add up with counts per "
                    + tickMillis + " ms");
        }
        int[] values = counts.counts();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != 0) {
                add((counts.startTick() + i) * tickMillis * 1_000L, values[i]);
            }
        }
    }

    /** From the first to the last tick with events; none when there were none. */
    TickCounts snapshot() {
        int first = -1;
        int last = -1;
        for (int c = 0; c < chunks.length(); c++) {
            AtomicIntegerArray chunk = chunks.get(c);
            if (chunk == null) {
                continue;
            }
            for (int i = 0; i < CHUNK_TICKS; i++) {
                if (chunk.get(i) != 0) {
                    int offset = c * CHUNK_TICKS + i;
                    if (first < 0) {
                        first = offset;
                    }
                    last = offset;
                }
            }
        }
        if (first < 0) {
            return TickCounts.empty(tickMillis);
        }
        int[] counts = new int[last - first + 1];
        for (int offset = first; offset <= last; offset++) {
            AtomicIntegerArray chunk = chunks.get(offset / CHUNK_TICKS);
            counts[offset - first] = chunk == null ? 0 : chunk.get(offset % CHUNK_TICKS);
        }
        return new TickCounts(originTick + first, tickMillis, counts);
    }

    /** Counts per second as reports chart them; for a series of one-second ticks. */
    ThroughputSeries perSecondSnapshot() {
        if (tickMillis != 1_000) {
            throw new IllegalStateException("counts per " + tickMillis + " ms are not per second");
        }
        TickCounts counts = snapshot();
        return counts.ticks() == 0 ? ThroughputSeries.EMPTY : new ThroughputSeries(counts.startTick(), counts.counts());
    }

    private AtomicIntegerArray chunk(int index) {
        AtomicIntegerArray chunk = chunks.get(index);
        if (chunk == null) {
            chunks.compareAndSet(index, null, new AtomicIntegerArray(CHUNK_TICKS));
            chunk = chunks.get(index);
        }
        return chunk;
    }
}

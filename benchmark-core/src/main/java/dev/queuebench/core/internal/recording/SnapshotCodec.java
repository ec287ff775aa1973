package dev.queuebench.core.internal.recording;

import dev.queuebench.ports.out.CompletionSnapshot;
import dev.queuebench.domain.TickCounts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.roaringbitmap.RoaringBitmap;

/**
 * Reads and writes the binary parts of a {@link CompletionSnapshot}: the completed-jobs bitmap, the histograms, and
 * the counts per tick.
 */
public final class SnapshotCodec {

    private static final int TICKS_FORMAT = 1;

    private SnapshotCodec() {
    }

    public static RoaringBitmap completedJobs(CompletionSnapshot snapshot) {
        return decodeBitmap(snapshot.completedJobs());
    }

    public static LatencyHistogram pickupLag(CompletionSnapshot snapshot) {
        return LatencyHistogram.decode(snapshot.pickupLag());
    }

    public static LatencyHistogram endToEnd(CompletionSnapshot snapshot) {
        return LatencyHistogram.decode(snapshot.endToEnd());
    }

    public static LatencyHistogram enqueueLatency(CompletionSnapshot snapshot) {
        return LatencyHistogram.decode(snapshot.enqueueLatency());
    }

    /** First completions per tenth of a second; none for a snapshot stored before they were kept. */
    public static TickCounts completionTicks(CompletionSnapshot snapshot) {
        return decodeTicks(snapshot.completionTicks());
    }

    /** Enqueued jobs per tenth of a second; none for a snapshot stored before they were kept. */
    public static TickCounts enqueueTicks(CompletionSnapshot snapshot) {
        return decodeTicks(snapshot.enqueueTicks());
    }

    /** The microseconds the node's workers spent in jobs, per second. */
    public static TickCounts busyPerSecond(CompletionSnapshot snapshot) {
        return decodeTicks(snapshot.busyPerSecond());
    }

    /**
     * Counts per tick as bytes: a format byte, the first tick, the tick's length and the number of ticks, then each
     * count, all as unsigned LEB128 varints (a count under 128 takes one byte). No ticks: no bytes.
     */
    static byte[] encodeTicks(TickCounts counts) {
        if (counts.ticks() == 0) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(counts.ticks() + 16);
        out.write(TICKS_FORMAT);
        writeVarLong(out, counts.startTick());
        writeVarLong(out, counts.tickMillis());
        writeVarLong(out, counts.ticks());
        for (int count : counts.counts()) {
            writeVarLong(out, count);
        }
        return out.toByteArray();
    }

    static TickCounts decodeTicks(byte[] encoded) {
        if (encoded.length == 0) {
            return TickCounts.empty(TickCounts.TENTH_OF_A_SECOND);
        }
        ByteBuffer in = ByteBuffer.wrap(encoded);
        if (in.get() != TICKS_FORMAT) {
            throw new IllegalArgumentException("not counts per tick of format " + TICKS_FORMAT);
        }
        long startTick = readVarLong(in);
        int tickMillis = Math.toIntExact(readVarLong(in));
        int[] counts = new int[Math.toIntExact(readVarLong(in))];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = Math.toIntExact(readVarLong(in));
        }
        return new TickCounts(startTick, tickMillis, counts);
    }

    private static void writeVarLong(ByteArrayOutputStream out, long value) {
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            out.write((int) ((rest & 0x7F) | 0x80));
            rest >>>= 7;
        }
        out.write((int) rest);
    }

    private static long readVarLong(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.get();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("a varint longer than 64 bits");
    }

    /** The bitmap in RoaringBitmap's portable serialization, run-optimized first. */
    static byte[] encodeBitmap(RoaringBitmap bitmap) {
        bitmap.runOptimize();
        ByteBuffer buffer = ByteBuffer.allocate(bitmap.serializedSizeInBytes());
        bitmap.serialize(buffer);
        return buffer.array();
    }

    static RoaringBitmap decodeBitmap(byte[] encoded) {
        RoaringBitmap bitmap = new RoaringBitmap();
        if (encoded.length == 0) {
            return bitmap;
        }
        try {
            bitmap.deserialize(ByteBuffer.wrap(encoded));
        } catch (IOException e) {
            throw new UncheckedIOException("not a serialized RoaringBitmap", e);
        }
        return bitmap;
    }
}

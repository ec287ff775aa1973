package dev.queuebench.core.internal.recording;

import dev.queuebench.ports.out.CompletionSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.roaringbitmap.RoaringBitmap;

/** Reads and writes the binary parts of a {@link CompletionSnapshot}: the completed-jobs bitmap and the histograms. */
public final class SnapshotCodec {

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

package dev.queuebench.ports.recording;

import dev.queuebench.domain.RunId;
import dev.queuebench.ports.in.ThroughputSeries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.roaringbitmap.RoaringBitmap;

/**
 * What one node recorded for one run, as persisted about once a second. Bitmap and histograms travel in their
 * libraries' portable binary forms, so any node (or a later version of Queue Bench) can merge them.
 *
 * @param distinctCompleted cardinality of {@code completedJobs}
 * @param updatedAt         when this node last saw progress on the run
 * @param completedJobs     RoaringBitmap (portable serialization) of the indices of the jobs that completed
 * @param pickupLag         {@link LatencyHistogram#encode() encoded} start minus due time, microseconds
 * @param endToEnd          encoded finish minus due time, microseconds
 * @param enqueueLatency    encoded duration of each enqueue call, microseconds
 */
public record CompletionSnapshot(
        RunId runId,
        NodeId nodeId,
        int distinctCompleted,
        long executions,
        Optional<Instant> firstFinishedAt,
        Optional<Instant> lastFinishedAt,
        Instant updatedAt,
        byte[] completedJobs,
        byte[] pickupLag,
        byte[] endToEnd,
        byte[] enqueueLatency,
        ThroughputSeries completionsPerSecond,
        ThroughputSeries enqueuesPerSecond) {

    public CompletionSnapshot {
        Objects.requireNonNull(runId, "run id is required");
        Objects.requireNonNull(nodeId, "node id is required");
        Objects.requireNonNull(firstFinishedAt, "first finish time is required (may be empty)");
        Objects.requireNonNull(lastFinishedAt, "last finish time is required (may be empty)");
        Objects.requireNonNull(updatedAt, "update time is required");
        Objects.requireNonNull(completedJobs, "completed jobs bitmap is required");
        Objects.requireNonNull(pickupLag, "pickup lag histogram is required");
        Objects.requireNonNull(endToEnd, "end-to-end histogram is required");
        Objects.requireNonNull(enqueueLatency, "enqueue latency histogram is required");
        Objects.requireNonNull(completionsPerSecond, "completions series is required");
        Objects.requireNonNull(enqueuesPerSecond, "enqueues series is required");
        if (executions < distinctCompleted) {
            throw new IllegalArgumentException("executions (" + executions
                    + ") cannot be fewer than distinct completions (" + distinctCompleted + ")");
        }
    }

    public RoaringBitmap completedJobsBitmap() {
        return decodeBitmap(completedJobs);
    }

    public LatencyHistogram pickupLagHistogram() {
        return LatencyHistogram.decode(pickupLag);
    }

    public LatencyHistogram endToEndHistogram() {
        return LatencyHistogram.decode(endToEnd);
    }

    public LatencyHistogram enqueueLatencyHistogram() {
        return LatencyHistogram.decode(enqueueLatency);
    }

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

package dev.queuebench.ports.out;

import dev.queuebench.domain.NodeId;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.measure.ThroughputSeries;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one node recorded for one run, as persisted about once a second. Bitmap and histograms travel in their
 * libraries' portable binary forms (RoaringBitmap's and HdrHistogram's), so any node (or a later version of Queue
 * Bench) can merge them; the core encodes and decodes them, a store keeps the bytes.
 *
 * @param distinctCompleted cardinality of {@code completedJobs}
 * @param updatedAt         when this node last saw progress on the run
 * @param completedJobs     RoaringBitmap (portable serialization) of the indices of the jobs that completed
 * @param pickupLag         {@link LatencyHistogram#encode() encoded} start minus due time, microseconds
 * @param endToEnd          encoded finish minus due time, microseconds
 * @param enqueueLatency    encoded duration of each enqueue call, microseconds
 * @param completionTicks   encoded first completions per tenth of a second (empty: none, or stored before they were)
 * @param enqueueTicks      encoded enqueued jobs per tenth of a second (likewise)
 * @param busyPerSecond     encoded microseconds the node's workers spent in jobs, per second (likewise)
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
        ThroughputSeries enqueuesPerSecond,
        byte[] completionTicks,
        byte[] enqueueTicks,
        byte[] busyPerSecond) {

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
        Objects.requireNonNull(completionTicks, "completion ticks are required (may be empty)");
        Objects.requireNonNull(enqueueTicks, "enqueue ticks are required (may be empty)");
        Objects.requireNonNull(busyPerSecond, "busy time per second is required (may be empty)");
        if (executions < distinctCompleted) {
            throw new IllegalArgumentException("executions (" + executions
                    + ") cannot be fewer than distinct completions (" + distinctCompleted + ")");
        }
    }
}

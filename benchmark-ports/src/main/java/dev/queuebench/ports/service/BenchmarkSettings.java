package dev.queuebench.ports.service;

import dev.queuebench.domain.RunStatusRule;
import dev.queuebench.ports.recording.NodeId;
import java.time.Duration;
import java.util.Objects;

/**
 * How the core behaves, whatever the backend.
 *
 * @param stallTimeout     a started run with no progress for this long is stalled (default 120 s)
 * @param lockWait         how long a scheduling job waits for the run lock before it is retried (default 10 s)
 * @param flushInterval    how often recorders are persisted (default 1 s)
 * @param progressInterval how often scheduling progress is stored, at most (default 1 s)
 * @param nodeId           this process, in completion snapshots
 */
public record BenchmarkSettings(Duration stallTimeout, Duration lockWait, Duration flushInterval,
                                Duration progressInterval, NodeId nodeId) {

    public BenchmarkSettings {
        requirePositive(stallTimeout, "stall timeout");
        requirePositive(lockWait, "lock wait");
        requirePositive(flushInterval, "flush interval");
        requirePositive(progressInterval, "progress interval");
        Objects.requireNonNull(nodeId, "node id is required");
    }

    public static BenchmarkSettings defaults() {
        return new BenchmarkSettings(RunStatusRule.DEFAULT_STALL_TIMEOUT, Duration.ofSeconds(10), Duration.ofSeconds(1),
                Duration.ofSeconds(1), NodeId.forThisProcess());
    }

    public BenchmarkSettings withStallTimeout(Duration value) {
        return new BenchmarkSettings(value, lockWait, flushInterval, progressInterval, nodeId);
    }

    public BenchmarkSettings withLockWait(Duration value) {
        return new BenchmarkSettings(stallTimeout, value, flushInterval, progressInterval, nodeId);
    }

    public BenchmarkSettings withFlushInterval(Duration value) {
        return new BenchmarkSettings(stallTimeout, lockWait, value, progressInterval, nodeId);
    }

    public BenchmarkSettings withProgressInterval(Duration value) {
        return new BenchmarkSettings(stallTimeout, lockWait, flushInterval, value, nodeId);
    }

    public BenchmarkSettings withNodeId(NodeId value) {
        return new BenchmarkSettings(stallTimeout, lockWait, flushInterval, progressInterval, value);
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name + " is required");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}

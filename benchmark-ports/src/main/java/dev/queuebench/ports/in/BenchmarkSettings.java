package dev.queuebench.ports.in;

import dev.queuebench.domain.NodeId;
import dev.queuebench.domain.RunStatusRule;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How the core behaves, whatever the backend.
 *
 * @param stallTimeout        a started run with no progress for this long is stalled (default 120 s); it is also how
 *                            long the database may stay unreachable before a call gives up
 * @param lockWait            how long a scheduling job waits for the run lock before it is tried again (default 10 s)
 * @param flushInterval       how often recorders are persisted (default 1 s)
 * @param progressInterval    how often scheduling progress is stored, at most (default 1 s)
 * @param supervisionInterval how often this node proves itself alive and looks for runs to end (default 1 s)
 * @param ownerGrace          how long a node may hold no lease and send no heartbeat before it counts as gone and its
 *                            runs are interrupted (default 5 s: five heartbeats, enough to reconnect after a dropped
 *                            connection, and "within seconds" for a killed process)
 * @param startTimeout        how long a submitted run may wait, once its turn has come, for a worker to pick up its
 *                            scheduling job before it is interrupted (default 60 s: a dozen poll intervals of the
 *                            slowest backend's default)
 * @param nodeId              this process, in completion snapshots and as the owner of the runs it creates
 * @param backendPoolSize     connections of each backend's pool, as the user sized it; empty (the default) to size
 *                            each pool from what its backend needs with its settings
 */
public record BenchmarkSettings(Duration stallTimeout, Duration lockWait, Duration flushInterval,
                                Duration progressInterval, Duration supervisionInterval, Duration ownerGrace,
                                Duration startTimeout, NodeId nodeId, OptionalInt backendPoolSize) {

    /** The most connections a backend's pool may be sized to. */
    public static final int MAX_POOL_SIZE = 1_000;

    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_OWNER_GRACE = Duration.ofSeconds(5);
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);

    public BenchmarkSettings {
        requirePositive(stallTimeout, "stall timeout");
        requirePositive(lockWait, "lock wait");
        requirePositive(flushInterval, "flush interval");
        requirePositive(progressInterval, "progress interval");
        requirePositive(supervisionInterval, "supervision interval");
        requirePositive(ownerGrace, "owner grace");
        requirePositive(startTimeout, "start timeout");
        Objects.requireNonNull(nodeId, "node id is required");
        Objects.requireNonNull(backendPoolSize, "backend pool size is required (may be empty)");
        if (backendPoolSize.isPresent()
                && (backendPoolSize.getAsInt() < 1 || backendPoolSize.getAsInt() > MAX_POOL_SIZE)) {
            throw new IllegalArgumentException("a backend's pool size must be between 1 and " + MAX_POOL_SIZE
                    + ", was " + backendPoolSize.getAsInt());
        }
    }

    public static BenchmarkSettings defaults() {
        return new BenchmarkSettings(RunStatusRule.DEFAULT_STALL_TIMEOUT, DEFAULT_LOCK_WAIT, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1), DEFAULT_OWNER_GRACE, DEFAULT_START_TIMEOUT,
                NodeId.forThisProcess(), OptionalInt.empty());
    }

    public BenchmarkSettings withStallTimeout(Duration value) {
        return new BenchmarkSettings(value, lockWait, flushInterval, progressInterval, supervisionInterval, ownerGrace,
                startTimeout, nodeId, backendPoolSize);
    }

    public BenchmarkSettings withLockWait(Duration value) {
        return new BenchmarkSettings(stallTimeout, value, flushInterval, progressInterval, supervisionInterval,
                ownerGrace, startTimeout, nodeId, backendPoolSize);
    }

    public BenchmarkSettings withFlushInterval(Duration value) {
        return new BenchmarkSettings(stallTimeout, lockWait, value, progressInterval, supervisionInterval, ownerGrace,
                startTimeout, nodeId, backendPoolSize);
    }

    public BenchmarkSettings withProgressInterval(Duration value) {
        return new BenchmarkSettings(stallTimeout, lockWait, flushInterval, value, supervisionInterval, ownerGrace,
                startTimeout, nodeId, backendPoolSize);
    }

    public BenchmarkSettings withSupervisionInterval(Duration value) {
        return new BenchmarkSettings(stallTimeout, lockWait, flushInterval, progressInterval, value, ownerGrace,
                startTimeout, nodeId, backendPoolSize);
    }

    public BenchmarkSettings withOwnerGrace(Duration value) {
        return new BenchmarkSettings(stallTimeout, lockWait, flushInterval, progressInterval, supervisionInterval,
                value, startTimeout, nodeId, backendPoolSize);
    }

    public BenchmarkSettings withStartTimeout(Duration value) {
        return new BenchmarkSettings(stallTimeout, lockWait, flushInterval, progressInterval, supervisionInterval,
                ownerGrace, value, nodeId, backendPoolSize);
    }

    public BenchmarkSettings withNodeId(NodeId value) {
        return new BenchmarkSettings(stallTimeout, lockWait, flushInterval, progressInterval, supervisionInterval,
                ownerGrace, startTimeout, value, backendPoolSize);
    }

    /** Each backend's pool sized by the user ({@code --db-pool-size}), whatever its backend needs. */
    public BenchmarkSettings withBackendPoolSize(int connections) {
        return new BenchmarkSettings(stallTimeout, lockWait, flushInterval, progressInterval, supervisionInterval,
                ownerGrace, startTimeout, nodeId, OptionalInt.of(connections));
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name + " is required");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}

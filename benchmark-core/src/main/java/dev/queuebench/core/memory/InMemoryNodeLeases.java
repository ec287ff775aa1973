package dev.queuebench.core.memory;

import dev.queuebench.domain.NodeId;
import dev.queuebench.ports.out.NodeLeasePort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Node leases shared by the cores of one test, over their shared run store: a node is alive while it holds its lease
 * or beat within the grace period. {@link #forNode()} gives each core its own view; tests end a node with
 * {@link #kill(NodeId)}, as {@code kill -9} would.
 */
public final class InMemoryNodeLeases {

    private final Clock clock;
    private final InMemoryRunStore runs;
    private final Map<NodeId, Instant> lastSeen = new ConcurrentHashMap<>();
    private final Map<NodeId, Boolean> holding = new ConcurrentHashMap<>();

    public InMemoryNodeLeases(Clock clock, InMemoryRunStore runs) {
        this.clock = Objects.requireNonNull(clock);
        this.runs = Objects.requireNonNull(runs);
    }

    /** The port as one node uses it. */
    public NodeLeasePort forNode() {
        return new NodeLeasePort() {
            private NodeId self;

            @Override
            public void register(NodeId node) {
                self = node;
                holding.put(node, true);
                lastSeen.put(node, clock.instant());
            }

            @Override
            public void heartbeat() {
                if (self != null && holding.getOrDefault(self, false)) {
                    lastSeen.put(self, clock.instant());
                }
            }

            @Override
            public void release() {
                if (self != null) {
                    holding.put(self, false);
                }
            }

            @Override
            public List<OrphanedRun> orphanedRuns(Duration grace) {
                Instant now = clock.instant();
                return runs.loadActiveRuns().stream()
                        .filter(run -> runs.ownerOf(run.id()).map(owner -> isGone(owner, grace, now)).orElse(true))
                        .map(run -> new OrphanedRun(run.id(), runs.ownerOf(run.id()).map(NodeId::value)
                                .orElse("unknown")))
                        .toList();
            }
        };
    }

    /** The node's process is gone: its lease is released with its session, and it beats no more. */
    public void kill(NodeId node) {
        holding.put(node, false);
    }

    private boolean isGone(NodeId owner, Duration grace, Instant now) {
        if (holding.getOrDefault(owner, false)) {
            return false;
        }
        Instant seen = lastSeen.get(owner);
        return seen == null || !seen.plus(grace).isAfter(now);
    }
}

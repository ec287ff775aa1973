package dev.queuebench.core.internal.service;

import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.NodeId;
import dev.queuebench.ports.out.DatabaseControlPort;
import dev.queuebench.ports.out.WorkerNodesPort;
import dev.queuebench.ports.spi.BackendSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Worker nodes and a database that only remember what was asked of them: which nodes were started with which knobs,
 * killed, paused, replaced and stopped, and how often the database's sessions were dropped.
 */
final class FakeNodes implements WorkerNodesPort, DatabaseControlPort {

    /** One start of extra nodes. */
    record Start(int count, BackendId backend, BackendSettings settings) {
    }

    final List<Start> starts = new ArrayList<>();
    final List<String> events = new ArrayList<>();
    private int nextPid = 4_000;
    private int drops;

    @Override
    public synchronized WorkerNodes start(int count, BackendId backend, BackendSettings settings) {
        starts.add(new Start(count, backend, settings));
        List<WorkerNode> alive = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            alive.add(newNode());
        }
        events.add("started " + count);
        return new WorkerNodes() {
            @Override
            public Optional<WorkerNode> firstAlive() {
                synchronized (FakeNodes.this) {
                    return alive.stream().findFirst();
                }
            }

            @Override
            public void kill(WorkerNode node) {
                synchronized (FakeNodes.this) {
                    alive.remove(node);
                    events.add("killed " + node.pid());
                }
            }

            @Override
            public void pause(WorkerNode node, boolean pause) {
                synchronized (FakeNodes.this) {
                    events.add((pause ? "paused " : "resumed ") + node.pid());
                }
            }

            @Override
            public void replaceDead() {
                synchronized (FakeNodes.this) {
                    while (alive.size() < count) {
                        WorkerNode node = newNode();
                        alive.add(node);
                        events.add("replaced by " + node.pid());
                    }
                }
            }

            @Override
            public void close() {
                synchronized (FakeNodes.this) {
                    events.add("stopped " + alive.size());
                }
            }
        };
    }

    private WorkerNode newNode() {
        nextPid++;
        return new WorkerNode(NodeId.of("worker-" + nextPid), nextPid);
    }

    @Override
    public synchronized int dropConnections(BackendId backend) {
        drops++;
        events.add("dropped the sessions of " + backend);
        return 3;
    }

    @Override
    public synchronized void restart() {
        events.add("restarted the database");
    }

    synchronized int drops() {
        return drops;
    }

    synchronized List<String> events() {
        return List.copyOf(events);
    }
}

package dev.queuebench.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

@Entity
@Table(name = "completion_snapshots")
class CompletionSnapshotEntity {

    @EmbeddedId
    Key key;

    @Column(name = "distinct_completed", nullable = false)
    int distinctCompleted;

    @Column(nullable = false)
    long executions;

    @Column(name = "first_finished_at")
    Instant firstFinishedAt;

    @Column(name = "last_finished_at")
    Instant lastFinishedAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Column(name = "completed_jobs", nullable = false)
    byte[] completedJobs;

    @Column(name = "pickup_lag", nullable = false)
    byte[] pickupLag;

    @Column(name = "end_to_end", nullable = false)
    byte[] endToEnd;

    @Column(name = "enqueue_latency", nullable = false)
    byte[] enqueueLatency;

    @Column(name = "completions_start_second", nullable = false)
    long completionsStartSecond;

    @Column(name = "completions_per_second", nullable = false)
    int[] completionsPerSecond;

    @Column(name = "enqueues_start_second", nullable = false)
    long enqueuesStartSecond;

    @Column(name = "enqueues_per_second", nullable = false)
    int[] enqueuesPerSecond;

    @Column(name = "completion_ticks", nullable = false)
    byte[] completionTicks;

    @Column(name = "enqueue_ticks", nullable = false)
    byte[] enqueueTicks;

    @Column(name = "busy_per_second", nullable = false)
    byte[] busyPerSecond;

    protected CompletionSnapshotEntity() {
        // for Hibernate
    }

    @Embeddable
    static class Key implements Serializable {

        @Column(name = "run_id", nullable = false)
        long runId;

        @Column(name = "node_id", nullable = false)
        String nodeId;

        protected Key() {
            // for Hibernate
        }

        Key(long runId, String nodeId) {
            this.runId = runId;
            this.nodeId = nodeId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && runId == other.runId && nodeId.equals(other.nodeId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(runId, nodeId);
        }
    }
}

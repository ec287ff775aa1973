package dev.queuebench.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "run_faults")
class RunFaultEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "run_id", nullable = false)
    long runId;

    @Column(nullable = false)
    String kind;

    @Column(name = "started_at", nullable = false)
    Instant startedAt;

    @Column(name = "ended_at", nullable = false)
    Instant endedAt;

    @Column(name = "node_id", nullable = false)
    String nodeId;

    @Column(nullable = false)
    String detail;

    @Column(nullable = false)
    boolean recovered;

    protected RunFaultEntity() {
        // for Hibernate
    }

    RunFaultEntity(long runId, String kind, Instant startedAt, Instant endedAt, String nodeId, String detail,
                   boolean recovered) {
        this.runId = runId;
        this.kind = kind;
        this.startedAt = startedAt;
        this.endedAt = endedAt;
        this.nodeId = nodeId;
        this.detail = detail;
        this.recovered = recovered;
    }
}

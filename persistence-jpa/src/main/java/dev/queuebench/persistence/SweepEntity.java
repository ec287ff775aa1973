package dev.queuebench.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "benchmark_sweeps")
class SweepEntity {

    @Id
    Long id;

    @Column(nullable = false)
    String backend;

    @Column(nullable = false)
    String kind;

    @Column(name = "sweep_values", nullable = false)
    String values;

    @Column(name = "jobs_count")
    Integer jobsCount;

    @Column(name = "duration_ms")
    Long durationMs;

    @Column(name = "slo_ms", nullable = false)
    long sloMs;

    @Column(name = "scheduling_mode", nullable = false)
    String schedulingMode;

    @Column(name = "job_work", nullable = false)
    String jobWork;

    @Column(name = "payload_bytes", nullable = false)
    int payloadBytes;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;
}

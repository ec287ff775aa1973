package dev.queuebench.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "benchmark_runs")
class BenchmarkRunEntity {

    @Id
    long id;

    @Column(nullable = false)
    String backend;

    @Column(name = "jobs_count", nullable = false)
    int jobsCount;

    @Column(name = "scheduling_mode", nullable = false)
    String schedulingMode;

    @Column(name = "job_delay_ms", nullable = false)
    long jobDelayMs;

    @Column(nullable = false)
    String workload;

    @Column(name = "offered_rate")
    Double offeredRate;

    @Column(name = "offered_duration_ms")
    Long offeredDurationMs;

    @Column(name = "job_work", nullable = false)
    String jobWork;

    @Column(name = "payload_bytes", nullable = false)
    int payloadBytes;

    @Column(name = "workers_started_at")
    Instant workersStartedAt;

    @Column(name = "scheduled_jobs", nullable = false)
    int scheduledJobs;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Column(name = "submitted_at")
    Instant submittedAt;

    @Column(name = "owner_node")
    String ownerNode;

    @Column(name = "ended_at")
    Instant endedAt;

    @Column(name = "end_status")
    String endStatus;

    @Column(name = "end_reason")
    String endReason;

    @Column(name = "pending_jobs")
    Integer pendingJobs;

    @Column(name = "scheduling_started_at")
    Instant schedulingStartedAt;

    @Column(name = "scheduling_finished_at")
    Instant schedulingFinishedAt;

    @Column(name = "run_finished_at")
    Instant runFinishedAt;

    protected BenchmarkRunEntity() {
        // for Hibernate
    }
}

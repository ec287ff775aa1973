package dev.queuebench.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "resource_samples")
class ResourceSampleEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "run_id", nullable = false)
    long runId;

    @Column(name = "sampled_at", nullable = false)
    Instant sampledAt;

    @Column(name = "heap_used_bytes", nullable = false)
    long heapUsedBytes;

    @Column(name = "rss_bytes", nullable = false)
    long rssBytes;

    @Column(name = "process_cpu_load", nullable = false)
    double processCpuLoad;

    @Column(name = "host_cpu_load", nullable = false)
    double hostCpuLoad;

    @Column(name = "core_loads", nullable = false)
    double[] coreLoads;

    @Column(name = "gc_count", nullable = false)
    long gcCount;

    @Column(name = "gc_time_ms", nullable = false)
    long gcTimeMillis;

    @Column(name = "live_threads", nullable = false)
    int liveThreads;

    @Column(name = "pool_names", nullable = false)
    String[] poolNames;

    @Column(name = "pool_active", nullable = false)
    int[] poolActive;

    @Column(name = "pool_idle", nullable = false)
    int[] poolIdle;

    @Column(name = "pool_waiting", nullable = false)
    int[] poolWaiting;

    @Column(name = "transactions_committed", nullable = false)
    long transactionsCommitted;

    @Column(name = "tuples_inserted", nullable = false)
    long tuplesInserted;

    @Column(name = "tuples_updated", nullable = false)
    long tuplesUpdated;

    @Column(name = "tuples_deleted", nullable = false)
    long tuplesDeleted;

    @Column(name = "backend_table_rows", nullable = false)
    long backendTableRows;

    @Column(name = "backend_table_bytes", nullable = false)
    long backendTableBytes;

    @Column(name = "sessions_waiting_on_locks", nullable = false)
    int sessionsWaitingOnLocks;

    @Column(name = "server_cpu_load", nullable = false)
    double serverCpuLoad;

    protected ResourceSampleEntity() {
        // for Hibernate
    }
}

package dev.queuebench.domain.measure;

/**
 * PostgreSQL at one moment: its cumulative counters for the current database ({@code pg_stat_database}), the rows
 * and on-disk size of the backend's tables ({@code pg_stat_user_tables}, {@code pg_total_relation_size}), the
 * sessions waiting for a lock ({@code pg_locks}) and, for a server on this machine, the share of all cores its
 * processes used since the previous sample, 0 to 1 ({@code serverCpuLoad}; -1 for a server elsewhere or unknown).
 */
public record DatabaseSample(long transactionsCommitted, long tuplesInserted, long tuplesUpdated, long tuplesDeleted,
                             long backendTableRows, long backendTableBytes, int sessionsWaitingOnLocks,
                             double serverCpuLoad) {

    public static final DatabaseSample NONE = new DatabaseSample(0, 0, 0, 0, 0, 0, 0, -1);

    /** A sample without the server's CPU: one of a server elsewhere, or stored before it was sampled. */
    public DatabaseSample(long transactionsCommitted, long tuplesInserted, long tuplesUpdated, long tuplesDeleted,
                          long backendTableRows, long backendTableBytes, int sessionsWaitingOnLocks) {
        this(transactionsCommitted, tuplesInserted, tuplesUpdated, tuplesDeleted, backendTableRows, backendTableBytes,
                sessionsWaitingOnLocks, -1);
    }
}

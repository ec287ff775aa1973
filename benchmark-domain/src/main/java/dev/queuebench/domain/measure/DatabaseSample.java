package dev.queuebench.domain.measure;

/**
 * PostgreSQL at one moment: its cumulative counters for the current database ({@code pg_stat_database}), the rows
 * and on-disk size of the backend's tables ({@code pg_stat_user_tables}, {@code pg_total_relation_size}) and the
 * sessions waiting for a lock ({@code pg_locks}).
 */
public record DatabaseSample(long transactionsCommitted, long tuplesInserted, long tuplesUpdated, long tuplesDeleted,
                             long backendTableRows, long backendTableBytes, int sessionsWaitingOnLocks) {

    public static final DatabaseSample NONE = new DatabaseSample(0, 0, 0, 0, 0, 0, 0);
}

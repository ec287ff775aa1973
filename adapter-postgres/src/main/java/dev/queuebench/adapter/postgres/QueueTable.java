package dev.queuebench.adapter.postgres;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/**
 * The SQL of the reference queue, one statement per operation, each in its own short transaction (auto-commit): no
 * transaction stays open while a job runs, so nothing holds back vacuum during a run.
 */
final class QueueTable {

    static final String TABLE = "qb_jobs";
    static final String SCHEDULE_RUN = "schedule-run";
    static final String PRETEND = "pretend";

    /**
     * Takes up to {@code limit} due jobs that nobody holds (or whose holder's lease ran out), oldest first, and holds
     * them for the lease. {@code SKIP LOCKED}: workers claiming at the same time take different jobs, without waiting.
     */
    private static final String CLAIM = """
            update qb_jobs j set claimed_until = ?
            from (select id from qb_jobs
                  where due_at <= ? and (claimed_until is null or claimed_until < ?)
                  order by due_at
                  limit ?
                  for update skip locked) due
            where j.id = due.id
            returning j.id, j.kind, j.run_id, j.job_index, j.due_at, j.attempts, j.payload
            """;
    private static final String INSERT = """
            insert into qb_jobs (kind, run_id, job_index, due_at, payload) values (?, ?, ?, ?, ?)
            on conflict on constraint qb_jobs_identity do nothing
            """;
    private static final String INSERT_MANY = """
            insert into qb_jobs (kind, run_id, job_index, due_at, payload)
            select ?, ?, job.job_index, job.due_at, ?
            from unnest(?::integer[], ?::timestamptz[]) as job(job_index, due_at)
            on conflict on constraint qb_jobs_identity do nothing
            """;

    private final DataSource dataSource;

    QueueTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A job as its worker got it. */
    record ClaimedJob(long id, String kind, long runId, int index, Instant dueAt, int attempts, String payload) {
    }

    void insert(String kind, long runId, int index, Instant dueAt, String payload) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, kind);
            insert.setLong(2, runId);
            insert.setInt(3, index);
            insert.setTimestamp(4, Timestamp.from(dueAt));
            insert.setString(5, payload.isEmpty() ? null : payload);
            insert.executeUpdate();
        }
    }

    /** All in one statement: the jobs' indexes and due times travel as two arrays; the run's jobs share a payload. */
    void insertMany(String kind, long runId, List<Integer> indexes, List<Instant> dueTimes, String payload)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT_MANY)) {
            Array indexArray = connection.createArrayOf("integer", indexes.toArray());
            Array dueArray = connection.createArrayOf("timestamptz",
                    dueTimes.stream().map(Timestamp::from).toArray());
            insert.setString(1, kind);
            insert.setLong(2, runId);
            insert.setString(3, payload.isEmpty() ? null : payload);
            insert.setArray(4, indexArray);
            insert.setArray(5, dueArray);
            insert.executeUpdate();
        }
    }

    List<ClaimedJob> claim(int limit, Instant now, Duration lease) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            Timestamp at = Timestamp.from(now);
            claim.setTimestamp(1, Timestamp.from(now.plus(lease)));
            claim.setTimestamp(2, at);
            claim.setTimestamp(3, at);
            claim.setInt(4, limit);
            List<ClaimedJob> jobs = new ArrayList<>();
            try (ResultSet result = claim.executeQuery()) {
                while (result.next()) {
                    jobs.add(new ClaimedJob(result.getLong(1), result.getString(2), result.getLong(3),
                            result.getInt(4), result.getTimestamp(5).toInstant(), result.getInt(6),
                            result.getString(7)));
                }
            }
            return jobs;
        }
    }

    /** Jobs that ran, or that are not run again: gone. */
    void delete(Collection<Long> ids) throws SQLException {
        updateIds("delete from qb_jobs where id = any(?)", ids, null);
    }

    /** Renews the lease of jobs that are still running. */
    void renew(Collection<Long> ids, Instant until) throws SQLException {
        updateIds("update qb_jobs set claimed_until = ? where id = any(?)", ids, until);
    }

    /** Gives back claimed jobs that never started, for any worker to take at once. */
    void release(Collection<Long> ids) throws SQLException {
        updateIds("update qb_jobs set claimed_until = null where id = any(?)", ids, null);
    }

    /** The job runs again at {@code dueAt}, with {@code attempts} failed attempts counted. */
    void reschedule(long id, Instant dueAt, int attempts) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "update qb_jobs set due_at = ?, attempts = ?, claimed_until = null where id = ?")) {
            update.setTimestamp(1, Timestamp.from(dueAt));
            update.setInt(2, attempts);
            update.setLong(3, id);
            update.executeUpdate();
        }
    }

    private void updateIds(String sql, Collection<Long> ids, Instant at) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(sql)) {
            int parameter = 1;
            if (at != null) {
                update.setTimestamp(parameter++, Timestamp.from(at));
            }
            update.setArray(parameter, connection.createArrayOf("bigint", ids.toArray()));
            update.executeUpdate();
        }
    }
}

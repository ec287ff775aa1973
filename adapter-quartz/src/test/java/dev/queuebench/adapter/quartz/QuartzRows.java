package dev.queuebench.adapter.quartz;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/** Writes and counts Quartz's rows directly, as a job that Queue Bench did not write itself would look. */
final class QuartzRows {

    private QuartzRows() {
    }

    /**
     * A pretend job with one trigger due at {@code dueAt}, as Quartz stores it with {@code useProperties}: the job's
     * class by name, its data as properties text.
     */
    static void insertPretendJob(DataSource dataSource, String name, String jobClassName, String jobData, Instant dueAt)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement job = connection.prepareStatement("insert into qrtz_job_details"
                    + " (sched_name, job_name, job_group, job_class_name, is_durable, is_nonconcurrent, is_update_data,"
                    + " requests_recovery, job_data) values (?, ?, ?, ?, false, false, false, true, ?)")) {
                job.setString(1, QuartzBackend.SCHEDULER_NAME);
                job.setString(2, name);
                job.setString(3, QuartzJobs.PRETEND_GROUP);
                job.setString(4, jobClassName);
                job.setBytes(5, jobData.getBytes(StandardCharsets.ISO_8859_1));
                job.executeUpdate();
            }
            try (PreparedStatement trigger = connection.prepareStatement("insert into qrtz_triggers"
                    + " (sched_name, trigger_name, trigger_group, job_name, job_group, next_fire_time, prev_fire_time,"
                    + " priority, trigger_state, trigger_type, start_time, end_time, misfire_instr)"
                    + " values (?, ?, ?, ?, ?, ?, -1, 5, 'WAITING', 'SIMPLE', ?, 0, -1)")) {
                trigger.setString(1, QuartzBackend.SCHEDULER_NAME);
                trigger.setString(2, name);
                trigger.setString(3, QuartzJobs.PRETEND_GROUP);
                trigger.setString(4, name);
                trigger.setString(5, QuartzJobs.PRETEND_GROUP);
                trigger.setLong(6, dueAt.toEpochMilli());
                trigger.setLong(7, dueAt.toEpochMilli());
                trigger.executeUpdate();
            }
            try (PreparedStatement simple = connection.prepareStatement("insert into qrtz_simple_triggers"
                    + " (sched_name, trigger_name, trigger_group, repeat_count, repeat_interval, times_triggered)"
                    + " values (?, ?, ?, 0, 0, 0)")) {
                simple.setString(1, QuartzBackend.SCHEDULER_NAME);
                simple.setString(2, name);
                simple.setString(3, QuartzJobs.PRETEND_GROUP);
                simple.executeUpdate();
            }
        }
    }

    /**
     * Leaves a trigger the way a stopped scheduler can: acquired by {@code instanceId}, whose last cluster check-in was
     * just now.
     */
    static void markAcquiredBy(DataSource dataSource, String triggerName, String instanceId) throws SQLException {
        long now = System.currentTimeMillis();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement trigger = connection.prepareStatement("update qrtz_triggers"
                    + " set trigger_state = 'ACQUIRED' where sched_name = ? and trigger_name = ?")) {
                trigger.setString(1, QuartzBackend.SCHEDULER_NAME);
                trigger.setString(2, triggerName);
                trigger.executeUpdate();
            }
            try (PreparedStatement fired = connection.prepareStatement("insert into qrtz_fired_triggers"
                    + " (sched_name, entry_id, trigger_name, trigger_group, instance_name, fired_time, sched_time,"
                    + " priority, state) values (?, ?, ?, ?, ?, ?, ?, 5, 'ACQUIRED')")) {
                fired.setString(1, QuartzBackend.SCHEDULER_NAME);
                fired.setString(2, instanceId + now);
                fired.setString(3, triggerName);
                fired.setString(4, QuartzJobs.PRETEND_GROUP);
                fired.setString(5, instanceId);
                fired.setLong(6, now);
                fired.setLong(7, now);
                fired.executeUpdate();
            }
            try (PreparedStatement state = connection.prepareStatement("insert into qrtz_scheduler_state"
                    + " (sched_name, instance_name, last_checkin_time, checkin_interval) values (?, ?, ?, 15000)"
                    + " on conflict (sched_name, instance_name)"
                    + " do update set last_checkin_time = excluded.last_checkin_time")) {
                state.setString(1, QuartzBackend.SCHEDULER_NAME);
                state.setString(2, instanceId);
                state.setLong(3, now);
                state.executeUpdate();
            }
        }
    }

    /** Triggers in any state: each is a job attempt Quartz will still fire, or one it gave up on but kept. */
    static long triggers(DataSource dataSource) throws SQLException {
        return count(dataSource, "select count(*) from qrtz_triggers");
    }

    static long jobs(DataSource dataSource) throws SQLException {
        return count(dataSource, "select count(*) from qrtz_job_details");
    }

    private static long count(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement(sql);
             ResultSet result = count.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }
}

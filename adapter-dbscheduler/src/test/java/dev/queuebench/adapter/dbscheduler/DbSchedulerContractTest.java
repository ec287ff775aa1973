package dev.queuebench.adapter.dbscheduler;

import dev.queuebench.contract.QueueBackendContract;
import dev.queuebench.ports.spi.BackendSettings;
import dev.queuebench.ports.spi.QueueBackendProvider;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;

class DbSchedulerContractTest extends QueueBackendContract {

    @Override
    protected QueueBackendProvider provider() {
        return new DbSchedulerProvider();
    }

    @Override
    protected BackendSettings settings() {
        // a short heartbeat, so that an execution whose completion a dropped connection lost runs again within seconds
        return BackendSettings.of(Map.of("poll-interval", "200ms", "threads", "8", "heartbeat-interval", "1s",
                "missed-heartbeats-limit", "4"));
    }

    @Override
    protected void insertUnreadablePretendJob(DataSource dataSource, Instant dueAt) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("insert into scheduled_tasks"
                     + " (task_name, task_instance, task_data, execution_time, picked, version)"
                     + " values (?, 'unreadable', ?, ?, false, 1)")) {
            insert.setString(1, DbSchedulerBackend.PRETEND_TASK);
            insert.setBytes(2, "this is not JSON".getBytes());
            insert.setTimestamp(3, Timestamp.from(dueAt));
            insert.executeUpdate();
        }
    }
}

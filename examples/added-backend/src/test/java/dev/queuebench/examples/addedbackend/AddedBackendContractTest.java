package dev.queuebench.examples.addedbackend;

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

/** The whole contract suite, as every backend module runs it. */
class AddedBackendContractTest extends QueueBackendContract {

    @Override
    protected QueueBackendProvider provider() {
        return new AddedBackendProvider();
    }

    /** A short lease: a claim whose answer a dropped connection lost is taken again within seconds. */
    @Override
    protected BackendSettings settings() {
        return BackendSettings.of(Map.of("threads", "8", "lease", "3s"));
    }

    /** A job of a kind no worker knows, as the queue's table stores jobs. */
    @Override
    protected void insertUnreadablePretendJob(DataSource dataSource, Instant dueAt) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into qb_jobs (kind, run_id, job_index, due_at) values ('pretend-v0', 7, 0, ?)")) {
            insert.setTimestamp(1, Timestamp.from(dueAt));
            insert.executeUpdate();
        }
    }
}

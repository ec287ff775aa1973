package dev.queuebench.adapter.jobrunr;

import dev.queuebench.contract.QueueBackendContract;
import dev.queuebench.domain.Durations;
import dev.queuebench.contract.DirectBackends;
import dev.queuebench.domain.RunId;
import dev.queuebench.ports.spi.BackendSettings;
import dev.queuebench.ports.spi.PretendJob;
import dev.queuebench.ports.spi.QueueBackend;
import dev.queuebench.ports.spi.QueueBackendProvider;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;

class JobRunrContractTest extends QueueBackendContract {

    private static final Duration POLL_INTERVAL = JobRunrSettings.MIN_POLL_INTERVAL;

    @Override
    protected QueueBackendProvider provider() {
        return new JobRunrProvider();
    }

    @Override
    protected BackendSettings settings() {
        // JobRunr needs about workers + 5 connections; the test pool has 30
        return BackendSettings.of(Map.of("poll-interval", Durations.format(POLL_INTERVAL), "threads", "8", "shutdown-max-wait", "2s"));
    }

    /**
     * A retry is due while the server sleeps: the next poll (at most one interval later) queues it, and the server
     * may look for queued work only one interval after that.
     */
    @Override
    protected Duration retryPickupSlack() {
        return POLL_INTERVAL.multipliedBy(2).plusSeconds(2);
    }

    /**
     * Schedules a real pretend job through JobRunr, then breaks its stored job parameter (the run id becomes text) so
     * that JobRunr can no longer deserialize it, as after an incompatible change of the request record.
     */
    @Override
    protected void insertUnreadablePretendJob(DataSource dataSource, Instant dueAt) throws SQLException {
        try (QueueBackend backend = DirectBackends.create(provider(), dataSource, settings(), runId -> { },
                completion -> { })) {
            backend.enqueue(new PretendJob(RunId.of(9), 0, dueAt));
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement corrupt = connection.prepareStatement(
                     "update jobrunr_jobs set jobasjson = replace(jobasjson, '\"runId\":9,', '\"runId\":\"nine\",')")) {
            if (corrupt.executeUpdate() != 1) {
                throw new IllegalStateException("expected exactly one pretend job to corrupt");
            }
        }
    }
}

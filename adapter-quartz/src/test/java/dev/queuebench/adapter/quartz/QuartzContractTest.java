package dev.queuebench.adapter.quartz;

import dev.queuebench.contract.QueueBackendContract;
import dev.queuebench.ports.spi.BackendSettings;
import dev.queuebench.ports.spi.QueueBackendProvider;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;

/** One test at a time: Quartz runs one scheduler of a name per JVM (its {@code SchedulerRepository}). */
@QueueBackendContract.OneTestAtATime
class QuartzContractTest extends QueueBackendContract {

    @Override
    protected QueueBackendProvider provider() {
        return new QuartzProvider();
    }

    @Override
    protected BackendSettings settings() {
        return BackendSettings.of(Map.of("threads", "8", "batch-acquisition", "8"));
    }

    /** A pretend job whose index is not a number: Quartz loads it, the job cannot read it. */
    @Override
    protected void insertUnreadablePretendJob(DataSource dataSource, Instant dueAt) throws SQLException {
        QuartzRows.insertPretendJob(dataSource, "unreadable", PretendQuartzJob.class.getName(),
                "runId=7\nindex=not-a-number\n", dueAt);
    }
}

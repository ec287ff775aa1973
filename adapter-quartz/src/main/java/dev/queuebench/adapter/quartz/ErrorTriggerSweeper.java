package dev.queuebench.adapter.quartz;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the triggers Quartz gave up on. A job whose class cannot be loaded (or that the job factory cannot build)
 * puts its trigger into state ERROR: Quartz never fires it again, never retries it, but leaves it in its tables, where
 * it would count as pending forever. "Discarded, not retried" means removed: every few seconds this unschedules
 * such triggers through Quartz ({@code unscheduleJob} does not load the job's class), which also deletes their
 * non-durable jobs. Quartz reports no ERROR transition to any listener, hence the sweep.
 */
final class ErrorTriggerSweeper implements AutoCloseable {

    /** A discarded job may stay a few seconds: nothing fires it, and the sweep costs one indexed query. */
    static final Duration INTERVAL = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(ErrorTriggerSweeper.class);
    /** Served by Quartz's own index on (SCHED_NAME, TRIGGER_STATE). */
    private static final String ERROR_TRIGGERS = "select trigger_name, trigger_group from qrtz_triggers"
            + " where sched_name = ? and trigger_state = 'ERROR'";

    private final DataSource dataSource;
    private final Scheduler scheduler;
    private final ScheduledExecutorService executor;

    private ErrorTriggerSweeper(DataSource dataSource, Scheduler scheduler, String threadName) {
        this.dataSource = dataSource;
        this.scheduler = scheduler;
        // non-daemon like Quartz's own threads: close() ends it with them
        this.executor = Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, threadName));
    }

    static ErrorTriggerSweeper start(DataSource dataSource, Scheduler scheduler, String threadName) {
        ErrorTriggerSweeper sweeper = new ErrorTriggerSweeper(dataSource, scheduler, threadName);
        sweeper.executor.scheduleWithFixedDelay(sweeper::sweepQuietly, INTERVAL.toMillis(), INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
        return sweeper;
    }

    /** @return how many triggers it removed */
    int sweep() throws SQLException, SchedulerException {
        int removed = 0;
        for (TriggerKey trigger : errorTriggers()) {
            if (scheduler.unscheduleJob(trigger)) {
                LOG.warn("discarded {}: Quartz could not load or build its job (see Quartz's error log)", trigger);
                removed++;
            }
        }
        return removed;
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (SQLException | SchedulerException | RuntimeException e) {
            // the next sweep tries again; a failing database shows in Quartz's own errors too
            LOG.warn("could not remove Quartz triggers in state ERROR: {}", e.getMessage());
        }
    }

    private List<TriggerKey> errorTriggers() throws SQLException, SchedulerException {
        List<TriggerKey> keys = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(ERROR_TRIGGERS)) {
            select.setString(1, scheduler.getSchedulerName());
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    keys.add(TriggerKey.triggerKey(result.getString(1), result.getString(2)));
                }
            }
        }
        return keys;
    }

    /** Stops sweeping and waits for a sweep under way. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("the Quartz ERROR-trigger sweeper did not stop within 10s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

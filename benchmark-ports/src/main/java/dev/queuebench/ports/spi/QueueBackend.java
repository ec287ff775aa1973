package dev.queuebench.ports.spi;

import dev.queuebench.domain.RunId;
import dev.queuebench.ports.in.BackendDescriptor;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One job scheduler library, driven the way its users would drive it. Workers execute the run's scheduling job
 * (which calls back into the core to enqueue pretend jobs through {@link #enqueue} or {@link #enqueueBatch}) and the
 * pretend jobs. Implementations are thread-safe.
 */
public interface QueueBackend extends AutoCloseable {

    BackendDescriptor descriptor();

    /** Every knob in effect, defaults included, for reports. */
    Map<String, String> effectiveSettings();

    /** Starts the library's workers in this process. Calling it while they run does nothing. */
    void startWorkers();

    /**
     * Stops the workers and waits until every thread the backend started has ended, at most about
     * {@link #shutdownTimeout()}.
     */
    void stopWorkers();

    boolean workersRunning();

    /** Enqueues the run's scheduling job, due now. Works whether or not this process runs workers. */
    void submitSchedulingJob(RunId runId);

    /** Enqueues one pretend job with one library call. */
    void enqueue(PretendJob job);

    /** Enqueues pretend jobs with the library's batch API, if it has one. */
    void enqueueBatch(List<PretendJob> jobs);

    /**
     * Empties the backend's job tables (jobs, executions, triggers) as if they were new: with {@code TRUNCATE}, so no
     * dead rows remain and PostgreSQL forgets their statistics. Not with {@code VACUUM ANALYZE} after a
     * {@code DELETE}: statistics of an empty table make the planner scan the table sequentially while the run fills
     * it (measured: db-scheduler's enqueue latency 2.5 times and its throughput halved; context/0006).
     */
    void clearTables();

    /**
     * The backend's own tables (schema-qualified if not in the search path), for sampling their rows and size
     * during a run.
     */
    List<String> tableNames();

    /** How much earlier than its due time the library may start a job by design; zero for most. */
    default Duration earlyStartAllowance() {
        return Duration.ZERO;
    }

    /** The bound on {@link #stopWorkers()}. */
    default Duration shutdownTimeout() {
        return Duration.ofSeconds(30);
    }

    /** Stops the workers and releases everything the backend holds. */
    @Override
    void close();
}

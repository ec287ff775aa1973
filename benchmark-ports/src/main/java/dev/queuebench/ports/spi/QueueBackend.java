package dev.queuebench.ports.spi;

import dev.queuebench.domain.RunId;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * One job scheduler library, driven the way its users would drive it. Workers execute the run's scheduling job
 * (which calls back into the core through {@link BackendContext#runScheduler()}, and the core enqueues pretend jobs
 * through {@link #enqueue} or {@link #enqueueBatch}) and the pretend jobs (which run {@link PretendJobBody}).
 * Implementations are thread-safe. The backend contract suite checks all of this.
 */
public interface QueueBackend extends AutoCloseable {

    /** Starts the library's workers in this process. Starting workers that run does nothing ({@link Workers}). */
    void startWorkers();

    /**
     * Stops the workers and waits until every thread the backend started has ended, at most about
     * {@link #shutdownTimeout()}. Stopping workers that do not run does nothing.
     */
    void stopWorkers();

    /** Whether the workers run: false before they start, after they stop, and once they stopped by themselves. */
    boolean workersRunning();

    /** Enqueues the run's scheduling job, due now. Works whether or not this process runs workers. */
    void submitSchedulingJob(RunId runId);

    /**
     * Enqueues one pretend job with one library call: the call the library's users make for it, which for a job due
     * now ({@link PretendJob#dueNow()}) is the library's enqueue into its ready state where it has one, and otherwise
     * its schedule call for the job's due time. Idempotent by the job's identity (run and index): a job that is
     * there already stays as it is, so a call tried again after a dropped connection enqueues nothing twice.
     */
    void enqueue(PretendJob job);

    /** Enqueues pretend jobs with the library's batch API, if it has one; idempotent as {@link #enqueue} is. */
    void enqueueBatch(List<PretendJob> jobs);

    /**
     * Empties the backend's job tables (jobs, executions, triggers) as if they were new: with {@code TRUNCATE}
     * ({@link Tables#truncate}), so no dead rows remain and PostgreSQL forgets their statistics. Not with
     * {@code VACUUM ANALYZE} after a {@code DELETE}: statistics of an empty table make the planner scan the table
     * sequentially while the run fills it (measured: db-scheduler's enqueue latency 2.5 times and its throughput
     * halved; context/0006).
     */
    void clearTables();

    /** Jobs the backend will still run, of any kind: scheduled, enqueued, running or waiting for a retry. */
    long pendingJobs();

    /**
     * Jobs in the library's ready state (enqueued, for idle workers to take), for a library that keeps one apart from
     * jobs scheduled for a later time (JobRunr's ENQUEUED against SCHEDULED); empty for a library that keeps every
     * job alike, waiting for its time (db-scheduler, Quartz). The contract suite checks with it that jobs due now are
     * enqueued, not scheduled.
     */
    default OptionalLong readyJobs() {
        return OptionalLong.empty();
    }

    /**
     * The backend's own tables (schema-qualified if not in the search path), for sampling their rows and size
     * during a run. Each must exist once the backend is created.
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

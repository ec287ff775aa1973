package dev.queuebench.adapter.jobrunr;

import dev.queuebench.ports.spi.BackendSettings;
import dev.queuebench.ports.spi.Knob;
import dev.queuebench.ports.spi.Knobs;
import java.time.Duration;

/** JobRunr's knobs, each declared once, and the values a run uses. */
record JobRunrSettings(int threads, Duration pollInterval, Duration deleteSucceededAfter, Duration shutdownMaxWait) {

    /**
     * JobRunr refuses shorter poll intervals on SQL databases ("The smallest supported pollInterval is 5 seconds -
     * otherwise it will cause to much load on your SQL/noSQL datastore", AbstractStorageProvider).
     */
    static final Duration MIN_POLL_INTERVAL = Duration.ofSeconds(5);

    // JobRunr's default is 8 workers per CPU core, which makes results depend on the machine; a fixed 10 is
    // db-scheduler's default too, so both backends are compared with the same concurrency.
    static final Knob<Integer> THREADS = Knob.integer(BackendSettings.THREADS, 10, 1, 1_000,
            "worker threads of the BackgroundJobServer (JobRunr's default is 8 per CPU core)");
    // JobRunr's default is 15s (BackgroundJobServerConfiguration.DEFAULT_POLL_INTERVAL). It both moves scheduled jobs
    // to the queue a whole poll interval ahead and looks for queued work that often, so with the brief's 10s job delay
    // 15s would dominate every latency; 5s is the shortest JobRunr allows.
    static final Knob<Duration> POLL_INTERVAL = Knob.duration("poll-interval", MIN_POLL_INTERVAL, MIN_POLL_INTERVAL,
            "JobRunr's minimum", "how often JobRunr enqueues due scheduled jobs and fetches queued ones; jobs may start"
                    + " up to one poll interval early (JobRunr's default is 15s, its minimum 5s)");
    // JobRunr's own 36h, so a run measures JobRunr as shipped (its janitor deletes nothing during a run).
    static final Knob<Duration> DELETE_SUCCEEDED_AFTER = Knob.duration("delete-succeeded-after", Duration.ofHours(36),
            Duration.ZERO, "how long succeeded jobs stay in jobrunr_jobs before JobRunr's janitor deletes them"
                    + " (JobRunr's default)");
    static final Knob<Duration> SHUTDOWN_MAX_WAIT = Knob.duration("shutdown-max-wait", Duration.ofSeconds(5),
            Duration.ZERO, "how long stopping waits for running jobs before interrupting them");

    static final Knobs KNOBS = Knobs.of(THREADS, POLL_INTERVAL, DELETE_SUCCEEDED_AFTER, SHUTDOWN_MAX_WAIT);

    static JobRunrSettings from(BackendSettings settings) {
        return new JobRunrSettings(THREADS.valueIn(settings), POLL_INTERVAL.valueIn(settings),
                DELETE_SUCCEEDED_AFTER.valueIn(settings), SHUTDOWN_MAX_WAIT.valueIn(settings));
    }
}

package dev.queuebench.adapter.jobrunr;

import dev.queuebench.domain.Durations;
import dev.queuebench.ports.in.BackendOption;
import dev.queuebench.ports.spi.BackendSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JobRunr's knobs, read from {@link BackendSettings} with their defaults. */
record JobRunrSettings(int threads, Duration pollInterval, Duration deleteSucceededAfter, Duration shutdownMaxWait) {

    /**
     * JobRunr refuses shorter poll intervals on SQL databases ("The smallest supported pollInterval is 5 seconds -
     * otherwise it will cause to much load on your SQL/noSQL datastore", AbstractStorageProvider).
     */
    static final Duration MIN_POLL_INTERVAL = Duration.ofSeconds(5);

    static final String DELETE_SUCCEEDED_AFTER = "delete-succeeded-after";
    static final String SHUTDOWN_MAX_WAIT = "shutdown-max-wait";

    // threads: JobRunr's default is 8 workers per CPU core, which makes results depend on the machine; a fixed 10 is
    // db-scheduler's default too, so both backends are compared with the same concurrency.
    // poll-interval: JobRunr's default is 15s (BackgroundJobServerConfiguration.DEFAULT_POLL_INTERVAL). It both moves
    // scheduled jobs to the queue a whole poll interval ahead and looks for queued work that often, so with the brief's
    // 10s job delay 15s would dominate every latency; 5s is the shortest JobRunr allows.
    // delete-succeeded-after: JobRunr's own 36h, so a run measures JobRunr as shipped (its janitor deletes nothing
    // during a run).
    static final List<BackendOption> OPTIONS = List.of(
            new BackendOption(BackendSettings.THREADS, "10",
                    "worker threads of the BackgroundJobServer (JobRunr's default is 8 per CPU core)"),
            new BackendOption(BackendSettings.POLL_INTERVAL, "5s",
                    "how often JobRunr enqueues due scheduled jobs and fetches queued ones; jobs may start up to one"
                            + " poll interval early (JobRunr's default is 15s, its minimum 5s)"),
            new BackendOption(DELETE_SUCCEEDED_AFTER, "36h",
                    "how long succeeded jobs stay in jobrunr_jobs before JobRunr's janitor deletes them (JobRunr's default)"),
            new BackendOption(SHUTDOWN_MAX_WAIT, "5s", "how long stopping waits for running jobs before interrupting them"));

    static JobRunrSettings from(BackendSettings settings) {
        settings.requireOnly(OPTIONS);
        Duration pollInterval = settings.durationValue(BackendSettings.POLL_INTERVAL, MIN_POLL_INTERVAL);
        if (pollInterval.compareTo(MIN_POLL_INTERVAL) < 0) {
            throw new IllegalArgumentException("poll-interval must be at least " + Durations.format(MIN_POLL_INTERVAL)
                    + " (JobRunr's minimum), was " + Durations.format(pollInterval));
        }
        return new JobRunrSettings(
                settings.intValue(BackendSettings.THREADS, 10, 1, 1_000),
                pollInterval,
                settings.durationValue(DELETE_SUCCEEDED_AFTER, Duration.ofHours(36)),
                settings.durationValue(SHUTDOWN_MAX_WAIT, Duration.ofSeconds(5)));
    }

    Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(BackendSettings.THREADS, Integer.toString(threads));
        map.put(BackendSettings.POLL_INTERVAL, Durations.format(pollInterval));
        map.put(DELETE_SUCCEEDED_AFTER, Durations.format(deleteSucceededAfter));
        map.put(SHUTDOWN_MAX_WAIT, Durations.format(shutdownMaxWait));
        return map;
    }
}

package dev.queuebench.adapter.jobrunr;

import dev.queuebench.ports.spi.BackendSettings;
import dev.queuebench.ports.spi.Knob;
import dev.queuebench.ports.spi.Knobs;
import java.time.Duration;

/**
 * JobRunr's knobs, each declared once with its value in each profile and that value's source, and the values a run
 * uses. Sources are JobRunr 8.7.0's {@code BackgroundJobServerConfiguration} and the authors' own performance test
 * (context/0012).
 */
record JobRunrSettings(int threads, Duration pollInterval, Duration deleteSucceededAfter, Duration shutdownMaxWait) {

    /**
     * JobRunr refuses shorter poll intervals on SQL databases ("The smallest supported pollInterval is 5 seconds -
     * otherwise it will cause to much load on your SQL/noSQL datastore", AbstractStorageProvider).
     */
    static final Duration MIN_POLL_INTERVAL = Duration.ofSeconds(5);

    /**
     * Beyond its workers, a server borrows a connection for the fetch of new work (one at a time) and one for each of
     * its zookeeper tasks (two on every server, three more on the master); every storage call takes its own
     * connection and gives it back (DefaultSqlStorageProvider, BackgroundJobServer in 8.7.0).
     */
    static final int OWN_CONNECTIONS = 6;

    static final Knob<Integer> THREADS = Knob.threads("workers of the BackgroundJobServer (virtual threads from JDK 21,"
            + " JobRunr's default thread type)", "JobRunr's own default is 16 per CPU core on JDK 21 and later, 8"
            + " per core before (BackgroundJobServerThreadType)");
    static final Knob<Duration> POLL_INTERVAL = Knob.duration("poll-interval", MIN_POLL_INTERVAL,
            "JobRunr's minimum on SQL", "how often JobRunr moves scheduled jobs that are due within the next poll"
                    + " interval to the queue, and fetches queued ones when no worker finished meanwhile")
            .shipped(Duration.ofSeconds(15), "JobRunr's default (BackgroundJobServerConfiguration"
                    + ".DEFAULT_POLL_INTERVAL)")
            .tuned(MIN_POLL_INTERVAL, "JobRunr's own performance test (jobrunr/jobrunr-performance-test,"
                    + " AbstractJobRunrScenario: andPollIntervalInSeconds(5)), the smallest JobRunr takes on SQL");
    static final Knob<Duration> DELETE_SUCCEEDED_AFTER = Knob.duration("delete-succeeded-after", Duration.ZERO,
            "how long succeeded jobs stay in jobrunr_jobs before JobRunr's janitor deletes them")
            .inEveryProfile(Duration.ofHours(36), "JobRunr's default (BackgroundJobServerConfiguration"
                    + ".DEFAULT_DELETE_SUCCEEDED_JOBS_DURATION)");
    static final Knob<Duration> SHUTDOWN_MAX_WAIT = Knob.duration("shutdown-max-wait", Duration.ZERO,
            "how long stopping waits for running jobs before interrupting them")
            .inEveryProfile(Duration.ofSeconds(10), "JobRunr's default (BackgroundJobServerConfiguration"
                    + ".DEFAULT_INTERRUPT_JOBS_AWAIT_DURATION_ON_STOP_BACKGROUND_JOB_SERVER)");

    static final Knobs KNOBS = Knobs.of(THREADS, POLL_INTERVAL, DELETE_SUCCEEDED_AFTER, SHUTDOWN_MAX_WAIT);

    static JobRunrSettings from(BackendSettings settings) {
        return new JobRunrSettings(THREADS.valueIn(settings), POLL_INTERVAL.valueIn(settings),
                DELETE_SUCCEEDED_AFTER.valueIn(settings), SHUTDOWN_MAX_WAIT.valueIn(settings));
    }

    /** The connections a server with these settings borrows at most at once. */
    int connectionsNeeded() {
        return threads + OWN_CONNECTIONS;
    }
}

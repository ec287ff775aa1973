package dev.queuebench.adapter.postgres;

import dev.queuebench.ports.spi.BackendSettings;
import dev.queuebench.ports.spi.Knob;
import dev.queuebench.ports.spi.Knobs;
import java.time.Duration;

/**
 * The reference queue's knobs, each declared once, and the values a run uses. It has no authors other than Queue
 * Bench, so both profiles are the same: its own settings (context/0008).
 */
record PostgresQueueSettings(int threads, Duration pollInterval, Duration lease, Duration shutdownMaxWait) {

    /** One claim loop claims, deletes and renews leases for all the workers; workers run jobs and nothing else. */
    static final int OWN_CONNECTIONS = 1;
    private static final String OWN = "the reference queue's own setting (context/0008), in every profile";

    static final Knob<Integer> THREADS = Knob.threads("worker threads; one claim takes at most as many jobs as are"
            + " idle", "the reference queue has no default of its own");
    static final Knob<Duration> POLL_INTERVAL = Knob.duration("poll-interval", Duration.ofMillis(10),
            "how long an idle worker loop waits before it looks for due jobs again; a busy one claims again as soon as"
                    + " a worker is free")
            .inEveryProfile(Duration.ofMillis(100), OWN);
    static final Knob<Duration> LEASE = Knob.duration("lease", Duration.ofSeconds(1),
            "how long a claim holds a job; a running job's lease is renewed every third of it, so a job runs again"
                    + " only when its worker is gone this long")
            .inEveryProfile(Duration.ofSeconds(30), OWN);
    static final Knob<Duration> SHUTDOWN_MAX_WAIT = Knob.duration("shutdown-max-wait", Duration.ZERO,
            "how long stopping waits for running jobs before interrupting them")
            .inEveryProfile(Duration.ofSeconds(5), OWN);

    static final Knobs KNOBS = Knobs.of(THREADS, POLL_INTERVAL, LEASE, SHUTDOWN_MAX_WAIT);

    static PostgresQueueSettings from(BackendSettings settings) {
        return new PostgresQueueSettings(THREADS.valueIn(settings), POLL_INTERVAL.valueIn(settings),
                LEASE.valueIn(settings), SHUTDOWN_MAX_WAIT.valueIn(settings));
    }

    /** The claim loop, and the workers (a worker that runs a scheduling job enqueues through the pool). */
    int connectionsNeeded() {
        return threads + OWN_CONNECTIONS;
    }
}

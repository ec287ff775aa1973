package dev.queuebench.adapter.postgres;

import dev.queuebench.ports.spi.BackendSettings;
import dev.queuebench.ports.spi.Knob;
import dev.queuebench.ports.spi.Knobs;
import java.time.Duration;

/** The reference queue's knobs, each declared once, and the values a run uses. */
record PostgresQueueSettings(int threads, Duration pollInterval, Duration lease, Duration shutdownMaxWait) {

    static final Knob<Integer> THREADS = Knob.integer(BackendSettings.THREADS, 10, 1, 1_000,
            "worker threads (10, as the libraries are run); one claim takes at most as many jobs as are idle");
    static final Knob<Duration> POLL_INTERVAL = Knob.duration("poll-interval", Duration.ofMillis(100),
            Duration.ofMillis(10), "how long an idle worker loop waits before it looks for due jobs again; a busy one"
                    + " claims again as soon as a worker is free");
    static final Knob<Duration> LEASE = Knob.duration("lease", Duration.ofSeconds(30), Duration.ofSeconds(1),
            "how long a claim holds a job; a running job's lease is renewed every third of it, so a job runs again"
                    + " only when its worker is gone this long");
    static final Knob<Duration> SHUTDOWN_MAX_WAIT = Knob.duration("shutdown-max-wait", Duration.ofSeconds(5),
            Duration.ZERO, "how long stopping waits for running jobs before interrupting them");

    static final Knobs KNOBS = Knobs.of(THREADS, POLL_INTERVAL, LEASE, SHUTDOWN_MAX_WAIT);

    static PostgresQueueSettings from(BackendSettings settings) {
        return new PostgresQueueSettings(THREADS.valueIn(settings), POLL_INTERVAL.valueIn(settings),
                LEASE.valueIn(settings), SHUTDOWN_MAX_WAIT.valueIn(settings));
    }
}

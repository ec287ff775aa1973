package dev.queuebench.adapter.dbscheduler;

import dev.queuebench.ports.spi.BackendSettings;
import dev.queuebench.ports.spi.Knob;
import dev.queuebench.ports.spi.Knobs;
import java.time.Duration;
import java.util.List;

/** db-scheduler's knobs, each declared once, and the values a run uses. */
record DbSchedulerSettings(int threads, Duration pollInterval, String pollingStrategy, double lowerLimit,
                           double upperLimit, Duration shutdownMaxWait, Duration heartbeatInterval,
                           int missedHeartbeatsLimit) {

    static final String LOCK_AND_FETCH = "lock-and-fetch";
    static final String FETCH = "fetch";

    static final Knob<Integer> THREADS = Knob.integer(BackendSettings.THREADS, 10, 1, 1_000,
            "worker threads (db-scheduler's default)");
    static final Knob<Duration> POLL_INTERVAL = Knob.duration("poll-interval", Duration.ofSeconds(1),
            Duration.ofMillis(10),
            "how often to look for due executions when the queue ran dry (db-scheduler's default is 10s)");
    static final Knob<String> POLLING_STRATEGY = Knob.choice("polling-strategy", LOCK_AND_FETCH,
            List.of(LOCK_AND_FETCH, FETCH),
            "lock-and-fetch (one UPDATE ... SKIP LOCKED per batch, recommended above ~1000 executions/s) or fetch");
    static final Knob<Double> LOWER_LIMIT = Knob.number("lower-limit", 0.5,
            "fetch again when fewer than this many executions per thread are queued");
    static final Knob<Double> UPPER_LIMIT = Knob.number("upper-limit", 1.0,
            "fetch at most this many executions per thread");
    static final Knob<Duration> SHUTDOWN_MAX_WAIT = Knob.duration("shutdown-max-wait", Duration.ofSeconds(5),
            Duration.ZERO, "how long stopping waits for running executions");
    // db-scheduler's defaults: an execution whose completion was lost (a dropped connection) runs again once it
    // counts as dead, heartbeat-interval x missed-heartbeats-limit = 30 minutes after its last heartbeat
    static final Knob<Duration> HEARTBEAT_INTERVAL = Knob.duration("heartbeat-interval", Duration.ofMinutes(5),
            Duration.ofMillis(100), "how often a running execution's heartbeat is written (db-scheduler's default)");
    static final Knob<Integer> MISSED_HEARTBEATS_LIMIT = Knob.integer("missed-heartbeats-limit", 6, 4, 1_000,
            "missed heartbeats before an execution counts as dead and runs again, at least 4 (db-scheduler's default)");

    static final Knobs KNOBS = Knobs.of(THREADS, POLL_INTERVAL, POLLING_STRATEGY, LOWER_LIMIT, UPPER_LIMIT,
            SHUTDOWN_MAX_WAIT, HEARTBEAT_INTERVAL, MISSED_HEARTBEATS_LIMIT);

    /** @throws IllegalArgumentException when the knobs do not fit together */
    static DbSchedulerSettings from(BackendSettings settings) {
        String strategy = POLLING_STRATEGY.valueIn(settings);
        double lower = LOWER_LIMIT.valueIn(settings);
        double upper = UPPER_LIMIT.valueIn(settings);
        if (strategy.equals(LOCK_AND_FETCH) && !(lower < upper && upper >= 1.0)) {
            throw new IllegalArgumentException("lock-and-fetch needs lower-limit < upper-limit and upper-limit >= 1,"
                    + " was " + lower + " and " + upper);
        }
        return new DbSchedulerSettings(THREADS.valueIn(settings), POLL_INTERVAL.valueIn(settings), strategy, lower,
                upper, SHUTDOWN_MAX_WAIT.valueIn(settings), HEARTBEAT_INTERVAL.valueIn(settings),
                MISSED_HEARTBEATS_LIMIT.valueIn(settings));
    }
}

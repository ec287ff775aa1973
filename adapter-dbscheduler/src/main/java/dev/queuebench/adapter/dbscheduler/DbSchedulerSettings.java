package dev.queuebench.adapter.dbscheduler;

import dev.queuebench.ports.spi.BackendSettings;
import dev.queuebench.ports.spi.Knob;
import dev.queuebench.ports.spi.Knobs;
import java.time.Duration;
import java.util.List;

/**
 * db-scheduler's knobs, each declared once with its value in each profile and that value's source, and the values a
 * run uses. Sources are db-scheduler 16.12.0's {@code SchedulerBuilder} and README (context/0012).
 */
record DbSchedulerSettings(int threads, Duration pollInterval, String pollingStrategy, double lowerLimit,
                           double upperLimit, Duration shutdownMaxWait, Duration heartbeatInterval,
                           int missedHeartbeatsLimit) {

    static final String LOCK_AND_FETCH = "lock-and-fetch";
    static final String FETCH = "fetch";

    /**
     * Beyond its worker threads, a scheduler borrows a connection for its polling thread and for each of the two
     * housekeeping tasks (dead executions, heartbeats) at most: every statement takes its own connection and gives it
     * back, and no connection is held while a task runs (JdbcRunner, SchedulerBuilder in 16.12.0).
     */
    static final int OWN_CONNECTIONS = 3;

    static final Knob<Integer> THREADS = Knob.threads("worker threads",
            "db-scheduler's own default is 10 (SchedulerBuilder.executorThreads)");
    static final Knob<Duration> POLL_INTERVAL = Knob.duration("poll-interval", Duration.ofMillis(10),
            "how often to look for due executions when the last look found no full batch")
            .shipped(Duration.ofSeconds(10), "db-scheduler's default (SchedulerBuilder.DEFAULT_POLLING_INTERVAL)")
            .tuned(Duration.ofSeconds(10), "db-scheduler's default: its authors advise nothing else for throughput"
                    + " (README, Things to note: precision depends on the polling interval)");
    static final Knob<String> POLLING_STRATEGY = Knob.choice("polling-strategy", List.of(FETCH, LOCK_AND_FETCH),
            "fetch (select due executions, then pick each with an UPDATE) or lock-and-fetch (one UPDATE ..."
                    + " SKIP LOCKED picks a batch)")
            .shipped(FETCH, "db-scheduler's default (SchedulerBuilder: PollingStrategyConfig FETCH)")
            .tuned(LOCK_AND_FETCH, "README, Polling strategy: \"If you are running >1000 executions/s you might"
                    + " want to use the lock-and-fetch polling-strategy for lower overhead and higher throughput\"");
    static final Knob<Double> LOWER_LIMIT = Knob.number("lower-limit", 0, 1_000,
            "fetch again once this many executions per thread are left of a full batch")
            .shipped(0.5, "db-scheduler's default (SchedulerBuilder: PollingStrategyConfig FETCH, 0.5)")
            .tuned(1.0, "README, lock-and-fetch: \"For high throughput (i.e. keep threads busy), set to for example"
                    + " 1.0, 4.0\"");
    static final Knob<Double> UPPER_LIMIT = Knob.number("upper-limit", 1, 1_000,
            "fetch at most this many executions per thread")
            .shipped(3.0, "db-scheduler's default (SchedulerBuilder.UPPER_LIMIT_FRACTION_OF_THREADS_FOR_FETCH)")
            .tuned(4.0, "README, lock-and-fetch: \"For high throughput (i.e. keep threads busy), set to for example"
                    + " 1.0, 4.0\"");
    static final Knob<Duration> SHUTDOWN_MAX_WAIT = Knob.duration("shutdown-max-wait", Duration.ZERO,
            "how long stopping waits for running executions")
            .inEveryProfile(Duration.ofSeconds(5), "departs from db-scheduler's 30m (SchedulerBuilder"
                    + ".SHUTDOWN_MAX_WAIT): the harness stops the workers after every run, and pretend jobs end in"
                    + " microseconds");
    // an execution whose completion was lost (a dropped connection) runs again once it counts as dead,
    // heartbeat-interval x missed-heartbeats-limit = 30 minutes after its last heartbeat
    static final Knob<Duration> HEARTBEAT_INTERVAL = Knob.duration("heartbeat-interval", Duration.ofMillis(100),
            "how often a running execution's heartbeat is written")
            .inEveryProfile(Duration.ofMinutes(5), "db-scheduler's default (SchedulerBuilder"
                    + ".DEFAULT_HEARTBEAT_INTERVAL)");
    static final Knob<Integer> MISSED_HEARTBEATS_LIMIT = Knob.integer("missed-heartbeats-limit", 4, 1_000,
            "missed heartbeats before an execution counts as dead and runs again, at least 4")
            .inEveryProfile(6, "db-scheduler's default (SchedulerBuilder.DEFAULT_MISSED_HEARTBEATS_LIMIT)");

    static final Knobs KNOBS = Knobs.of(THREADS, POLL_INTERVAL, POLLING_STRATEGY, LOWER_LIMIT, UPPER_LIMIT,
            SHUTDOWN_MAX_WAIT, HEARTBEAT_INTERVAL, MISSED_HEARTBEATS_LIMIT);

    /** @throws IllegalArgumentException when a knob does not fit, or the knobs do not fit together */
    static DbSchedulerSettings from(BackendSettings settings) {
        String strategy = POLLING_STRATEGY.valueIn(settings);
        double lower = LOWER_LIMIT.valueIn(settings);
        double upper = UPPER_LIMIT.valueIn(settings);
        // db-scheduler's PollingStrategyConfig refuses these, for both strategies
        if (!(lower < upper)) {
            throw new IllegalArgumentException(strategy + " needs lower-limit < upper-limit, was " + lower + " and "
                    + upper);
        }
        return new DbSchedulerSettings(THREADS.valueIn(settings), POLL_INTERVAL.valueIn(settings), strategy, lower,
                upper, SHUTDOWN_MAX_WAIT.valueIn(settings), HEARTBEAT_INTERVAL.valueIn(settings),
                MISSED_HEARTBEATS_LIMIT.valueIn(settings));
    }

    /** The connections a scheduler with these settings borrows at most at once. */
    int connectionsNeeded() {
        return threads + OWN_CONNECTIONS;
    }
}

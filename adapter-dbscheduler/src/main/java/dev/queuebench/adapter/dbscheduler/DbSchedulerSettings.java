package dev.queuebench.adapter.dbscheduler;

import dev.queuebench.domain.Durations;
import dev.queuebench.ports.in.BackendOption;
import dev.queuebench.ports.spi.BackendSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** db-scheduler's knobs, read from {@link BackendSettings} with their defaults. */
record DbSchedulerSettings(int threads, Duration pollInterval, String pollingStrategy, double lowerLimit,
                           double upperLimit, Duration shutdownMaxWait, Duration heartbeatInterval,
                           int missedHeartbeatsLimit) {

    static final String LOCK_AND_FETCH = "lock-and-fetch";
    static final String FETCH = "fetch";

    static final List<BackendOption> OPTIONS = List.of(
            new BackendOption(BackendSettings.THREADS, "10", "worker threads (db-scheduler's default)"),
            new BackendOption(BackendSettings.POLL_INTERVAL, "1s",
                    "how often to look for due executions when the queue ran dry (db-scheduler's default is 10s)"),
            new BackendOption("polling-strategy", LOCK_AND_FETCH,
                    "lock-and-fetch (one UPDATE ... SKIP LOCKED per batch, recommended above ~1000 executions/s)"
                            + " or fetch"),
            new BackendOption("lower-limit", "0.5", "fetch again when fewer than this many executions per thread are queued"),
            new BackendOption("upper-limit", "1.0", "fetch at most this many executions per thread"),
            new BackendOption("shutdown-max-wait", "5s", "how long stopping waits for running executions"),
            // db-scheduler's defaults: an execution whose completion was lost (a dropped connection) is re-run once it
            // counts as dead, heartbeat-interval x missed-heartbeats-limit = 30 minutes after its last heartbeat
            new BackendOption("heartbeat-interval", "5m",
                    "how often a running execution's heartbeat is written (db-scheduler's default)"),
            new BackendOption("missed-heartbeats-limit", "6",
                    "missed heartbeats before an execution counts as dead and is run again, at least 4"
                            + " (db-scheduler's default)"));

    static DbSchedulerSettings from(BackendSettings settings) {
        settings.requireOnly(OPTIONS);
        String strategy = settings.stringValue("polling-strategy", LOCK_AND_FETCH);
        if (!strategy.equals(LOCK_AND_FETCH) && !strategy.equals(FETCH)) {
            throw new IllegalArgumentException("polling-strategy must be lock-and-fetch or fetch, was '" + strategy + "'");
        }
        double lower = settings.doubleValue("lower-limit", 0.5);
        double upper = settings.doubleValue("upper-limit", 1.0);
        if (strategy.equals(LOCK_AND_FETCH) && !(lower < upper && upper >= 1.0)) {
            throw new IllegalArgumentException("lock-and-fetch needs lower-limit < upper-limit and upper-limit >= 1,"
                    + " was " + lower + " and " + upper);
        }
        Duration pollInterval = settings.durationValue(BackendSettings.POLL_INTERVAL, Duration.ofSeconds(1));
        if (pollInterval.toMillis() < 10) {
            throw new IllegalArgumentException("poll-interval must be at least 10ms, was " + Durations.format(pollInterval));
        }
        return new DbSchedulerSettings(
                settings.intValue(BackendSettings.THREADS, 10, 1, 1_000),
                pollInterval,
                strategy,
                lower,
                upper,
                settings.durationValue("shutdown-max-wait", Duration.ofSeconds(5)),
                settings.durationValue("heartbeat-interval", Duration.ofMinutes(5)),
                settings.intValue("missed-heartbeats-limit", 6, 4, 1_000));
    }

    Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(BackendSettings.THREADS, Integer.toString(threads));
        map.put(BackendSettings.POLL_INTERVAL, Durations.format(pollInterval));
        map.put("polling-strategy", pollingStrategy);
        map.put("lower-limit", Double.toString(lowerLimit));
        map.put("upper-limit", Double.toString(upperLimit));
        map.put("shutdown-max-wait", Durations.format(shutdownMaxWait));
        map.put("heartbeat-interval", Durations.format(heartbeatInterval));
        map.put("missed-heartbeats-limit", Integer.toString(missedHeartbeatsLimit));
        return map;
    }
}

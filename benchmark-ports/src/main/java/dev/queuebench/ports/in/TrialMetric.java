package dev.queuebench.ports.in;

import java.time.Duration;
import java.util.OptionalDouble;
import java.util.function.Function;

/** The metrics compared across trials, with the direction in which they are better. */
public enum TrialMetric {
    RUN_DURATION_MS("run_duration_ms", Direction.LOWER_IS_BETTER,
            report -> report.runDuration().map(d -> OptionalDouble.of(millis(d))).orElse(OptionalDouble.empty())),
    JOBS_PER_SECOND("jobs_per_second", Direction.HIGHER_IS_BETTER, RunReport::jobsPerSecond),
    PICKUP_LAG_P99_MS("pickup_lag_p99_ms", Direction.LOWER_IS_BETTER,
            report -> report.pickupLag().isEmpty()
                    ? OptionalDouble.empty()
                    : OptionalDouble.of(report.pickupLag().p99() / 1_000.0));

    /** Which way a metric is better. */
    public enum Direction {
        LOWER_IS_BETTER,
        HIGHER_IS_BETTER
    }

    private final String key;
    private final Direction direction;
    private final Function<RunReport, OptionalDouble> value;

    TrialMetric(String key, Direction direction, Function<RunReport, OptionalDouble> value) {
        this.key = key;
        this.direction = direction;
        this.value = value;
    }

    /** The metric's name in reports and result files, e.g. {@code run_duration_ms}. */
    public String key() {
        return key;
    }

    public Direction direction() {
        return direction;
    }

    /** The run's value, empty when the run has none (it did not finish, or nothing completed). */
    public OptionalDouble valueOf(RunReport report) {
        return value.apply(report);
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }
}

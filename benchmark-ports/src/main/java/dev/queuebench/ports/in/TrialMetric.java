package dev.queuebench.ports.in;

import dev.queuebench.domain.Workload;
import dev.queuebench.domain.measure.TrialStatistics.Scale;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.function.Function;

/** The metrics compared across trials, with the direction in which they are better. */
public enum TrialMetric {
    RUN_DURATION_MS("run_duration_ms", Direction.LOWER_IS_BETTER, Scale.POSITIVE,
            report -> report.runDuration().map(d -> OptionalDouble.of(millis(d))).orElse(OptionalDouble.empty())),
    JOBS_PER_SECOND("jobs_per_second", Direction.HIGHER_IS_BETTER, Scale.POSITIVE, RunReport::jobsPerSecond),
    /** May be negative: JobRunr starts jobs up to a poll interval early. */
    PICKUP_LAG_P99_MS("pickup_lag_p99_ms", Direction.LOWER_IS_BETTER, Scale.SIGNED,
            report -> report.pickupLag().isEmpty()
                    ? OptionalDouble.empty()
                    : OptionalDouble.of(report.pickupLag().p99() / 1_000.0)),
    /** How fast the workers work off a backlog, from their start to the last completion. */
    DRAIN_RATE("drain_rate", Direction.HIGHER_IS_BETTER, Scale.POSITIVE, RunReport::drainRate),
    /**
     * The headline of the delayed and the backlog workload: distinct completions per second over the steady middle of
     * the run (the 10th to the 90th percentile of completion times), which neither start-up nor tail sways.
     */
    STEADY_RATE("steady_rate", Direction.HIGHER_IS_BETTER, Scale.POSITIVE, RunReport::steadyRate),
    /** A rate run's headline: the latency the backend gives at the load, from each job's intended time. */
    END_TO_END_P99_MS("end_to_end_p99_ms", Direction.LOWER_IS_BETTER, Scale.SIGNED,
            report -> report.endToEnd().isEmpty()
                    ? OptionalDouble.empty()
                    : OptionalDouble.of(report.endToEnd().p99() / 1_000.0)),
    ACHIEVED_RATE("achieved_rate", Direction.HIGHER_IS_BETTER, Scale.POSITIVE,
            report -> report.offer().map(offer -> OptionalDouble.of(offer.achievedRate()))
                    .orElse(OptionalDouble.empty()));

    /** Which way a metric is better. */
    public enum Direction {
        LOWER_IS_BETTER,
        HIGHER_IS_BETTER
    }

    private final String key;
    private final Direction direction;
    private final Scale scale;
    private final Function<RunReport, OptionalDouble> value;

    TrialMetric(String key, Direction direction, Scale scale, Function<RunReport, OptionalDouble> value) {
        this.key = key;
        this.direction = direction;
        this.scale = scale;
        this.value = value;
    }

    /** Whether the metric can be negative, which decides its interval. */
    public Scale scale() {
        return scale;
    }

    /** The metric a workload is judged by first: what {@code compare} sets beside the reference backend. */
    public static TrialMetric headlineOf(Workload workload) {
        if (workload instanceof Workload.Rate) {
            return END_TO_END_P99_MS;
        }
        return STEADY_RATE;
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

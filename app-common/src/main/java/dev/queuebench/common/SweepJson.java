package dev.queuebench.common;

import dev.queuebench.domain.SweepPlan;
import dev.queuebench.ports.in.SweepResult;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One sweep as JSON, as {@code sweep --format json} prints it and {@code /api/sweeps/{id}} serves it: the plan, the
 * peak, and each point with its run object (see {@link RunJson}). {@code value} is the worker-thread count of a
 * {@code threads} sweep or the offered jobs/s of a {@code rates} sweep; {@code figure} is what the sweep compares:
 * the drain rate for threads, the achieved rate for rates.
 */
public record SweepJson(
        long id,
        String backend,
        String kind,
        List<Double> values,
        Integer jobs,
        Long durationMs,
        long sloMs,
        String schedulingMode,
        String jobWork,
        int payloadBytes,
        Instant createdAt,
        Point peak,
        List<Point> points) {

    public static SweepJson of(SweepResult sweep) {
        SweepPlan plan = sweep.plan();
        return new SweepJson(
                sweep.id().value(),
                plan.backend().value(),
                plan.kind().wireName(),
                plan.values(),
                plan.jobs() == null ? null : plan.jobs().value(),
                plan.duration() == null ? null : plan.duration().toMillis(),
                plan.slo().toMillis(),
                plan.schedulingMode().wireName(),
                plan.jobWork().workText(),
                plan.jobWork().payloadBytes(),
                sweep.createdAt(),
                sweep.peak().map(point -> Point.of(plan, point)).orElse(null),
                sweep.points().stream().map(point -> Point.of(plan, point)).toList());
    }

    /** One point: its value, whether it passed, the figure it is judged by, and its run. */
    public record Point(double value, boolean passed, Double figure, RunJson run) {

        static Point of(SweepPlan plan, SweepResult.Point point) {
            Double figure = figureOf(plan, point);
            // rounded as the run object rounds its rates: the figure equals its run's drain or achieved rate
            return new Point(point.value(), point.passed(),
                    RunJson.rate(figure == null ? OptionalDouble.empty() : OptionalDouble.of(figure)),
                    RunJson.of(point.report()));
        }
    }

    /** The drain rate of a thread point, the achieved rate of a rate point; {@code null} when the run has none. */
    public static Double figureOf(SweepPlan plan, SweepResult.Point point) {
        OptionalDouble figure = plan.kind() == SweepPlan.Kind.THREADS
                ? point.report().drainRate()
                : point.report().offer().map(offer -> OptionalDouble.of(offer.achievedRate()))
                        .orElse(OptionalDouble.empty());
        return figure.isPresent() ? figure.getAsDouble() : null;
    }
}

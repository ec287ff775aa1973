package dev.queuebench.ports.in;

import dev.queuebench.domain.RunStatus;
import dev.queuebench.domain.SweepId;
import dev.queuebench.domain.SweepPlan;
import dev.queuebench.domain.measure.OfferOutcome;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A sweep and its points, in the order they ran; a rate sweep may have stopped before its last value.
 *
 * @param points each point's value, its run's report and whether it passed
 */
public record SweepResult(SweepId id, SweepPlan plan, Instant createdAt, List<Point> points) {

    public SweepResult {
        Objects.requireNonNull(id, "sweep id is required");
        Objects.requireNonNull(plan, "plan is required");
        Objects.requireNonNull(createdAt, "creation time is required");
        points = List.copyOf(points);
    }

    /** One point: threads or offered jobs/s, the run, and whether it passed (finished; for a rate, within the slo). */
    public record Point(double value, RunReport report, boolean passed) {
    }

    /**
     * The peak: for threads, the point with the highest drain rate; for rates, the highest rate that passed. Empty
     * when no point counts.
     */
    public Optional<Point> peak() {
        if (plan.kind() == SweepPlan.Kind.THREADS) {
            return points.stream()
                    .filter(point -> point.passed() && point.report().drainRate().isPresent())
                    .max(Comparator.comparingDouble(point -> point.report().drainRate().getAsDouble()));
        }
        return points.stream().filter(Point::passed).max(Comparator.comparingDouble(Point::value));
    }

    /** Whether a point passes: its run finished, and for a rate it kept up with an end-to-end p99 within the slo. */
    public static boolean passes(SweepPlan plan, RunReport report) {
        if (report.status() != RunStatus.FINISHED) {
            return false;
        }
        if (plan.kind() == SweepPlan.Kind.THREADS) {
            return true;
        }
        return report.offer().map(OfferOutcome::keptUp).orElse(false)
                && !report.endToEnd().isEmpty()
                && report.endToEnd().p99() <= plan.slo().toNanos() / 1_000;
    }
}

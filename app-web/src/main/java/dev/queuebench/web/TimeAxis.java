package dev.queuebench.web;

import dev.queuebench.domain.measure.ResourceSample;
import dev.queuebench.domain.measure.ThroughputSeries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The time axis every chart of a run page shares, so that a spike in one plot lines up with the throughput above it.
 * Zero is the second of the first enqueue, as in the throughput series. Resource sampling starts when scheduling
 * starts, a moment before the first enqueue, so the axis may begin a little before zero; it ends with the later of the
 * last counted second and the last sample.
 */
final class TimeAxis {

    static final String SINCE_FIRST_ENQUEUE = "seconds since the first enqueue";
    static final String SINCE_SCHEDULING_STARTED = "seconds since scheduling started";
    static final String SINCE_CREATED = "seconds since the run was created";
    static final String SINCE_EACH_FIRST_ENQUEUE = "seconds since each run's first enqueue";

    private static final long[] SECOND_STEPS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1_800, 3_600, 7_200};
    private static final double NANOS_PER_SECOND = 1e9;

    private final long originEpochSecond;
    private final double originNanos;
    private final double from;
    private final double to;
    private final String label;

    private TimeAxis(long originEpochSecond, double originNanos, double from, double to, String label) {
        this.originEpochSecond = originEpochSecond;
        this.originNanos = originNanos;
        this.from = from;
        this.to = to;
        this.label = label;
    }

    /** Empty when there is nothing to draw: nothing enqueued and nothing sampled. */
    static Optional<TimeAxis> of(ThroughputSeries completions, ThroughputSeries enqueues,
                                 List<ResourceSample> samples) {
        List<ThroughputSeries> counted = new ArrayList<>();
        for (ThroughputSeries series : List.of(enqueues, completions)) {
            if (series.seconds() > 0) {
                counted.add(series);
            }
        }
        if (counted.isEmpty() && samples.isEmpty()) {
            return Optional.empty();
        }
        TimeAxis unbounded;
        if (counted.isEmpty()) {
            Instant first = samples.get(0).sampledAt();
            unbounded = new TimeAxis(first.getEpochSecond(), first.getNano(), 0, 0, SINCE_SCHEDULING_STARTED);
        } else {
            long origin = counted.stream().mapToLong(ThroughputSeries::startEpochSecond).min().orElseThrow();
            unbounded = new TimeAxis(origin, 0, 0, 0, SINCE_FIRST_ENQUEUE);
        }
        double from = 0;
        double to = 0;
        for (ThroughputSeries series : counted) {
            to = Math.max(to, unbounded.seconds(series.startEpochSecond() + series.seconds()));
        }
        for (ResourceSample sample : samples) {
            double second = unbounded.seconds(sample.sampledAt());
            from = Math.min(from, second);
            to = Math.max(to, second);
        }
        // a single sample or a single counted second still gets an axis a second wide
        to = Math.max(to, from + 1);
        return Optional.of(new TimeAxis(unbounded.originEpochSecond, unbounded.originNanos, from, to,
                unbounded.label));
    }

    /**
     * The axis of several runs drawn over each other, each moved so that its first enqueue is at zero (series given
     * with zero as their start), {@code seconds} long.
     */
    static TimeAxis overlaid(double seconds) {
        return new TimeAxis(0, 0, 0, Math.max(1, seconds), SINCE_EACH_FIRST_ENQUEUE);
    }

    /**
     * The axis of a run with nothing to plot, from its creation, a second wide: what the run met before it enqueued
     * anything can still be timed.
     */
    static TimeAxis sinceCreation(Instant createdAt) {
        return new TimeAxis(createdAt.getEpochSecond(), createdAt.getNano(), 0, 1, SINCE_CREATED);
    }

    /** The axis of the throughput series alone. */
    static Optional<TimeAxis> of(ThroughputSeries completions, ThroughputSeries enqueues) {
        return of(completions, enqueues, List.of());
    }

    double seconds(long epochSecond) {
        return (epochSecond - originEpochSecond) - originNanos / NANOS_PER_SECOND;
    }

    double seconds(Instant instant) {
        return (instant.getEpochSecond() - originEpochSecond) + (instant.getNano() - originNanos) / NANOS_PER_SECOND;
    }

    /** Where {@code second} lies between the axis' ends, 0 to 1. */
    double fraction(double second) {
        return (second - from) / (to - from);
    }

    double from() {
        return from;
    }

    double to() {
        return to;
    }

    /** How far the axis reaches, in seconds. */
    double span() {
        return to - from;
    }

    String label() {
        return label;
    }

    /** Round seconds to label, at most about eight of them. */
    List<Long> ticks() {
        long step = step();
        List<Long> ticks = new ArrayList<>();
        for (long second = (long) Math.ceil(from / step) * step; second <= to + 1e-9; second += step) {
            ticks.add(second);
        }
        return ticks;
    }

    String tickLabel(long second) {
        long step = step();
        return step >= 60 && step % 60 == 0 ? second / 60 + " min" : second + " s";
    }

    private long step() {
        double span = span();
        for (long step : SECOND_STEPS) {
            if (span / step <= 8) {
                return step;
            }
        }
        long largest = SECOND_STEPS[SECOND_STEPS.length - 1];
        return largest * ((long) (span / 8) / largest + 1);
    }
}

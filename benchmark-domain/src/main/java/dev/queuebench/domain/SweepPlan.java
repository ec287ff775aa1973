package dev.queuebench.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One backend over a range, to find its peak:
 *
 * <ul>
 *   <li>{@link Kind#THREADS}: a backlog of {@code jobs} drained once per worker-thread count; the peak is the highest
 *       drain rate.</li>
 *   <li>{@link Kind#RATES}: each rate offered for {@code duration}; a point passes when the backend kept up with an
 *       end-to-end p99 within the {@code slo}. The sweep stops once {@value #FAILURES_TO_STOP} points in a row failed;
 *       the peak is the highest rate that passed.</li>
 * </ul>
 */
public record SweepPlan(BackendId backend, Kind kind, List<Double> values, JobsCount jobs, Duration duration,
                        Duration slo, SchedulingMode schedulingMode, JobWork jobWork) {

    /** Points in a row that failed before a rate sweep stops: one may be noise, two are a trend. */
    public static final int FAILURES_TO_STOP = 2;
    public static final int MAX_POINTS = 30;
    public static final Duration DEFAULT_SLO = Duration.ofSeconds(1);

    public enum Kind {
        THREADS, RATES;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public SweepPlan {
        Objects.requireNonNull(backend, "backend is required");
        Objects.requireNonNull(kind, "kind is required");
        Objects.requireNonNull(schedulingMode, "scheduling mode is required");
        Objects.requireNonNull(jobWork, "job work is required");
        Objects.requireNonNull(slo, "slo is required");
        values = List.copyOf(Objects.requireNonNull(values, "values are required"));
        if (values.isEmpty() || values.size() > MAX_POINTS) {
            throw new IllegalArgumentException("a sweep takes 1 to " + MAX_POINTS + " points, was " + values.size());
        }
        for (int i = 1; i < values.size(); i++) {
            if (values.get(i) <= values.get(i - 1)) {
                throw new IllegalArgumentException("a sweep's points must rise, was " + format(values));
            }
        }
        if (kind == Kind.THREADS) {
            Objects.requireNonNull(jobs, "a thread sweep drains a backlog of jobs: the jobs count is required");
            for (double threads : values) {
                if (threads != Math.rint(threads) || threads < 1 || threads > 1_000) {
                    throw new IllegalArgumentException("thread counts must be whole numbers from 1 to 1000, was "
                            + format(values));
                }
            }
        } else {
            Objects.requireNonNull(duration, "a rate sweep offers each rate for a duration: the duration is required");
            values.forEach(rate -> new Workload.Rate(rate, duration));
            if (slo.isNegative() || slo.isZero()) {
                throw new IllegalArgumentException("the slo must be positive, was " + Durations.format(slo));
            }
        }
    }

    /** The workload of one point: a backlog of {@link #jobs} or the point's rate for {@link #duration}. */
    public Workload workloadAt(double value) {
        return kind == Kind.THREADS ? Workload.BACKLOG : new Workload.Rate(value, duration);
    }

    /** Whether a rate sweep stops after these outcomes, oldest first: the last {@value #FAILURES_TO_STOP} failed. */
    public boolean stopsAfter(List<Boolean> passed) {
        if (kind != Kind.RATES || passed.size() < FAILURES_TO_STOP) {
            return false;
        }
        return passed.subList(passed.size() - FAILURES_TO_STOP, passed.size()).stream().noneMatch(p -> p);
    }

    /** {@code 1,2,4,8} or {@code 100,250.5}: as users type the list. */
    public static String format(List<Double> values) {
        List<String> texts = new ArrayList<>();
        for (double value : values) {
            texts.add(value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value));
        }
        return String.join(",", texts);
    }
}

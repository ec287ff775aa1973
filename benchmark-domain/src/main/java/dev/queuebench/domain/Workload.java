package dev.queuebench.domain;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a run offers the backend, and so which question it answers.
 *
 * <ul>
 *   <li>{@link Delayed}: the original harness's workload. A worker of the backend enqueues the N jobs, each due a
 *       delay after its enqueue, while the backend's workers run: enqueueing and executing overlap.</li>
 *   <li>{@link Backlog}: all N jobs are enqueued, due at once, while no worker runs; then the workers start and drain
 *       them. How fast a backend works off a pile of due jobs, as after an outage or a burst.</li>
 *   <li>{@link Rate}: jobs are offered at a steady rate for a duration, on a fixed schedule that does not slow down
 *       when the backend does (open loop); each is due at its intended time. The latency a backend gives at a load,
 *       and whether it keeps up with it.</li>
 * </ul>
 */
public sealed interface Workload permits Workload.Delayed, Workload.Backlog, Workload.Rate {

    Workload DELAYED = new Delayed();
    Workload BACKLOG = new Backlog();
    /** Every workload's {@link #wireName()}, in the order they are offered. */
    List<String> WIRE_NAMES = List.of("delayed", "backlog", "rate");

    /** {@code delayed}, {@code backlog} or {@code rate}: what users type and reports print. */
    String wireName();

    /** Whether the runner enqueues the jobs itself, rather than a worker of the backend through its scheduling job. */
    default boolean enqueuedByTheRunner() {
        return true;
    }

    /**
     * Whether the run's jobs are work to do at once, which a library's users enqueue rather than schedule: a
     * backlog's and a rate's jobs are due at their enqueue or intended time, a delayed run's after its delay.
     */
    default boolean jobsDueAtOnce(JobDelay delay) {
        return true;
    }

    /**
     * Whether a job's latency counts from the workers' start rather than from its due time: a backlog's jobs are due
     * long before any worker runs, and what is measured is how fast the workers work them off.
     */
    default boolean latencyFromWorkersStart() {
        return false;
    }

    /** Whether its runs can be sized by time ({@link RunSizing}), rather than by a duration of their own. */
    default boolean sizedByTime() {
        return true;
    }

    /** The seed's workload: jobs enqueued by a scheduling job on a backend worker, each due a delay later. */
    record Delayed() implements Workload {
        @Override
        public String wireName() {
            return "delayed";
        }

        @Override
        public boolean enqueuedByTheRunner() {
            return false;
        }

        @Override
        public boolean jobsDueAtOnce(JobDelay delay) {
            return delay.value().isZero();
        }
    }

    /** N jobs, due at once, enqueued while no worker runs; then drained. */
    record Backlog() implements Workload {
        @Override
        public String wireName() {
            return "backlog";
        }

        @Override
        public boolean latencyFromWorkersStart() {
            return true;
        }
    }

    /**
     * {@code jobsPerSecond} offered for {@code duration}: job i is intended at {@code i / jobsPerSecond} seconds after
     * the offer starts, and due then.
     */
    record Rate(double jobsPerSecond, Duration duration) implements Workload {

        public static final double MAX_RATE = 100_000;
        public static final Duration MAX_DURATION = Duration.ofHours(24);

        public Rate {
            Objects.requireNonNull(duration, "duration is required");
            if (!(jobsPerSecond > 0) || jobsPerSecond > MAX_RATE) {
                throw new IllegalArgumentException("rate must be above 0 and at most " + (long) MAX_RATE
                        + " jobs/s, was " + jobsPerSecond);
            }
            if (duration.compareTo(Duration.ofSeconds(1)) < 0 || duration.compareTo(MAX_DURATION) > 0) {
                throw new IllegalArgumentException("rate duration must be between 1s and 24h, was "
                        + Durations.format(duration));
            }
            long jobs = Math.round(jobsPerSecond * duration.toNanos() / 1e9);
            if (jobs < JobsCount.MIN || jobs > JobsCount.MAX) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "rate x duration must come to between %d and %,d jobs, was %,d", JobsCount.MIN, JobsCount.MAX,
                        jobs));
            }
        }

        /** How many jobs the offer holds: rate x duration, rounded. */
        public JobsCount jobs() {
            return JobsCount.of(Math.round(jobsPerSecond * duration.toNanos() / 1e9));
        }

        /** Nanoseconds from the start of the offer to job {@code index}'s intended time. */
        public long intendedOffsetNanos(int index) {
            return Math.round(index * 1e9 / jobsPerSecond);
        }

        @Override
        public String wireName() {
            return "rate";
        }

        /** A rate run lasts its duration. */
        @Override
        public boolean sizedByTime() {
            return false;
        }
    }

    /**
     * @throws IllegalArgumentException for a name that is not a workload; {@code rate} needs its rate and duration,
     *                                  so it is built with {@link Rate} instead
     */
    static Workload withoutParameters(String wireName) {
        return switch (wireName) {
            case "delayed" -> DELAYED;
            case "backlog" -> BACKLOG;
            case "rate" -> throw new IllegalArgumentException("the rate workload needs a rate and a duration");
            default -> throw new IllegalArgumentException(
                    "workload must be one of " + String.join(", ", WIRE_NAMES) + ", was '" + wireName + "'");
        };
    }
}

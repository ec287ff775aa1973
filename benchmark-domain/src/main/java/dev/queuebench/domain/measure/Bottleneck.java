package dev.queuebench.domain.measure;

import dev.queuebench.domain.TickCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Where a run's time went: what bound its throughput, with the numbers behind the verdict and a sentence a reader
 * understands. The rules, in the order they are asked (the first that holds is the verdict):
 *
 * <ol>
 *   <li>{@code enqueue}: a rate run whose producer enqueued under 99% of the offered rate;</li>
 *   <li>{@code pool}: on average a thread or more waited for a connection of the backend's pool;</li>
 *   <li>{@code workers}: every worker thread was busy {@value #WORKERS_BUSY_PERCENT}% of the drain or more, unless
 *       the cores were saturated with this process using half of them or more: the jobs themselves (they sleep,
 *       wait or compute, and more threads would help);</li>
 *   <li>{@code cpu}: the machine's cores were {@value #SATURATED_PERCENT}% busy or more over the drain (the jobs'
 *       threads, the library's and the database's together: more threads cannot help);</li>
 *   <li>{@code database}: on average a session or more waited on a lock;</li>
 *   <li>{@code enqueue}: jobs that come due over time (delayed, rate) started a median of under a second late with
 *       the workers mostly idle: the workers kept up, and the run went at the pace its jobs were enqueued;</li>
 *   <li>{@code fetch}: the workers were busy under {@value #FETCH_BUSY_PERCENT}% of the drain while jobs were due
 *       and nothing above held them: the library's fetch or poll cadence;</li>
 *   <li>{@code mixed}: no one resource stood out, said with the numbers.</li>
 * </ol>
 *
 * @param kind     the verdict
 * @param summary  one sentence with the numbers behind it
 * @param evidence what it was read from
 */
public record Bottleneck(Kind kind, String summary, Evidence evidence) {

    static final int SATURATED_PERCENT = 85;
    static final int WORKERS_BUSY_PERCENT = 80;
    static final int FETCH_BUSY_PERCENT = 50;
    private static final double SATURATED = SATURATED_PERCENT / 100.0;
    private static final double WORKERS_BUSY = WORKERS_BUSY_PERCENT / 100.0;
    private static final double FETCH_BUSY = FETCH_BUSY_PERCENT / 100.0;
    /** This process's share of the cores above which its busy workers are what saturates them. */
    private static final double OWN_CPU = 0.5;
    private static final Duration KEPT_UP_LAG = Duration.ofSeconds(1);

    public Bottleneck {
        Objects.requireNonNull(kind, "kind is required");
        Objects.requireNonNull(summary, "summary is required");
        Objects.requireNonNull(evidence, "evidence is required");
    }

    /** What can bind a run. */
    public enum Kind {
        CPU, DATABASE, POOL, FETCH, WORKERS, ENQUEUE, MIXED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What a verdict is read from, over the run's drain (from the workers' start to its last completion).
     *
     * @param hostCpu          the machine's cores busy, mean, 0 to 1; empty where the platform does not tell
     * @param processCpu       this process's share of the cores, mean, 0 to 1; empty where unknown
     * @param serverCpu        the PostgreSQL server's processes' share of the cores, mean, 0 to 1; empty for a
     *                         server elsewhere, or unknown
     * @param workerThreads    worker threads on every node together
     * @param busy             the time those threads spent in jobs, every node's together
     * @param drain            from the workers' start to the last completion
     * @param poolWaiting      threads waiting for a connection of the backend's pool, mean
     * @param poolWaitingPeak  the same, at its peak
     * @param pool             the backend's pool's name
     * @param lockWaits        database sessions waiting on a lock, mean
     * @param paced            whether the jobs come due over time (delayed, rate) rather than all at once (backlog)
     * @param medianPickupLag  job start minus due time, median
     * @param enqueueShortfall for a rate run, the producer's steady enqueue rate over the offered one when under 99%
     * @param dueWaiting       jobs due and not yet finished, median over the drain's tenths of a second
     * @param pollInterval     how often the library looks for due work as its settings say (e.g. {@code 5s}), where
     *                         it has such a knob
     */
    public record Evidence(OptionalDouble hostCpu, OptionalDouble processCpu, OptionalDouble serverCpu,
                           int workerThreads, Duration busy,
                           Duration drain, double poolWaiting, double poolWaitingPeak, String pool, double lockWaits,
                           boolean paced, Duration medianPickupLag, OptionalDouble enqueueShortfall,
                           double dueWaiting, Optional<String> pollInterval) {

        public Evidence {
            Objects.requireNonNull(hostCpu, "host CPU is required (may be empty)");
            Objects.requireNonNull(processCpu, "process CPU is required (may be empty)");
            Objects.requireNonNull(serverCpu, "server CPU is required (may be empty)");
            Objects.requireNonNull(busy, "busy time is required");
            Objects.requireNonNull(drain, "drain is required");
            Objects.requireNonNull(pool, "pool is required");
            Objects.requireNonNull(medianPickupLag, "pickup lag is required");
            Objects.requireNonNull(enqueueShortfall, "enqueue shortfall is required (may be empty)");
            Objects.requireNonNull(pollInterval, "poll interval is required (may be empty)");
            if (workerThreads < 1) {
                throw new IllegalArgumentException("a run has at least one worker thread, was " + workerThreads);
            }
        }

        /**
         * The evidence of a drain from {@code from} to {@code to}: the samples taken within it (those of the backend's
         * pool, {@code pool}), and the busy time of the workers per second.
         */
        public static Evidence over(Instant from, Instant to, List<ResourceSample> samples, TickCounts busyPerSecond,
                                    int workerThreads, String pool, boolean paced, Duration medianPickupLag,
                                    OptionalDouble enqueueShortfall, TickCounts dueNotFinished,
                                    Optional<String> pollInterval) {
            List<ResourceSample> within = samples.stream()
                    .filter(sample -> !sample.sampledAt().isBefore(from) && !sample.sampledAt().isAfter(to))
                    .toList();
            double[] waiting = within.stream().flatMap(sample -> sample.pools().stream())
                    .filter(sample -> sample.pool().equals(pool)).mapToDouble(PoolSample::waiting).toArray();
            return new Evidence(known(within, sample -> sample.jvm().hostCpuLoad()),
                    known(within, sample -> sample.jvm().processCpuLoad()),
                    known(within, sample -> sample.database().serverCpuLoad()), workerThreads,
                    Duration.ofNanos(busyPerSecond.total() * 1_000), Duration.between(from, to),
                    Arrays.stream(waiting).average().orElse(0), Arrays.stream(waiting).max().orElse(0), pool,
                    within.stream().mapToDouble(sample -> sample.database().sessionsWaitingOnLocks()).average()
                            .orElse(0), paced, medianPickupLag, enqueueShortfall,
                    medianWithin(dueNotFinished, from, to), pollInterval);
        }

        /** The median of the counts of the ticks that start within {@code from} .. {@code to}; 0 for none. */
        private static double medianWithin(TickCounts counts, Instant from, Instant to) {
            int[] values = counts.counts();
            int[] within = IntStream.range(0, values.length)
                    .filter(i -> !counts.startOf(i).isBefore(from) && counts.startOf(i).isBefore(to))
                    .map(i -> values[i]).sorted().toArray();
            if (within.length == 0) {
                return 0;
            }
            int middle = within.length / 2;
            return within.length % 2 == 1 ? within[middle] : (within[middle - 1] + within[middle]) / 2.0;
        }

        /** The mean of the values the platform told (0 or more). */
        private static OptionalDouble known(List<ResourceSample> samples, ToDoubleFunction<ResourceSample> value) {
            return samples.stream().mapToDouble(value).filter(v -> v >= 0).average();
        }

        /** The share of the worker threads' time over the drain that they spent in jobs, 0 to 1. */
        public double occupancy() {
            double capacity = (double) workerThreads * drain.toNanos();
            return capacity <= 0 ? 0 : Math.min(1, busy.toNanos() / capacity);
        }
    }

    /** The verdict the evidence gives; empty for a drain too short to read (under a second). */
    public static Optional<Bottleneck> of(Evidence evidence) {
        if (evidence.drain().compareTo(Duration.ofSeconds(1)) < 0) {
            return Optional.empty();
        }
        double occupancy = evidence.occupancy();
        String busy = percent(occupancy);
        String threads = evidence.workerThreads() == 1 ? "the 1 worker thread was"
                : "the " + evidence.workerThreads() + " worker threads were";
        if (evidence.enqueueShortfall().isPresent()) {
            return verdict(Kind.ENQUEUE, "the producer enqueued " + percent(evidence.enqueueShortfall().getAsDouble())
                    + " of the offered rate; " + threads + " busy " + busy + " of the drain", evidence);
        }
        if (evidence.poolWaiting() >= 1) {
            return verdict(Kind.POOL, String.format(Locale.ROOT, "a mean of %.1f threads (peak %.0f) waited for a"
                    + " connection of %s; %s busy %s of the drain", evidence.poolWaiting(), evidence.poolWaitingPeak(),
                    evidence.pool(), threads, busy), evidence);
        }
        boolean saturated = evidence.hostCpu().isPresent() && evidence.hostCpu().getAsDouble() >= SATURATED;
        boolean ownCoresBusy = evidence.processCpu().isEmpty() || evidence.processCpu().getAsDouble() >= OWN_CPU;
        if (occupancy >= WORKERS_BUSY && !(saturated && ownCoresBusy)) {
            return verdict(Kind.WORKERS, threads + " busy " + busy + " of the drain with the cores "
                    + cpuText(evidence) + ": the jobs themselves", evidence);
        }
        if (saturated) {
            String process = evidence.processCpu().isPresent() ? percent(evidence.processCpu().getAsDouble())
                    : "unknown";
            return verdict(Kind.CPU, "the machine's cores were " + percent(evidence.hostCpu().getAsDouble())
                    + " busy over the drain (this process " + process + serverText(evidence, ", ") + "); " + threads
                    + " busy " + busy, evidence);
        }
        if (evidence.lockWaits() >= 1) {
            return verdict(Kind.DATABASE, String.format(Locale.ROOT, "a mean of %.1f database sessions waited on a"
                    + " lock; %s busy %s of the drain", evidence.lockWaits(), threads, busy), evidence);
        }
        if (evidence.paced() && evidence.medianPickupLag().compareTo(KEPT_UP_LAG) < 0) {
            return verdict(Kind.ENQUEUE, "the workers kept up (jobs started a median of "
                    + evidence.medianPickupLag().toMillis() + " ms after due, " + threads + " busy " + busy
                    + "): the run went at the pace its jobs were enqueued", evidence);
        }
        if (occupancy < FETCH_BUSY) {
            return verdict(Kind.FETCH, "workers idle " + percent(1 - occupancy) + " of the drain while "
                    + (evidence.dueWaiting() >= 1
                            ? "a median of " + String.format(Locale.ROOT, "%,.0f", evidence.dueWaiting())
                                    + " jobs were due" : "jobs were due")
                    + (evidence.paced() ? " (a median of " + evidence.medianPickupLag().toMillis() + " ms late)" : "")
                    + ", with the cores " + cpuText(evidence) + " and no pool or lock waits: the library's fetch or"
                    + " poll cadence" + evidence.pollInterval().map(poll -> " (it polls every " + poll + ")")
                            .orElse(""), evidence);
        }
        return verdict(Kind.MIXED, "no one resource stood out: cores " + cpuText(evidence) + ", " + threads
                + " busy " + busy + String.format(Locale.ROOT, ", %.1f threads waiting for a connection, %.1f"
                + " sessions waiting on locks", evidence.poolWaiting(), evidence.lockWaits()), evidence);
    }

    /**
     * A rate run's producer's shortfall: its steady enqueue rate over the offered one, when under
     * {@link OfferOutcome#KEPT_UP_SHARE}; empty when it kept up, or enqueued too briefly to tell.
     */
    public static OptionalDouble enqueueShortfall(double offeredRate, OptionalDouble steadyEnqueueRate) {
        if (steadyEnqueueRate.isEmpty()) {
            return OptionalDouble.empty();
        }
        double share = steadyEnqueueRate.getAsDouble() / offeredRate;
        return share < OfferOutcome.KEPT_UP_SHARE ? OptionalDouble.of(share) : OptionalDouble.empty();
    }

    private static Optional<Bottleneck> verdict(Kind kind, String summary, Evidence evidence) {
        return Optional.of(new Bottleneck(kind, summary, evidence));
    }

    private static String cpuText(Evidence evidence) {
        if (evidence.hostCpu().isEmpty()) {
            return "of unknown load";
        }
        String server = serverText(evidence, "");
        return percent(evidence.hostCpu().getAsDouble()) + " busy" + (server.isEmpty() ? "" : " (" + server + ")");
    }

    /** {@code PostgreSQL 31%} after {@code separator}, or nothing for a server whose CPU is unknown. */
    private static String serverText(Evidence evidence, String separator) {
        return evidence.serverCpu().isPresent()
                ? separator + "PostgreSQL " + percent(evidence.serverCpu().getAsDouble()) : "";
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    /** {@code fetch: workers idle 71% of the drain ...}. */
    public String text() {
        return kind.wireName() + ": " + summary;
    }
}

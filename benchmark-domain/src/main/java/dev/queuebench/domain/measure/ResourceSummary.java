package dev.queuebench.domain.measure;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * A run's samples summarised: gauges as peak and mean, cumulative counters as their increase over the sampled
 * window and that increase per second. A gauge never known (the machine's or the server's CPU where they cannot be
 * read) is -1, -1.
 */
public record ResourceSummary(
        int samples,
        Duration window,
        Gauge heapUsedBytes,
        Gauge rssBytes,
        Gauge processCpuLoad,
        Gauge hostCpuLoad,
        Counter gcCount,
        Counter gcTimeMillis,
        Gauge liveThreads,
        Map<String, PoolGauges> pools,
        Counter transactionsCommitted,
        Counter tuplesInserted,
        Counter tuplesUpdated,
        Counter tuplesDeleted,
        Gauge backendTableRows,
        Gauge backendTableBytes,
        Gauge sessionsWaitingOnLocks,
        Gauge serverCpuLoad) {

    public record Gauge(double peak, double mean) {
        static final Gauge NONE = new Gauge(0, 0);
    }

    public record Counter(long increase, double perSecond) {
        static final Counter NONE = new Counter(0, 0);
    }

    public record PoolGauges(Gauge active, Gauge idle, Gauge waiting) {
    }

    public static final ResourceSummary NONE = new ResourceSummary(0, Duration.ZERO, Gauge.NONE, Gauge.NONE,
            Gauge.NONE, Gauge.NONE, Counter.NONE, Counter.NONE, Gauge.NONE, Map.of(), Counter.NONE, Counter.NONE,
            Counter.NONE, Counter.NONE, Gauge.NONE, Gauge.NONE, Gauge.NONE, Gauge.NONE);

    /** Samples in time order. */
    public static ResourceSummary of(List<ResourceSample> samples) {
        if (samples.isEmpty()) {
            return NONE;
        }
        Duration window = Duration.between(samples.get(0).sampledAt(), samples.get(samples.size() - 1).sampledAt());
        Map<String, PoolGauges> pools = new LinkedHashMap<>();
        samples.stream().flatMap(s -> s.pools().stream()).map(PoolSample::pool).distinct().forEach(pool -> {
            List<PoolSample> ofPool = samples.stream().flatMap(s -> s.pools().stream())
                    .filter(p -> p.pool().equals(pool)).toList();
            pools.put(pool, new PoolGauges(gauge(ofPool, PoolSample::active), gauge(ofPool, PoolSample::idle),
                    gauge(ofPool, PoolSample::waiting)));
        });
        return new ResourceSummary(
                samples.size(),
                window,
                gauge(samples, s -> s.jvm().heapUsedBytes()),
                gauge(samples, s -> s.jvm().rssBytes()),
                gauge(samples, s -> s.jvm().processCpuLoad()),
                gauge(samples, s -> s.jvm().hostCpuLoad()),
                counter(samples, window, s -> s.jvm().gcCount()),
                counter(samples, window, s -> s.jvm().gcTimeMillis()),
                gauge(samples, s -> s.jvm().liveThreads()),
                pools,
                counter(samples, window, s -> s.database().transactionsCommitted()),
                counter(samples, window, s -> s.database().tuplesInserted()),
                counter(samples, window, s -> s.database().tuplesUpdated()),
                counter(samples, window, s -> s.database().tuplesDeleted()),
                gauge(samples, s -> s.database().backendTableRows()),
                gauge(samples, s -> s.database().backendTableBytes()),
                gauge(samples, s -> s.database().sessionsWaitingOnLocks()),
                gauge(samples, s -> s.database().serverCpuLoad()));
    }

    /**
     * Several runs' summaries as one, e.g. over trials: gauges as the highest peak and the mean of the means,
     * counters as the total increase and the mean rate.
     */
    public static ResourceSummary combine(List<ResourceSummary> summaries) {
        List<ResourceSummary> present = summaries.stream().filter(s -> s.samples() > 0).toList();
        if (present.isEmpty()) {
            return NONE;
        }
        Map<String, PoolGauges> pools = new LinkedHashMap<>();
        present.stream().flatMap(s -> s.pools().keySet().stream()).distinct().forEach(pool -> {
            List<PoolGauges> ofPool = present.stream().map(s -> s.pools().get(pool))
                    .filter(java.util.Objects::nonNull).toList();
            pools.put(pool, new PoolGauges(combined(ofPool, PoolGauges::active), combined(ofPool, PoolGauges::idle),
                    combined(ofPool, PoolGauges::waiting)));
        });
        return new ResourceSummary(
                present.stream().mapToInt(ResourceSummary::samples).sum(),
                present.stream().map(ResourceSummary::window).reduce(Duration.ZERO, Duration::plus),
                combined(present, ResourceSummary::heapUsedBytes),
                combined(present, ResourceSummary::rssBytes),
                combined(present, ResourceSummary::processCpuLoad),
                combined(present, ResourceSummary::hostCpuLoad),
                combinedCounter(present, ResourceSummary::gcCount),
                combinedCounter(present, ResourceSummary::gcTimeMillis),
                combined(present, ResourceSummary::liveThreads),
                pools,
                combinedCounter(present, ResourceSummary::transactionsCommitted),
                combinedCounter(present, ResourceSummary::tuplesInserted),
                combinedCounter(present, ResourceSummary::tuplesUpdated),
                combinedCounter(present, ResourceSummary::tuplesDeleted),
                combined(present, ResourceSummary::backendTableRows),
                combined(present, ResourceSummary::backendTableBytes),
                combined(present, ResourceSummary::sessionsWaitingOnLocks),
                combined(present, ResourceSummary::serverCpuLoad));
    }

    private static <T> Gauge combined(List<T> values, java.util.function.Function<T, Gauge> gauge) {
        return new Gauge(values.stream().mapToDouble(v -> gauge.apply(v).peak()).max().orElse(0),
                values.stream().mapToDouble(v -> gauge.apply(v).mean()).average().orElse(0));
    }

    private static Counter combinedCounter(List<ResourceSummary> values,
                                           java.util.function.Function<ResourceSummary, Counter> counter) {
        return new Counter(values.stream().mapToLong(v -> counter.apply(v).increase()).sum(),
                values.stream().mapToDouble(v -> counter.apply(v).perSecond()).average().orElse(0));
    }

    /** Over the known values; -1 (the platform did not tell) is left out, and is the result when all are unknown. */
    private static <T> Gauge gauge(List<T> values, ToDoubleFunction<T> value) {
        double[] known = values.stream().mapToDouble(value).filter(v -> v >= 0).toArray();
        if (known.length == 0) {
            return new Gauge(-1, -1);
        }
        return new Gauge(Arrays.stream(known).max().orElseThrow(), Arrays.stream(known).average().orElseThrow());
    }

    private static Counter counter(List<ResourceSample> samples, Duration window, ToLongFunction<ResourceSample> value) {
        long increase = Math.max(0, value.applyAsLong(samples.get(samples.size() - 1))
                - value.applyAsLong(samples.get(0)));
        double seconds = window.toNanos() / 1e9;
        return new Counter(increase, seconds > 0 ? increase / seconds : 0);
    }
}

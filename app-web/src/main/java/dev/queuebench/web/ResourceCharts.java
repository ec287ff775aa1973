package dev.queuebench.web;

import dev.queuebench.domain.TickCounts;
import dev.queuebench.common.Text;
import dev.queuebench.domain.measure.PoolSample;
import dev.queuebench.domain.measure.ResourceSample;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * Lays out the run page's resource plots, small enough to sit two abreast, on the page's shared time axis: gauges
 * (memory, pools, table rows and size, lock waits) as lines through the samples, and cumulative counters (commits,
 * tuples) as their rate between consecutive samples; and the plots of where the time went: the workers' occupancy
 * second by second and the cores busy.
 */
final class ResourceCharts {

    static final ChartCanvas.Frame FRAME = new ChartCanvas.Frame(480, 196, 52, 10, 466, 166, 4);
    /** Above this many points a line is thinned: a 480-unit-wide plot shows no more. */
    static final int MAX_POINTS = 300;

    private static final double MB = 1024.0 * 1024.0;
    private static final int COLOURS = 6;
    /** Without it a reader takes the bursts for the backend's behaviour. */
    private static final String STATISTICS_DELAY = "Each PostgreSQL session publishes its counts at most about once a"
            + " second, so rates arrive in bursts.";

    /** One plot with its title, and a note when something sampled is not drawn. */
    record Plot(String title, String note, Chart chart) {
    }

    private record Gauge(String style, String label, ToDoubleFunction<ResourceSample> value) {
    }

    private record Counter(String style, String label, ToLongFunction<ResourceSample> value) {
    }

    private ResourceCharts() {
    }

    /** Needs two samples: one draws no line and gives no rate. */
    static List<Plot> of(List<ResourceSample> samples, TimeAxis axis) {
        if (samples.size() < 2) {
            return List.of();
        }
        List<Plot> plots = new ArrayList<>();
        plots.add(gauges("Memory (MB)", null, samples, axis, Long.MAX_VALUE, ResourceCharts::megabytes,
                new Gauge("line c1", "heap used", s -> s.jvm().heapUsedBytes() / MB),
                new Gauge("line c2", "resident set (RSS)", s -> known(s.jvm().rssBytes()) / MB)));
        plots.add(counters("PostgreSQL commits per second", STATISTICS_DELAY, samples, axis,
                new Counter("area c3", "commits", s -> s.database().transactionsCommitted())));
        plots.add(counters("PostgreSQL tuple changes per second", STATISTICS_DELAY, samples, axis,
                new Counter("line c3", "inserted", s -> s.database().tuplesInserted()),
                new Counter("line c4", "updated", s -> s.database().tuplesUpdated()),
                new Counter("line c5", "deleted", s -> s.database().tuplesDeleted())));
        plots.add(pools(samples, axis));
        plots.add(gauges("Sessions waiting on locks", null, samples, axis, Long.MAX_VALUE, ResourceCharts::count,
                new Gauge("area c5", "sessions waiting", s -> s.database().sessionsWaitingOnLocks())));
        plots.add(gauges("Backend table rows", null, samples, axis, Long.MAX_VALUE, ResourceCharts::count,
                new Gauge("area c4", "live rows", s -> s.database().backendTableRows())));
        plots.add(gauges("Backend table size (MB)", null, samples, axis, Long.MAX_VALUE, ResourceCharts::megabytes,
                new Gauge("area c6", "size on disk", s -> s.database().backendTableBytes() / MB)));
        return plots;
    }

    /**
     * The cores busy: this process's, the machine's, the database server's (when on this machine), the busiest core's;
     * {@code null} below two samples. On the page's "where the time went", beside {@link #workersBusy}.
     */
    static Plot cpu(List<ResourceSample> samples, TimeAxis axis) {
        if (samples.size() < 2) {
            return null;
        }
        return gauges("CPU (% of all cores)", null, samples, axis, 100, ResourceCharts::percent,
                new Gauge("area c1", "this process", s -> known(s.jvm().processCpuLoad()) * 100),
                new Gauge("line c2", "the machine", s -> known(s.jvm().hostCpuLoad()) * 100),
                new Gauge("line c3", "PostgreSQL", s -> known(s.database().serverCpuLoad()) * 100),
                new Gauge("line c5", "busiest core", s -> known(s.jvm().busiestCoreLoad()) * 100));
    }

    /**
     * The workers' occupancy second by second: the time every node's workers spent in jobs over the time their
     * threads had, in per cent; beyond {@link #MAX_POINTS} seconds, the mean of each group of seconds. {@code null}
     * before a job ran.
     */
    static Plot workersBusy(TickCounts busyMicrosPerSecond, int workerThreads, TimeAxis axis) {
        int seconds = busyMicrosPerSecond.ticks();
        if (seconds == 0) {
            return null;
        }
        int[] busy = busyMicrosPerSecond.counts();
        int size = Math.max(1, (seconds + MAX_POINTS - 1) / MAX_POINTS);
        double capacity = workerThreads * 1_000.0 * busyMicrosPerSecond.tickMillis();
        List<ChartCanvas.Step> steps = new ArrayList<>();
        double peak = 0;
        for (int from = 0; from < seconds; from += size) {
            int to = Math.min(seconds, from + size);
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += busy[i];
            }
            double percent = Math.min(100, sum / (to - from) / capacity * 100);
            steps.add(new ChartCanvas.Step(axis.seconds(busyMicrosPerSecond.startOf(from)),
                    axis.seconds(busyMicrosPerSecond.startOf(to)), percent));
            peak = Math.max(peak, percent);
        }
        String title = "Workers busy (% of " + workerThreads + (workerThreads == 1 ? " thread)" : " threads)");
        ChartCanvas canvas = ChartCanvas.of(FRAME, axis, peak, 100);
        return new Plot(title, null, canvas.chart(List.of(new Chart.Line("area c4", "busy in jobs",
                canvas.area(steps))), ResourceCharts::axisLabel, title + ": busy in jobs peak " + percent(peak)));
    }

    /**
     * The jobs due and not yet finished ({@code RunReport.dueNotFinished}), tick by tick; beyond {@link #MAX_POINTS}
     * ticks, the highest of each group, so that the peak stays. Beside the workers' occupancy it shows work that waited
     * while workers were free. {@code null} when nothing came due.
     */
    static Plot dueNotFinished(TickCounts waiting, TimeAxis axis) {
        int ticks = waiting.ticks();
        if (ticks == 0) {
            return null;
        }
        int[] counts = waiting.counts();
        int size = Math.max(1, (ticks + MAX_POINTS - 1) / MAX_POINTS);
        List<ChartCanvas.Step> steps = new ArrayList<>();
        double peak = 0;
        for (int from = 0; from < ticks; from += size) {
            int to = Math.min(ticks, from + size);
            int highest = 0;
            for (int i = from; i < to; i++) {
                highest = Math.max(highest, counts[i]);
            }
            steps.add(new ChartCanvas.Step(axis.seconds(waiting.startOf(from)), axis.seconds(waiting.startOf(to)),
                    highest));
            peak = Math.max(peak, highest);
        }
        String title = "Jobs due, not yet finished";
        ChartCanvas canvas = ChartCanvas.of(FRAME, axis, peak, Long.MAX_VALUE);
        return new Plot(title, null, canvas.chart(List.of(new Chart.Line("area c6", "due and waiting or running",
                canvas.area(steps))), ResourceCharts::axisLabel, title + ": peak " + count(peak)));
    }

    /** Connections in use and threads waiting for one, per pool; pools that stayed idle are named, not drawn. */
    private static Plot pools(List<ResourceSample> samples, TimeAxis axis) {
        Set<String> names = new LinkedHashSet<>();
        samples.forEach(sample -> sample.pools().forEach(pool -> names.add(pool.pool())));
        List<Gauge> gauges = new ArrayList<>();
        List<String> idle = new ArrayList<>();
        for (String name : names) {
            boolean busy = samples.stream().flatMap(s -> s.pools().stream())
                    .anyMatch(pool -> pool.pool().equals(name) && (pool.active() > 0 || pool.waiting() > 0));
            if (!busy) {
                idle.add(name);
                continue;
            }
            String colour = "c" + (gauges.size() / 2 % COLOURS + 1);
            gauges.add(new Gauge("line " + colour, name + " active", s -> pool(s, name, PoolSample::active)));
            gauges.add(new Gauge("line " + colour + " dashed", name + " waiting",
                    s -> pool(s, name, PoolSample::waiting)));
        }
        String note;
        if (names.isEmpty()) {
            note = "No connection pools were sampled.";
        } else if (idle.isEmpty()) {
            note = null;
        } else {
            note = "Not drawn, no connection ever in use: " + String.join(", ", idle) + ".";
        }
        return gauges("Connection pools (connections)", note, samples, axis, Long.MAX_VALUE, ResourceCharts::count,
                gauges.toArray(Gauge[]::new));
    }

    private static Plot gauges(String title, String note, List<ResourceSample> samples, TimeAxis axis, long ceiling,
                               DoubleFunction<String> format, Gauge... gauges) {
        List<List<ChartCanvas.Point>> series = new ArrayList<>();
        double peak = 0;
        for (Gauge gauge : gauges) {
            List<ChartCanvas.Point> points = thinned(samples, gauge.value(), axis);
            series.add(points);
            for (ChartCanvas.Point point : points) {
                if (!Double.isNaN(point.value())) {
                    peak = Math.max(peak, point.value());
                }
            }
        }
        ChartCanvas canvas = ChartCanvas.of(FRAME, axis, peak, ceiling);
        List<Chart.Line> lines = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        for (int i = 0; i < gauges.length; i++) {
            List<ChartCanvas.Point> points = series.get(i);
            double seriesPeak = points.stream().mapToDouble(ChartCanvas.Point::value).filter(v -> !Double.isNaN(v))
                    .max().orElse(Double.NaN);
            if (Double.isNaN(seriesPeak)) {
                // the platform does not give this figure (RSS outside Linux, CPU on some JVMs)
                continue;
            }
            String path = gauges[i].style().startsWith("area")
                    ? canvas.filled(points) : canvas.polyline(points);
            lines.add(new Chart.Line(gauges[i].style(), gauges[i].label(), path));
            summary.add(gauges[i].label() + " peak " + format.apply(seriesPeak));
        }
        String noteOrMissing = note == null && lines.isEmpty() && gauges.length > 0
                ? "Not available on this platform." : note;
        return new Plot(title, noteOrMissing, canvas.chart(lines, ResourceCharts::axisLabel,
                title + (summary.isEmpty() ? "" : ": " + String.join("; ", summary))));
    }

    private static Plot counters(String title, String note, List<ResourceSample> samples, TimeAxis axis,
                                 Counter... counters) {
        List<List<ChartCanvas.Step>> series = new ArrayList<>();
        double peak = 0;
        for (Counter counter : counters) {
            List<ChartCanvas.Step> steps = new ArrayList<>();
            for (CounterRates.Interval interval : CounterRates.merged(CounterRates.of(samples, counter.value()),
                    MAX_POINTS)) {
                steps.add(new ChartCanvas.Step(axis.seconds(interval.from()), axis.seconds(interval.to()),
                        interval.perSecond()));
                peak = Math.max(peak, interval.perSecond());
            }
            series.add(steps);
        }
        ChartCanvas canvas = ChartCanvas.of(FRAME, axis, peak, Long.MAX_VALUE);
        List<Chart.Line> lines = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        for (int i = 0; i < counters.length; i++) {
            List<ChartCanvas.Step> steps = series.get(i);
            String path = counters[i].style().startsWith("area") ? canvas.area(steps) : canvas.steps(steps);
            lines.add(new Chart.Line(counters[i].style(), counters[i].label(), path));
            double seriesPeak = steps.stream().mapToDouble(ChartCanvas.Step::value).max().orElse(0);
            summary.add(counters[i].label() + " peak " + Text.rate(seriesPeak) + "/s");
        }
        return new Plot(title, note, canvas.chart(lines, ResourceCharts::axisLabel,
                title + ": " + String.join("; ", summary)));
    }

    /**
     * A gauge at each sample, or, beyond {@link #MAX_POINTS}, the highest value of each group of consecutive samples:
     * thinning keeps the peaks the summary table reports.
     */
    private static List<ChartCanvas.Point> thinned(List<ResourceSample> samples, ToDoubleFunction<ResourceSample> value,
                                                   TimeAxis axis) {
        int size = Math.max(1, (samples.size() + MAX_POINTS - 1) / MAX_POINTS);
        List<ChartCanvas.Point> points = new ArrayList<>();
        for (int from = 0; from < samples.size(); from += size) {
            List<ResourceSample> group = samples.subList(from, Math.min(samples.size(), from + size));
            double second = group.stream().mapToDouble(s -> axis.seconds(s.sampledAt())).average().orElseThrow();
            double highest = group.stream().mapToDouble(value).filter(v -> !Double.isNaN(v)).max()
                    .orElse(Double.NaN);
            points.add(new ChartCanvas.Point(second, highest));
        }
        return points;
    }

    private static double pool(ResourceSample sample, String name, ToLongFunction<PoolSample> value) {
        return sample.pools().stream().filter(pool -> pool.pool().equals(name)).findFirst()
                .map(pool -> (double) value.applyAsLong(pool)).orElse(Double.NaN);
    }

    /** Negative means the platform did not say. */
    private static double known(double value) {
        return value < 0 ? Double.NaN : value;
    }

    private static String megabytes(double value) {
        return String.format(Locale.ROOT, "%,.1f MB", value);
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.0f%%", value);
    }

    private static String count(double value) {
        return Text.count(Math.round(value));
    }

    /** Short enough for the narrow axis: {@code 950}, {@code 25k}, {@code 1.5M}. */
    static String axisLabel(long value) {
        if (value >= 1_000_000) {
            return trimmed(value / 1_000_000.0) + "M";
        }
        if (value >= 10_000) {
            return trimmed(value / 1_000.0) + "k";
        }
        return Text.count(value);
    }

    private static String trimmed(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}

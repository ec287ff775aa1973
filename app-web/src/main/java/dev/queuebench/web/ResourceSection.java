package dev.queuebench.web;

import dev.queuebench.common.Text;
import dev.queuebench.domain.measure.ResourceSample;
import dev.queuebench.domain.measure.ResourceSummary.Counter;
import dev.queuebench.domain.measure.ResourceSummary.Gauge;
import dev.queuebench.domain.measure.ResourceSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.function.LongFunction;

/** The run page's resources: the core's summary as two small tables and a pool table, and the plots. */
final class ResourceSection {

    private static final double MB = 1024.0 * 1024.0;
    private static final String UNKNOWN = "-";
    /** Below this, counters sampled once a second say more about when they were sampled than about the run. */
    static final Duration SHORTEST_READABLE = Duration.ofSeconds(2);

    private ResourceSection() {
    }

    /** {@code null} when nothing was sampled. */
    static RunView.Resources of(List<ResourceSample> samples, ResourceSummary summary, TimeAxis axis) {
        if (samples.isEmpty() || summary.samples() == 0) {
            return null;
        }
        List<RunView.Figure> gauges = List.of(
                gauge("Heap used", "JVM heap in use", summary.heapUsedBytes(), ResourceSection::megabytes),
                gauge("RSS", "resident set of the process", summary.rssBytes(), ResourceSection::megabytes),
                gauge("Process CPU", "share of all cores", summary.processCpuLoad(), ResourceSection::percent),
                gauge("Machine CPU", "every process, share of all cores", summary.hostCpuLoad(),
                        ResourceSection::percent),
                gauge("PostgreSQL CPU", "the server's processes, when on this machine", summary.serverCpuLoad(),
                        ResourceSection::percent),
                gauge("Live threads", null, summary.liveThreads(), ResourceSection::count),
                gauge("Backend table rows", "PostgreSQL's live-row estimate", summary.backendTableRows(),
                        ResourceSection::count),
                gauge("Backend table size", "tables and their indexes", summary.backendTableBytes(),
                        ResourceSection::megabytes),
                gauge("Sessions waiting on locks", "whole server", summary.sessionsWaitingOnLocks(),
                        ResourceSection::count));
        List<RunView.Figure> counters = List.of(
                counter("GC collections", null, summary.gcCount(), Text::count, Text::rate),
                counter("GC time", "time spent collecting", summary.gcTimeMillis(),
                        millis -> Text.duration(Duration.ofMillis(millis)),
                        perSecond -> String.format(Locale.ROOT, "%.1f ms", perSecond)),
                counter("Commits", "whole database, Queue Bench's own writes included",
                        summary.transactionsCommitted(), Text::count, Text::rate),
                counter("Tuples inserted", null, summary.tuplesInserted(), Text::count, Text::rate),
                counter("Tuples updated", null, summary.tuplesUpdated(), Text::count, Text::rate),
                counter("Tuples deleted", null, summary.tuplesDeleted(), Text::count, Text::rate));
        List<RunView.PoolRow> pools = new ArrayList<>();
        summary.pools().forEach((pool, figures) -> pools.add(new RunView.PoolRow(pool,
                peakAndMean(figures.active()), peakAndMean(figures.idle()), peakAndMean(figures.waiting()))));
        String sampled = Text.count(summary.samples()) + (summary.samples() == 1 ? " sample" : " samples")
                + " over " + Text.duration(summary.window())
                + ", from the start of scheduling until the run finished or stalled"
                + (summary.window().compareTo(SHORTEST_READABLE) < 0
                        ? ". Too short to read: the per-second figures rest on " + Text.duration(summary.window())
                                + ", and PostgreSQL's counters, which its sessions report about once a second, may"
                                + " not have moved yet"
                        : "");
        return new RunView.Resources(sampled, gauges, counters, pools, ResourceCharts.of(samples, axis));
    }

    private static RunView.Figure gauge(String name, String hint, Gauge gauge, DoubleFunction<String> format) {
        // the platform reports -1 for a figure it does not have (RSS outside Linux)
        if (gauge.peak() < 0) {
            return new RunView.Figure(name, hint, UNKNOWN, UNKNOWN);
        }
        return new RunView.Figure(name, hint, format.apply(gauge.peak()), format.apply(gauge.mean()));
    }

    private static RunView.Figure counter(String name, String hint, Counter counter,
                                          LongFunction<String> increase,
                                          DoubleFunction<String> perSecond) {
        return new RunView.Figure(name, hint, increase.apply(counter.increase()),
                perSecond.apply(counter.perSecond()));
    }

    private static String peakAndMean(Gauge gauge) {
        return Text.count(Math.round(gauge.peak())) + " / " + String.format(Locale.ROOT, "%,.1f", gauge.mean());
    }

    private static String megabytes(double bytes) {
        return String.format(Locale.ROOT, "%,.1f MB", bytes / MB);
    }

    private static String percent(double load) {
        return String.format(Locale.ROOT, "%.1f%%", load * 100);
    }

    private static String count(double value) {
        return value == Math.rint(value) ? Text.count((long) value) : String.format(Locale.ROOT, "%,.1f", value);
    }
}

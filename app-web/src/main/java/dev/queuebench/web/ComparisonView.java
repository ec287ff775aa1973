package dev.queuebench.web;

import dev.queuebench.common.HtmlReport;
import dev.queuebench.common.Text;
import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.measure.Bottleneck;
import dev.queuebench.domain.measure.LatencyKind;
import dev.queuebench.domain.measure.ThroughputSeries;
import dev.queuebench.domain.measure.TrialStatistics;
import dev.queuebench.ports.in.AvailableBackend;
import dev.queuebench.ports.in.BackendDescriptor;
import dev.queuebench.ports.in.RunLatencies;
import dev.queuebench.ports.in.RunReport;
import dev.queuebench.ports.in.TrialMetric;
import dev.queuebench.ports.in.TrialResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds the {@link ReportView} of runs side by side, for the comparison page and the one-file report alike.
 */
final class ComparisonView {

    /** Lines of an overlaid chart take these colours in turn. */
    private static final int COLOURS = 6;
    /** Facts that say where, not how: the same benchmark on another database address is the same benchmark. */
    private static final Set<String> NOT_SETTINGS = Set.of("database.url", "backend.id");
    private static final String NONE = "-";

    private ComparisonView() {
    }

    /**
     * @param standalone the one-file report (sections below, the stylesheet inline) rather than the server's page
     * @param css        the stylesheet to inline, or {@code null}
     * @param download   where the page offers itself as one file, or {@code null}
     */
    static ReportView of(HtmlReport report, boolean standalone, String css, String download) {
        List<BackendDescriptor> descriptors = report.backends().stream().map(AvailableBackend::descriptor).toList();
        List<RunView> runs = report.runs().stream()
                .map(run -> RunPage.view(run, Optional.ofNullable(report.latencies().get(run.run().id())),
                        descriptors, Optional.empty()))
                .toList();
        TrialMetric headline = TrialMetric.headlineOf(report.runs().get(0).run().spec().workload());
        Function<RunReport, String> href = run -> standalone ? "#run-" + run.run().id() : "/runs/" + run.run().id();
        OptionalDouble reference = referenceFigure(report.runs(), headline, descriptors);
        return new ReportView(standalone, report.title(), Text.time(report.generatedAt()), css, download,
                report.runs().stream().map(run -> row(run, href.apply(run), headline, reference)).toList(),
                trialRows(report.results(), headline, descriptors),
                report.results().isEmpty() ? null : label(headline),
                throughput(report.runs()).orElse(null),
                latencies(report).orElse(null),
                report.runs().stream().map(run -> new ReportView.Verdict(name(run), href.apply(run),
                        run.bottleneck().map(b -> b.kind().wireName()).orElse(NONE),
                        run.bottleneck().map(Bottleneck::summary).orElse("no verdict: the drain was too short to"
                                + " read, or the run did not finish"))).toList(),
                resources(report.runs(), runs),
                knobs(report.runs()),
                report.commands(), runs);
    }

    private static ReportView.Row row(RunReport report, String href, TrialMetric headline, OptionalDouble reference) {
        OptionalDouble figure = headline.valueOf(report);
        String ratio = figure.isPresent() && reference.isPresent() && reference.getAsDouble() != 0
                ? String.format(Locale.ROOT, "%.2fx", figure.getAsDouble() / reference.getAsDouble()) : NONE;
        return new ReportView.Row(report.run().id().value(), href, report.run().backend().value(),
                report.profile().map(profile -> profile.wireName()).orElse(NONE),
                Text.workload(report.run().spec()), Text.count(report.run().jobsCount()), Text.status(report),
                rate(report.jobsPerSecond()), rate(report.steadyRate()),
                report.endToEnd().isEmpty() ? NONE : Text.micros(report.endToEnd().p99()), ratio,
                Text.count(report.completions().missingJobs()),
                Text.count(report.completions().duplicateExecutions()),
                report.bottleneck().map(Bottleneck::kind).map(kind -> kind.wireName()).orElse(NONE));
    }

    /**
     * The headline of the first run of the reference backend that did the same workload as the first run: what each
     * run's ratio is to. Empty when no such run is among them.
     */
    private static OptionalDouble referenceFigure(List<RunReport> runs, TrialMetric headline,
                                                  List<BackendDescriptor> descriptors) {
        Set<BackendId> references = references(descriptors);
        RunReport first = runs.get(0);
        return runs.stream()
                .filter(run -> references.contains(run.run().backend()))
                .filter(run -> run.run().spec().workload().equals(first.run().spec().workload())
                        && run.run().jobsCount() == first.run().jobsCount())
                .map(headline::valueOf).filter(OptionalDouble::isPresent).findFirst().orElse(OptionalDouble.empty());
    }

    private static Set<BackendId> references(List<BackendDescriptor> descriptors) {
        return descriptors.stream().filter(BackendDescriptor::reference).map(BackendDescriptor::id)
                .collect(Collectors.toSet());
    }

    private static String rate(OptionalDouble rate) {
        return rate.isPresent() ? Text.rate(rate.getAsDouble()) : NONE;
    }

    /** Each backend's headline over its trials, with its ratio to the reference's in the same comparison. */
    private static List<ReportView.TrialRow> trialRows(List<TrialResult> results, TrialMetric headline,
                                                       List<BackendDescriptor> descriptors) {
        Set<BackendId> references = references(descriptors);
        Optional<TrialStatistics> reference = results.stream().filter(result -> references.contains(result.backend()))
                .findFirst().map(result -> result.statistics().get(headline));
        List<ReportView.TrialRow> rows = new ArrayList<>();
        for (TrialResult result : results) {
            TrialStatistics stats = result.statistics().get(headline);
            String trials = Text.count(result.trials().size())
                    + (result.warmups() > 0 ? " (+" + result.warmups() + " warm-up)" : "");
            if (stats == null) {
                rows.add(new ReportView.TrialRow(result.backend().value(), trials, NONE, NONE, NONE, NONE));
                continue;
            }
            String ratio = reference.filter(ref -> ref.mean() != 0)
                    .map(ref -> String.format(Locale.ROOT, "%.2fx", stats.mean() / ref.mean())).orElse(NONE);
            rows.add(new ReportView.TrialRow(result.backend().value(), trials, Text.rate(stats.mean()),
                    stats.ci95().map(ci -> Text.rate(ci.low()) + " .. " + Text.rate(ci.high()))
                            .orElse("too few trials (" + TrialStatistics.MIN_TRIALS_FOR_AN_INTERVAL + "+)"),
                    stats.cv().isPresent() ? String.format(Locale.ROOT, "%.1f%%", stats.cv().getAsDouble() * 100)
                            : NONE,
                    ratio));
        }
        return rows;
    }

    private static String label(TrialMetric metric) {
        return switch (metric) {
            case STEADY_RATE -> "steady rate (jobs/s)";
            case END_TO_END_P99_MS -> "end-to-end p99 (ms)";
            default -> metric.key();
        };
    }

    /** Completions per second of every run, each moved so that its first enqueue is at zero. */
    private static Optional<Chart> throughput(List<RunReport> runs) {
        List<ThroughputSeries> moved = new ArrayList<>();
        double longest = 0;
        for (RunReport run : runs) {
            ThroughputSeries completions = run.completionsPerSecond();
            ThroughputSeries enqueues = run.enqueuesPerSecond();
            if (completions.seconds() == 0) {
                moved.add(ThroughputSeries.EMPTY);
                continue;
            }
            long origin = enqueues.seconds() > 0
                    ? Math.min(enqueues.startEpochSecond(), completions.startEpochSecond())
                    : completions.startEpochSecond();
            ThroughputSeries shifted = new ThroughputSeries(completions.startEpochSecond() - origin,
                    completions.counts());
            moved.add(shifted);
            longest = Math.max(longest, shifted.startEpochSecond() + shifted.seconds());
        }
        if (longest == 0) {
            return Optional.empty();
        }
        TimeAxis axis = TimeAxis.overlaid(longest);
        long bucket = Math.max(1, (long) Math.ceil(axis.span() / ThroughputChart.MAX_STEPS));
        List<List<ChartCanvas.Step>> steps = moved.stream()
                .map(series -> series.seconds() == 0 ? List.<ChartCanvas.Step>of()
                        : ThroughputChart.steps(series, bucket, axis))
                .toList();
        double peak = steps.stream().flatMap(List::stream).mapToDouble(ChartCanvas.Step::value).max().orElse(0);
        ChartCanvas canvas = ChartCanvas.of(ThroughputChart.FRAME, axis, peak, Long.MAX_VALUE);
        List<Chart.Line> lines = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            if (!steps.get(i).isEmpty()) {
                lines.add(new Chart.Line("line " + colour(runs, i), name(runs.get(i)), canvas.steps(steps.get(i))));
            }
        }
        return Optional.of(canvas.chart(lines, Text::count, "Completions per second of " + lines.size()
                + " runs, each from its first enqueue, peak " + Text.count(Math.round(peak)) + "/s"));
    }

    /** The end-to-end latency of every run by percentile, one line each. */
    private static Optional<Chart> latencies(HtmlReport report) {
        List<LatencyChart.Series> series = new ArrayList<>();
        for (int i = 0; i < report.runs().size(); i++) {
            RunReport run = report.runs().get(i);
            RunLatencies latencies = report.latencies().get(run.run().id());
            if (latencies != null) {
                series.add(new LatencyChart.Series(name(run), colour(report.runs(), i),
                        latencies.of(LatencyKind.END_TO_END).distribution()));
            }
        }
        return LatencyChart.of(series);
    }

    /**
     * What each run used, a column per run: the run page's figures by name, a gauge as its peak and mean, a counter
     * per second. {@code null} when no run was sampled.
     */
    private static ReportView.SideBySide resources(List<RunReport> reports, List<RunView> runs) {
        Map<String, ReportView.SideRow> rows = new LinkedHashMap<>();
        List<Map<String, String>> byRun = new ArrayList<>();
        for (RunView run : runs) {
            Map<String, String> values = new LinkedHashMap<>();
            if (run.resources() != null) {
                for (RunView.Figure gauge : run.resources().gauges()) {
                    String name = gauge.name() + " peak / mean";
                    rows.putIfAbsent(name, new ReportView.SideRow(name, gauge.hint(), List.of()));
                    values.put(name, gauge.first() + " / " + gauge.second());
                }
                for (RunView.Figure counter : run.resources().counters()) {
                    String name = counter.name() + " per second";
                    rows.putIfAbsent(name, new ReportView.SideRow(name, counter.hint(), List.of()));
                    values.put(name, counter.second());
                }
            }
            byRun.add(values);
        }
        if (rows.isEmpty()) {
            return null;
        }
        return new ReportView.SideBySide(reports.stream().map(ComparisonView::name).toList(),
                rows.values().stream().map(row -> new ReportView.SideRow(row.name(), row.hint(),
                        byRun.stream().map(values -> values.getOrDefault(row.name(), NONE)).toList())).toList());
    }

    /**
     * The facts of the runs' fingerprints (knobs, profile, JVM, PostgreSQL settings, machine) whose values are not
     * the same in every run, a column per run; {@code null} for one run or when all agree.
     */
    private static ReportView.SideBySide knobs(List<RunReport> runs) {
        if (runs.size() < 2) {
            return null;
        }
        Set<String> keys = new TreeSet<>();
        runs.forEach(run -> keys.addAll(run.environment().keySet()));
        keys.removeAll(NOT_SETTINGS);
        List<ReportView.SideRow> rows = new ArrayList<>();
        for (String key : keys) {
            List<String> values = runs.stream().map(run -> run.environment().getOrDefault(key, NONE)).toList();
            if (new LinkedHashSet<>(values).size() > 1) {
                rows.add(new ReportView.SideRow(key, null, values));
            }
        }
        return rows.isEmpty() ? null
                : new ReportView.SideBySide(runs.stream().map(ComparisonView::name).toList(), rows);
    }

    static String name(RunReport run) {
        return run.run().backend().value() + " #" + run.run().id();
    }

    /**
     * A backend's runs share its colour (backends in the order they first appear), so that its trials read as one;
     * every other run of a backend is dashed, so that two runs of one backend can still be told apart.
     */
    private static String colour(List<RunReport> runs, int index) {
        BackendId backend = runs.get(index).run().backend();
        List<BackendId> backends = runs.stream().map(run -> run.run().backend()).distinct().toList();
        long earlier = runs.subList(0, index).stream().filter(run -> run.run().backend().equals(backend)).count();
        return "c" + (backends.indexOf(backend) % COLOURS + 1) + (earlier % 2 == 1 ? " dashed" : "");
    }
}

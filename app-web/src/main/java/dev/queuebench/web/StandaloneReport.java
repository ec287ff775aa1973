package dev.queuebench.web;

import dev.queuebench.common.HtmlReport;
import dev.queuebench.common.HtmlReportRenderer;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes the self-contained HTML report ({@code show --format html}, {@code report}, {@code compare --format html}):
 * the run page's sections for each run, under a table of all of them, their completions over time and their latency
 * distributions overlaid, and the commands that reproduce them; the stylesheet inlined, no script. Found by the CLI
 * through {@link HtmlReportRenderer#find()}.
 */
public final class StandaloneReport implements HtmlReportRenderer {

    /** Lines of an overlaid chart take these colours in turn. */
    private static final int COLOURS = 6;

    private final Views views = new Views();

    @Override
    public String render(HtmlReport report) {
        return views.render("report.jte", view(report));
    }

    static ReportView view(HtmlReport report) {
        List<BackendDescriptor> descriptors = report.backends().stream().map(AvailableBackend::descriptor).toList();
        List<RunView> runs = report.runs().stream()
                .map(run -> RunPage.view(run, Optional.ofNullable(report.latencies().get(run.run().id())),
                        descriptors))
                .toList();
        TrialMetric headline = TrialMetric.headlineOf(report.runs().get(0).run().spec().workload());
        return new ReportView(report.title(), Text.time(report.generatedAt()), stylesheet(),
                report.runs().stream().map(StandaloneReport::row).toList(),
                trialRows(report.results(), headline, descriptors),
                report.results().isEmpty() ? null : label(headline),
                throughput(report.runs()).orElse(null),
                latencies(report).orElse(null),
                report.commands(), runs);
    }

    private static ReportView.Row row(RunReport report) {
        return new ReportView.Row(report.run().id().value(), "#run-" + report.run().id(),
                report.run().backend().value(),
                report.profile().map(profile -> profile.wireName()).orElse("-"),
                Text.workload(report.run().spec()), Text.count(report.run().jobsCount()), Text.status(report),
                rate(report.jobsPerSecond()), rate(report.steadyRate()),
                report.endToEnd().isEmpty() ? "-" : Text.micros(report.endToEnd().p99()),
                Text.count(report.completions().missingJobs()),
                Text.count(report.completions().duplicateExecutions()),
                report.bottleneck().map(Bottleneck::kind).map(kind -> kind.wireName()).orElse("-"));
    }

    private static String rate(OptionalDouble rate) {
        return rate.isPresent() ? Text.rate(rate.getAsDouble()) : "-";
    }

    /** Each backend's headline over its trials, with its ratio to the reference's in the same comparison. */
    private static List<ReportView.TrialRow> trialRows(List<TrialResult> results, TrialMetric headline,
                                                       List<BackendDescriptor> descriptors) {
        Set<BackendId> references = descriptors.stream().filter(BackendDescriptor::reference)
                .map(BackendDescriptor::id).collect(Collectors.toSet());
        Optional<TrialStatistics> reference = results.stream().filter(result -> references.contains(result.backend()))
                .findFirst().map(result -> result.statistics().get(headline));
        List<ReportView.TrialRow> rows = new ArrayList<>();
        for (TrialResult result : results) {
            TrialStatistics stats = result.statistics().get(headline);
            String trials = Text.count(result.trials().size())
                    + (result.warmups() > 0 ? " (+" + result.warmups() + " warm-up)" : "");
            if (stats == null) {
                rows.add(new ReportView.TrialRow(result.backend().value(), trials, "-", "-", "-", "-"));
                continue;
            }
            String ratio = reference.filter(ref -> ref.mean() != 0)
                    .map(ref -> String.format(Locale.ROOT, "%.2fx", stats.mean() / ref.mean())).orElse("-");
            rows.add(new ReportView.TrialRow(result.backend().value(), trials, figure(stats.mean()),
                    stats.ci95().map(ci -> figure(ci.low()) + " .. " + figure(ci.high()))
                            .orElse("too few trials (" + TrialStatistics.MIN_TRIALS_FOR_AN_INTERVAL + "+)"),
                    stats.cv().isPresent() ? String.format(Locale.ROOT, "%.1f%%", stats.cv().getAsDouble() * 100)
                            : "-",
                    ratio));
        }
        return rows;
    }

    private static String figure(double value) {
        return Text.rate(value);
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
                lines.add(new Chart.Line("line " + colour(i), name(runs.get(i)), canvas.steps(steps.get(i))));
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
                series.add(new LatencyChart.Series(name(run), colour(i),
                        latencies.of(LatencyKind.END_TO_END).distribution()));
            }
        }
        return LatencyChart.of(series);
    }

    private static String name(RunReport run) {
        return run.run().backend().value() + " #" + run.run().id();
    }

    private static String colour(int index) {
        return "c" + (index % COLOURS + 1);
    }

    private static String stylesheet() {
        try (InputStream css = StandaloneReport.class.getResourceAsStream("/public/style.css")) {
            if (css == null) {
                throw new IllegalStateException("the stylesheet /public/style.css is missing from the classpath");
            }
            return new String(css.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.queuebench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.queuebench.common.BencherMetrics;
import dev.queuebench.common.Bench;
import dev.queuebench.common.RunJson;
import dev.queuebench.common.SweepJson;
import dev.queuebench.common.Text;
import dev.queuebench.common.TrialResultJson;
import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.CompletionCounts;
import dev.queuebench.domain.Profile;
import dev.queuebench.domain.SteadyState;
import dev.queuebench.domain.SweepPlan;
import dev.queuebench.domain.TrialSpread;
import dev.queuebench.domain.Workload;
import dev.queuebench.domain.measure.LatencySummary;
import dev.queuebench.domain.measure.ResourceSummary;
import dev.queuebench.domain.measure.StatementTime;
import dev.queuebench.domain.measure.TrialStatistics;
import dev.queuebench.ports.in.AvailableBackend;
import dev.queuebench.ports.in.BackendDescriptor;
import dev.queuebench.ports.in.RunFault;
import dev.queuebench.ports.in.RunReport;
import dev.queuebench.ports.in.SweepResult;
import dev.queuebench.ports.in.TrialMetric;
import dev.queuebench.ports.in.TrialResult;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Prints run reports as a table for people or as the JSON objects scripts read. */
final class ReportPrinter {

    private final PrintWriter out;
    private final OutputFormat format;

    ReportPrinter(PrintWriter out, OutputFormat format) {
        this.out = out;
        this.format = format;
    }

    void printRun(RunReport report) {
        if (format == OutputFormat.bmf) {
            out.println(BencherMetrics.json(BencherMetrics.ofRuns(List.of(report))));
        } else if (format == OutputFormat.json) {
            out.println(json(RunJson.of(report)));
        } else if (format == OutputFormat.csv) {
            CsvOutput.writeRuns(List.of(RunJson.of(report)), out);
        } else {
            printSummary(report);
        }
        out.flush();
    }

    void printRuns(List<RunReport> reports) {
        if (format == OutputFormat.json) {
            out.println(json(reports.stream().map(RunJson::of).toList()));
        } else if (format == OutputFormat.csv) {
            CsvOutput.writeRuns(reports.stream().map(RunJson::of).toList(), out);
        } else if (reports.isEmpty()) {
            out.println("No runs yet. Start one: queue-bench run --backend " + BackendChoice.registered().stream()
                    .findFirst().map(backend -> backend.descriptor().id().value()).orElse("ID")
                    + " --jobs 10000");
        } else {
            String header = String.format("%6s  %-14s %10s  %-10s  %-19s  %12s  %12s  %10s  %s",
                    "ID", "BACKEND", "JOBS", "MODE", "CREATED", "SCHEDULING", "RUN", "JOBS/S", "STATUS");
            out.println(header);
            for (RunReport report : reports) {
                BenchmarkRun run = report.run();
                out.println(String.format("%6d  %-14s %10s  %-10s  %-19s  %12s  %12s  %10s  %s",
                        run.id().value(), run.backend(), Text.count(run.jobsCount()),
                        run.spec().schedulingMode().wireName(), Text.time(run.timeline().createdAt()),
                        Text.duration(report.schedulingDuration()), Text.duration(report.runDuration()),
                        report.jobsPerSecond().isPresent() ? Text.rate(report.jobsPerSecond().getAsDouble()) : "-",
                        Text.status(report)));
            }
        }
        out.flush();
    }

    /**
     * One backend's trials: each run, then statistics per metric. JSON: the trial result object; CSV: the runs.
     */
    void printTrials(TrialResult result) {
        if (format == OutputFormat.bmf) {
            out.println(BencherMetrics.json(BencherMetrics.ofTrials(List.of(result))));
        } else if (format == OutputFormat.json) {
            out.println(json(TrialResultJson.of(result)));
        } else if (format == OutputFormat.csv) {
            CsvOutput.writeRuns(result.trials().stream().map(RunJson::of).toList(), out);
        } else {
            printRuns(result.trials());
            out.println();
            printStatistics(List.of(result));
        }
        out.flush();
    }

    /**
     * Backends side by side, one column each (means over the trials, with their 95% interval when there are
     * several), then the statistics. JSON: an array of trial result objects; CSV: every trial's run.
     */
    void printComparison(List<TrialResult> results) {
        if (format == OutputFormat.bmf) {
            out.println(BencherMetrics.json(BencherMetrics.ofTrials(results)));
            out.flush();
            return;
        }
        if (format == OutputFormat.json) {
            out.println(json(results.stream().map(TrialResultJson::of).toList()));
            out.flush();
            return;
        }
        if (format == OutputFormat.csv) {
            CsvOutput.writeRuns(results.stream().flatMap(r -> r.trials().stream()).map(RunJson::of).toList(), out);
            out.flush();
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(column(results, "", result -> label(result, results)));
        rows.add(column(results, "profile", ReportPrinter::profileOf));
        rows.add(column(results, "runs", result -> result.trials().stream()
                .map(report -> report.run().id().toString()).collect(Collectors.joining(","))));
        if (results.stream().anyMatch(result -> result.warmups() > 0)) {
            rows.add(column(results, "warm-ups (discarded)", result -> Integer.toString(result.warmups())));
        }
        rows.add(column(results, "status", result -> result.allFinished() ? "finished"
                : result.trials().stream().map(Text::status).collect(Collectors.joining("; "))));
        rows.add(column(results, "scheduling duration", result -> Text.duration(mean(result.trials(),
                r -> r.schedulingDuration().map(d -> d.toNanos() / 1e6)).map(ms -> Duration.ofNanos((long) (ms * 1e6))))));
        rows.add(column(results, "run duration", result -> statistic(result, TrialMetric.RUN_DURATION_MS,
                ms -> Text.duration(Duration.ofNanos((long) (ms * 1e6))))));
        rows.add(column(results, "workload", result -> Text.workload(result.trials().get(0).run().spec())));
        rows.add(column(results, "jobs/s", result -> statistic(result, TrialMetric.JOBS_PER_SECOND, Text::rate)));
        if (results.stream().anyMatch(result -> result.statistics().containsKey(TrialMetric.DRAIN_RATE))) {
            rows.add(column(results, "drain rate", result -> statistic(result, TrialMetric.DRAIN_RATE, Text::rate)));
        }
        rows.add(column(results, "steady rate", result -> statistic(result, TrialMetric.STEADY_RATE, Text::rate)));
        rows.add(column(results, "start-up", result -> orDash(mean(result.trials(),
                r -> r.startUp().map(d -> d.toNanos() / 1e6)).map(ms -> Duration.ofNanos((long) (ms * 1e6))))));
        rows.add(column(results, "tail", result -> orDash(mean(result.trials(),
                r -> r.tail().map(d -> d.toNanos() / 1e6)).map(ms -> Duration.ofNanos((long) (ms * 1e6))))));
        if (results.stream().anyMatch(result -> result.statistics().containsKey(TrialMetric.ACHIEVED_RATE))) {
            rows.add(column(results, "achieved rate", result -> statistic(result, TrialMetric.ACHIEVED_RATE,
                    Text::rate)));
            rows.add(column(results, "kept up", result -> result.trials().stream()
                    .map(r -> r.offer().map(offer -> offer.keptUp() ? "yes" : "no").orElse("-"))
                    .collect(Collectors.joining(","))));
            rows.add(column(results, "end-to-end p99", result -> statistic(result, TrialMetric.END_TO_END_P99_MS,
                    ms -> Text.micros((long) (ms * 1_000)))));
        }
        rows.add(column(results, "pickup lag p50", result -> mean(result.trials(),
                r -> r.pickupLag().isEmpty() ? Optional.empty() : Optional.of(r.pickupLag().p50() / 1_000.0))
                .map(ms -> Text.micros((long) (ms * 1_000))).orElse("-")));
        rows.add(column(results, "pickup lag p99", result -> statistic(result, TrialMetric.PICKUP_LAG_P99_MS,
                ms -> Text.micros((long) (ms * 1_000)))));
        if (results.stream().anyMatch(result -> result.trials().stream().anyMatch(r -> r.bottleneck().isPresent()))) {
            rows.add(column(results, "bound by", ReportPrinter::boundBy));
        }
        rows.add(column(results, "completed", result -> sum(result, r -> r.completions().distinctCompleted())));
        rows.add(column(results, "duplicates", result -> sum(result, r -> r.completions().duplicateExecutions())));
        rows.add(column(results, "missing", result -> sum(result, r -> r.completions().missingJobs())));
        referenceRow(results).ifPresent(rows::add);
        if (results.stream().anyMatch(result -> result.trials().size() > 1)) {
            rows.add(column(results, "CV " + headline(results).key(), result -> cv(result, headline(results))));
        }
        printColumns(rows);
        printSpreadReasons(results, headline(results));
        if (results.stream().anyMatch(result -> result.trials().size() > 1)) {
            out.println();
            printStatistics(results);
        }
        out.flush();
    }

    /** Each trial's verdict, once when they agree: {@code fetch}, {@code cpu,cpu,mixed}; {@code -} for none. */
    private static String boundBy(TrialResult result) {
        List<String> verdicts = result.trials().stream()
                .map(r -> r.bottleneck().map(b -> b.kind().wireName()).orElse("-")).toList();
        return verdicts.stream().distinct().count() == 1 ? verdicts.get(0) : String.join(",", verdicts);
    }

    /** Beside a coefficient of variation above the goal, why the trials differ, where what they recorded says. */
    private void printSpreadReasons(List<TrialResult> results, TrialMetric headline) {
        if (headline != TrialMetric.STEADY_RATE) {
            return;
        }
        for (TrialResult result : results) {
            TrialStatistics stats = result.statistics().get(headline);
            if (stats == null || stats.cv().isEmpty()) {
                continue;
            }
            List<SteadyState> steady = result.trials().stream().flatMap(r -> r.steadyCompletions().stream()).toList();
            TrialSpread.reasonFor(stats.cv().getAsDouble(), steady).ifPresent(reason -> out.println(
                    String.format(Locale.ROOT, "CV of %s %.1f%%, above %.0f%%: %s", label(result, results),
                            stats.cv().getAsDouble() * 100, TrialSpread.CV_GOAL * 100, reason)));
        }
    }


    /**
     * A sweep: its plan, one row per point (the figure it is judged by, latency, whether it passed) and the peak.
     * JSON: the sweep object; CSV: one row per point, with its run's columns.
     */
    void printSweep(SweepResult sweep) {
        if (format == OutputFormat.json) {
            out.println(json(SweepJson.of(sweep)));
            out.flush();
            return;
        }
        if (format == OutputFormat.csv) {
            CsvOutput.writeSweep(SweepJson.of(sweep), out);
            out.flush();
            return;
        }
        SweepPlan plan = sweep.plan();
        boolean threads = plan.kind() == SweepPlan.Kind.THREADS;
        out.println("Sweep " + sweep.id() + "  " + plan.backend() + "  " + plan.kind().wireName() + " "
                + SweepPlan.format(plan.values()) + "  " + (threads
                        ? "a backlog of " + Text.count(plan.jobs().value()) + " jobs at each thread count"
                        : "each rate for " + Text.duration(plan.duration()) + ", end-to-end p99 within "
                                + Text.duration(plan.slo()))
                + "  " + plan.schedulingMode().wireName() + "  job work " + plan.jobWork().workText()
                + (plan.jobWork().payloadBytes() > 0 ? ", payload " + plan.jobWork().payloadText() : ""));
        out.println();
        List<String[]> rows = new ArrayList<>();
        rows.add(threads
                ? new String[] {"threads", "run", "drain jobs/s", "pickup p50", "pickup p99", "status"}
                : new String[] {"offered/s", "run", "achieved/s", "kept up", "e2e p50", "e2e p99", "passed",
                    "status"});
        for (SweepResult.Point point : sweep.points()) {
            RunReport report = point.report();
            Double figure = SweepJson.figureOf(plan, point);
            String figureText = figure == null ? "-" : Text.rate(figure);
            rows.add(threads
                    ? new String[] {SweepPlan.format(List.of(point.value())), report.run().id().toString(), figureText,
                        p(report.pickupLag(), LatencySummary::p50), p(report.pickupLag(), LatencySummary::p99),
                        Text.status(report)}
                    : new String[] {SweepPlan.format(List.of(point.value())), report.run().id().toString(), figureText,
                        report.offer().map(offer -> offer.keptUp() ? "yes" : "no").orElse("-"),
                        p(report.endToEnd(), LatencySummary::p50), p(report.endToEnd(), LatencySummary::p99),
                        point.passed() ? "yes" : "no", Text.status(report)});
        }
        printColumns(rows);
        out.println();
        out.println(sweep.peak().map(peak -> threads
                ? "peak: " + Text.rate(SweepJson.figureOf(plan, peak)) + " jobs/s drained at "
                        + SweepPlan.format(List.of(peak.value())) + " threads (run " + peak.report().run().id() + ")"
                : "peak: " + Text.rate(peak.value()) + " jobs/s sustained, end-to-end p99 "
                        + Text.micros(peak.report().endToEnd().p99()) + " (run " + peak.report().run().id() + ")")
                .orElse(threads ? "no peak: no point finished"
                        : "no peak: no rate was kept up with an end-to-end p99 within " + Text.duration(plan.slo())));
        if (!threads && sweep.points().size() < plan.values().size()) {
            out.println("stopped after " + SweepPlan.FAILURES_TO_STOP + " failed points in a row; not run: "
                    + SweepPlan.format(plan.values().subList(sweep.points().size(), plan.values().size())));
        }
        out.flush();
    }

    private static String p(LatencySummary summary, java.util.function.ToLongFunction<LatencySummary> percentile) {
        return summary.isEmpty() ? "-" : Text.micros(percentile.applyAsLong(summary));
    }

    /**
     * The same comparison at several node counts: each count's comparison, then the scaling table (each backend's
     * headline figure by node count, its ratio to one count's, and how evenly the nodes shared the work). JSON and
     * CSV: as {@link #printComparison}, every result in the order it ran.
     */
    void printScaling(Map<Integer, List<TrialResult>> byNodes) {
        List<TrialResult> all = byNodes.values().stream().flatMap(List::stream).toList();
        if (format != OutputFormat.table) {
            printComparison(all);
            return;
        }
        byNodes.forEach((nodes, results) -> {
            out.println(nodes + (nodes == 1 ? " node" : " nodes") + ":");
            printComparison(results);
            out.println();
        });
        TrialMetric headline = headline(all);
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("scaling: " + headline.key()));
        byNodes.keySet().forEach(nodes -> header.add(nodes + (nodes == 1 ? " node" : " nodes")));
        rows.add(header.toArray(String[]::new));
        List<TrialResult> first = byNodes.values().iterator().next();
        for (int backend = 0; backend < first.size(); backend++) {
            List<String> row = new ArrayList<>(List.of(first.get(backend).backend().value()));
            TrialStatistics base = first.get(backend).statistics().get(headline);
            for (List<TrialResult> results : byNodes.values()) {
                TrialResult result = results.get(backend);
                TrialStatistics stats = result.statistics().get(headline);
                OptionalDouble fairness = result.trials().stream().map(RunReport::fairness)
                        .filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble).average();
                row.add(stats == null ? "-" : number(stats.mean())
                        + (base == null || base.mean() == 0 || result == first.get(backend) ? ""
                                : String.format(Locale.ROOT, " (%.2fx", stats.mean() / base.mean())
                                        + (fairness.isPresent()
                                                ? String.format(Locale.ROOT, ", fairness %.2f)", fairness.getAsDouble())
                                                : ")")));
            }
            rows.add(row.toArray(String[]::new));
        }
        printColumns(rows);
        out.flush();
    }

    /**
     * Per backend and injected fault: when it hit, how long until the jobs a killed node was running had run elsewhere
     * (or a paused node resumed, or the database was back), how long until throughput was back to 90% of its rate
     * before, re-executions and jobs missing at the end. Tables only: JSON and CSV carry the faults in each run.
     */
    void printResilience(List<TrialResult> results) {
        if (format != OutputFormat.table) {
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"resilience", "run", "fault", "node", "its jobs ran / over after",
            "throughput back after", "re-executions", "lost", "pending", "status"});
        for (TrialResult result : results) {
            for (RunReport report : result.trials()) {
                for (RunFault fault : report.injectedFaults()) {
                    rows.add(new String[] {result.backend().value(), report.run().id().toString(), fault.kind(),
                        fault.node(), fault.recovered() ? Text.duration(fault.duration()) : "not before the end",
                        report.throughputRecoveryAfter(fault.startedAt()).map(Text::duration).orElse("-"),
                        Text.count(report.completions().duplicateExecutions()), count(report.lostJobs()),
                        count(report.pendingJobs()), Text.status(report)});
                }
            }
        }
        if (rows.size() > 1) {
            out.println();
            printColumns(rows);
            out.flush();
        }
    }

    private static String count(OptionalInt value) {
        return value.isPresent() ? Text.count(value.getAsInt()) : "-";
    }

    /** The profile a result's runs ran in, from their fingerprint; "-" for runs stored without one. */
    static String profileOf(TrialResult result) {
        return result.trials().get(0).profile().map(Profile::wireName).orElse("-");
    }

    /** A result's column: its backend, and its profile when the results ran in more than one. */
    private static String label(TrialResult result, List<TrialResult> results) {
        boolean profilesDiffer = results.stream().map(ReportPrinter::profileOf).distinct().count() > 1;
        return result.backend().value() + (profilesDiffer ? " " + profileOf(result) : "");
    }

    /** The metric the compared workload is judged by first (they all ran the same workload). */
    private static TrialMetric headline(List<TrialResult> results) {
        return TrialMetric.headlineOf(results.get(0).trials().get(0).run().spec().workload());
    }

    /**
     * Each backend's headline figure as a ratio to the reference backend's, measured in the same invocation: how
     * many times the reference's rate (or latency) a backend achieves. Empty when the reference was not compared.
     */
    private static Optional<String[]> referenceRow(List<TrialResult> results) {
        Set<BackendId> references = BackendChoice.registered().stream().map(AvailableBackend::descriptor)
                .filter(BackendDescriptor::reference).map(BackendDescriptor::id).collect(Collectors.toSet());
        TrialMetric headline = headline(results);
        // the reference measured in the same profile: its settings are the same in each, its run is not
        Map<String, TrialStatistics> referenceByProfile = new java.util.HashMap<>();
        results.stream().filter(result -> references.contains(result.backend()))
                .filter(result -> result.statistics().get(headline) != null)
                .forEach(result -> referenceByProfile.putIfAbsent(profileOf(result),
                        result.statistics().get(headline)));
        if (referenceByProfile.values().stream().allMatch(stats -> stats.mean() == 0)) {
            return Optional.empty();
        }
        String label = headline.key() + " vs " + results.stream().map(TrialResult::backend)
                .filter(references::contains).findFirst().orElseThrow();
        return Optional.of(column(results, label, result -> {
            TrialStatistics stats = result.statistics().get(headline);
            TrialStatistics reference = referenceByProfile.get(profileOf(result));
            return stats == null || reference == null || reference.mean() == 0 ? "-"
                    : String.format(Locale.ROOT, "%.2fx", stats.mean() / reference.mean());
        }));
    }

    private static String cv(TrialResult result, TrialMetric metric) {
        TrialStatistics stats = result.statistics().get(metric);
        return stats == null || stats.cv().isEmpty()
                ? "-"
                : String.format(Locale.ROOT, "%.1f%%", stats.cv().getAsDouble() * 100);
    }

    /** Per backend and metric: n, mean, standard deviation, min, max, 95% interval, outlier trials. */
    private void printStatistics(List<TrialResult> results) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"backend", "metric", "n", "mean", "stddev", "CV", "min", "max", "95% CI", "outliers"});
        for (TrialResult result : results) {
            List<RunReport> trials = result.trials();
            result.statistics().forEach((metric, stats) -> {
                List<RunReport> withValue = trials.stream().filter(t -> metric.valueOf(t).isPresent()).toList();
                rows.add(new String[] {
                    label(result, results), metric.key(), Integer.toString(stats.n()), number(stats.mean()),
                    number(stats.stddev()), cv(result, metric), number(stats.min()), number(stats.max()),
                    stats.ci95().map(ci -> number(ci.low()) + " .. " + number(ci.high()))
                            .orElse("too few trials (" + TrialStatistics.MIN_TRIALS_FOR_AN_INTERVAL + "+)"),
                    stats.outliers().isEmpty() ? "-" : stats.outliers().stream()
                            .map(i -> "run " + withValue.get(i).run().id()).collect(Collectors.joining(", "))});
            });
        }
        printColumns(rows);
    }

    private void printColumns(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(String.format("%-" + widths[0] + "s", row[0]));
            for (int i = 1; i < row.length; i++) {
                line.append("   ").append(String.format("%" + widths[i] + "s", row[i]));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String statistic(TrialResult result, TrialMetric metric, Function<Double, String> format) {
        TrialStatistics stats = result.statistics().get(metric);
        if (stats == null) {
            return "-";
        }
        String mean = format.apply(stats.mean());
        return stats.ci95().map(ci -> mean + " (" + format.apply(ci.low()) + " .. " + format.apply(ci.high()) + ")")
                .orElse(mean);
    }

    private static Optional<Double> mean(List<RunReport> trials, Function<RunReport, Optional<Double>> value) {
        double[] values = trials.stream().map(value).flatMap(Optional::stream).mapToDouble(Double::doubleValue).toArray();
        return values.length == 0 ? Optional.empty() : Optional.of(java.util.Arrays.stream(values).average().orElseThrow());
    }

    private static String sum(TrialResult result, java.util.function.ToLongFunction<RunReport> value) {
        return Text.count(result.trials().stream().mapToLong(value).sum());
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%,.2f", value);
    }

    private static <T> String[] column(List<T> items, String label, Function<T, String> value) {
        String[] row = new String[items.size() + 1];
        row[0] = label;
        for (int i = 0; i < items.size(); i++) {
            row[i + 1] = value.apply(items.get(i));
        }
        return row;
    }

    /** " (2 pending, 1 lost)" when jobs are missing at the end and the pending ones were counted. */
    private static String missingSplit(RunReport report) {
        if (report.completions().missingJobs() == 0 || report.pendingJobs().isEmpty()) {
            return "";
        }
        return " (" + Text.count(report.pendingJobs().getAsInt()) + " pending, "
                + Text.count(report.lostJobs().getAsInt()) + " lost)";
    }

    private void printSummary(RunReport report) {
        BenchmarkRun run = report.run();
        CompletionCounts counts = report.completions();
        out.println("Run " + run.id() + "  " + run.backend() + "  " + Text.count(run.jobsCount()) + " jobs  "
                + run.spec().schedulingMode().wireName() + "  " + Text.workload(run.spec())
                + "  -> " + Text.status(report));
        out.println("  durations    scheduling " + Text.duration(report.schedulingDuration())
                + "   run " + Text.duration(report.runDuration()));
        out.println("  phases       waiting for the lock " + Text.duration(report.lockWaitPhase())
                + "   scheduling " + Text.duration(report.schedulingPhase())
                + "   draining " + Text.duration(report.drainingPhase()));
        out.println("  completions  " + Text.count(counts.distinctCompleted()) + " distinct   "
                + Text.count(counts.duplicateExecutions()) + " duplicates   "
                + Text.count(counts.missingJobs()) + " missing" + missingSplit(report) + "   ("
                + Text.count(counts.executions()) + " executions)");
        out.println("  throughput   " + (report.jobsPerSecond().isPresent()
                ? Text.rate(report.jobsPerSecond().getAsDouble()) + " jobs/s (first to last completion)"
                : "-"));
        if (run.spec().workload() instanceof Workload.Backlog) {
            out.println("  backlog      enqueued at " + rate(report.enqueueRate()) + " jobs/s with no worker running;"
                    + " drained at " + rate(report.drainRate()) + " jobs/s from the workers' start"
                    + " (latencies below from the workers' start)");
        }
        out.println("  steady       " + report.steadyCompletions()
                .map(steady -> Text.rate(steady.perSecond()) + " jobs/s over the middle 80% of the completions ("
                        + Text.duration(steady.window()) + ")")
                .orElse("- (too few completions, or all within half a second)")
                + "   start-up " + orDash(report.startUp()) + "   tail " + orDash(report.tail())
                + report.steadyEnqueues().map(steady -> "   enqueues " + Text.rate(steady.perSecond()) + "/s")
                        .orElse(""));
        report.offer().ifPresent(offer -> out.println("  offer        " + Text.rate(offer.offeredRate())
                + " jobs/s offered, " + Text.rate(offer.achievedRate()) + " achieved; backlog peak "
                + Text.count(offer.maxBacklog()) + (offer.backlogBounded() ? ", bounded" : ", growing") + " -> "
                + (offer.keptUp() ? "kept up" : "did not keep up") + " (latencies below from each job's intended time)"));
        report.bottleneck().ifPresent(bottleneck -> out.println("  bound by     " + bottleneck.text()));
        printStatements(report);
        if (report.nodesStarted() > 1) {
            out.println("  nodes        " + report.nodes().stream()
                    .map(node -> node.node() + " " + Text.count(node.executions()) + " ("
                            + Math.round(report.shareOf(node) * 100) + "%)")
                    .collect(Collectors.joining("   ")) + Text.nodesWithoutAJob(report).map(silent -> "   " + silent)
                    .orElse("") + "   fairness "
                    + (report.fairness().isPresent()
                            ? String.format(Locale.ROOT, "%.2f", report.fairness().getAsDouble()) : "-"));
        }
        out.println("  pickup lag   " + latency(report.pickupLag()));
        out.println("  end-to-end   " + latency(report.endToEnd()));
        out.println("  enqueue      " + latency(report.enqueueLatency()));
        List<RunFault> outages = report.faults().stream()
                .filter(fault -> fault.kind().equals(RunFault.DATABASE_UNREACHABLE)).toList();
        if (!outages.isEmpty()) {
            out.println("  outages      " + outages.size() + " ridden out, the database unreachable for "
                    + Text.duration(report.databaseUnreachable()) + " in all; first: " + outages.get(0).detail());
        }
        for (RunFault fault : report.injectedFaults()) {
            out.println("  fault        " + fault.kind() + " on " + fault.node() + " at " + Text.time(fault.startedAt())
                    + ": " + fault.detail() + "; throughput back to 90% after "
                    + report.throughputRecoveryAfter(fault.startedAt()).map(Text::duration).orElse("- (not before the end)"));
        }
        ResourceSummary resources = report.resources();
        if (resources.samples() > 0) {
            int poolWaitPeak = (int) resources.pools().values().stream()
                    .mapToDouble(pool -> pool.waiting().peak()).max().orElse(0);
            out.println("  resources    heap peak " + bytes(resources.heapUsedBytes().peak())
                    + "   rss peak " + bytes(resources.rssBytes().peak())
                    + "   cpu mean " + Math.round(resources.processCpuLoad().mean() * 100) + "%"
                    + (resources.hostCpuLoad().mean() >= 0
                            ? " (machine " + Math.round(resources.hostCpuLoad().mean() * 100) + "%"
                                    + (resources.serverCpuLoad().mean() >= 0 ? ", PostgreSQL "
                                            + Math.round(resources.serverCpuLoad().mean() * 100) + "%" : "") + ")"
                            : "")
                    + "   commits " + Text.rate(resources.transactionsCommitted().perSecond()) + "/s"
                    + "   pool waits peak " + poolWaitPeak
                    + "   lock waits peak " + (int) resources.sessionsWaitingOnLocks().peak());
        }
        report.profile().ifPresent(profile -> out.println("  settings     profile " + profile.wireName() + ", "
                + report.threadsPerNode().stream().mapToObj(Integer::toString).findFirst().orElse("?") + " threads" + report.pool()
                        .map(pool -> pool.isShort()
                                ? ", pool " + pool.connections() + " connections: fewer than the " + pool.needed()
                                        + " it needs, on purpose (--allow-small-pool), so the figures measure the"
                                        + " pool too"
                                : ", pool " + pool.connections() + " connections")
                        .orElse("")));
        Map<String, String> environment = report.environment();
        if (!environment.isEmpty()) {
            out.println("  environment  Queue Bench " + environment.get("queue_bench.version")
                    + ", JVM " + environment.get("jvm.version") + ", " + environment.get("machine.cores") + " cores, "
                    + "PostgreSQL " + environment.get("postgres.version") + " (" + environment.get("database.kind")
                    + ", fsync " + environment.get("postgres.fsync") + ", synchronous_commit "
                    + environment.get("postgres.synchronous_commit") + "), " + environment.get("backend.id") + " "
                    + environment.get("backend.library_version"));
        }
    }

    /** The statements that took the database's time: the backend's, then the harness's own. */
    private void printStatements(RunReport report) {
        if (report.topStatements().isEmpty()) {
            Text.statementsMissing(report).ifPresent(why -> out.println("  statements   - (" + why + ")"));
            return;
        }
        String label = "  statements   ";
        for (StatementTime statement : report.topStatements()) {
            out.println(label + String.format(Locale.ROOT, "%9s ms %9s calls %8.3f ms each  %-7s ",
                    Text.rate(statement.totalMillis()), Text.count(statement.calls()), statement.meanMillis(),
                    statement.backend() ? "backend" : "harness") + Text.statement(statement.query(), 90));
            label = "               ";
        }
    }

    private static String orDash(Optional<Duration> duration) {
        return duration.map(Text::duration).orElse("-");
    }

    private static String rate(java.util.OptionalDouble rate) {
        return rate.isPresent() ? Text.rate(rate.getAsDouble()) : "-";
    }

    private static String latency(LatencySummary summary) {
        if (summary.isEmpty()) {
            return "no samples";
        }
        return "p50 " + Text.micros(summary.p50()) + "   p95 " + Text.micros(summary.p95()) + "   p99 "
                + Text.micros(summary.p99()) + "   max " + Text.micros(summary.max()) + "   ("
                + Text.count(summary.count()) + " samples)";
    }

    /** {@code 312.4 MB}. */
    private static String bytes(double bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024 * 1024));
    }

    static String json(Object value) {
        try {
            return RunJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

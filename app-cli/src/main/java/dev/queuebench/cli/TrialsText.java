package dev.queuebench.cli;

import dev.queuebench.common.Text;
import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.Profile;
import dev.queuebench.domain.SteadyState;
import dev.queuebench.domain.TrialSpread;
import dev.queuebench.domain.measure.TrialStatistics;
import dev.queuebench.ports.in.AvailableBackend;
import dev.queuebench.ports.in.BackendDescriptor;
import dev.queuebench.ports.in.RunFault;
import dev.queuebench.ports.in.RunReport;
import dev.queuebench.ports.in.TrialMetric;
import dev.queuebench.ports.in.TrialResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Trials for people: one backend's runs with their statistics, backends side by side, the scaling over node counts and
 * the resilience to injected faults.
 */
final class TrialsText {

    private final PrintWriter out;

    TrialsText(PrintWriter out) {
        this.out = out;
    }

    /** One backend's trials: each run, then statistics per metric. */
    void trials(TrialResult result) {
        new RunText(out).list(result.trials());
        out.println();
        statistics(List.of(result));
    }

    /**
     * Backends side by side, one column each (means over the trials, with their 95% interval when there are
     * several), then the statistics.
     */
    void comparison(List<TrialResult> results) {
        List<String[]> rows = new ArrayList<>();
        rows.add(TextTable.column(results, "", result -> label(result, results)));
        rows.add(TextTable.column(results, "profile", TrialsText::profileOf));
        rows.add(TextTable.column(results, "runs", result -> result.trials().stream()
                .map(report -> report.run().id().toString()).collect(Collectors.joining(","))));
        if (results.stream().anyMatch(result -> result.warmups() > 0)) {
            rows.add(TextTable.column(results, "warm-ups (discarded)", result -> Integer.toString(result.warmups())));
        }
        rows.add(TextTable.column(results, "status", result -> result.allFinished() ? "finished"
                : result.trials().stream().map(Text::status).collect(Collectors.joining("; "))));
        rows.add(TextTable.column(results, "scheduling duration", result -> Text.duration(mean(result.trials(),
                r -> r.schedulingDuration().map(d -> d.toNanos() / 1e6)).map(ms -> Duration.ofNanos((long) (ms * 1e6))))));
        rows.add(TextTable.column(results, "run duration", result -> statistic(result, TrialMetric.RUN_DURATION_MS,
                ms -> Text.duration(Duration.ofNanos((long) (ms * 1e6))))));
        rows.add(TextTable.column(results, "workload", result -> Text.workload(result.trials().get(0).run().spec())));
        rows.add(TextTable.column(results, "jobs/s", result -> statistic(result, TrialMetric.JOBS_PER_SECOND, Text::rate)));
        if (results.stream().anyMatch(result -> result.statistics().containsKey(TrialMetric.DRAIN_RATE))) {
            rows.add(TextTable.column(results, "drain rate", result -> statistic(result, TrialMetric.DRAIN_RATE, Text::rate)));
        }
        rows.add(TextTable.column(results, "steady rate", result -> statistic(result, TrialMetric.STEADY_RATE, Text::rate)));
        rows.add(TextTable.column(results, "start-up", result -> RunText.orDash(mean(result.trials(),
                r -> r.startUp().map(d -> d.toNanos() / 1e6)).map(ms -> Duration.ofNanos((long) (ms * 1e6))))));
        rows.add(TextTable.column(results, "tail", result -> RunText.orDash(mean(result.trials(),
                r -> r.tail().map(d -> d.toNanos() / 1e6)).map(ms -> Duration.ofNanos((long) (ms * 1e6))))));
        if (results.stream().anyMatch(result -> result.statistics().containsKey(TrialMetric.ACHIEVED_RATE))) {
            rows.add(TextTable.column(results, "achieved rate", result -> statistic(result, TrialMetric.ACHIEVED_RATE,
                    Text::rate)));
            rows.add(TextTable.column(results, "kept up", result -> result.trials().stream()
                    .map(r -> r.offer().map(offer -> offer.keptUp() ? "yes" : "no").orElse("-"))
                    .collect(Collectors.joining(","))));
            rows.add(TextTable.column(results, "end-to-end p99", result -> statistic(result, TrialMetric.END_TO_END_P99_MS,
                    ms -> Text.micros((long) (ms * 1_000)))));
        }
        rows.add(TextTable.column(results, "pickup lag p50", result -> mean(result.trials(),
                r -> r.pickupLag().isEmpty() ? Optional.empty() : Optional.of(r.pickupLag().p50() / 1_000.0))
                .map(ms -> Text.micros((long) (ms * 1_000))).orElse("-")));
        rows.add(TextTable.column(results, "pickup lag p99", result -> statistic(result, TrialMetric.PICKUP_LAG_P99_MS,
                ms -> Text.micros((long) (ms * 1_000)))));
        if (results.stream().anyMatch(result -> result.trials().stream().anyMatch(r -> r.bottleneck().isPresent()))) {
            rows.add(TextTable.column(results, "bound by", TrialsText::boundBy));
        }
        rows.add(TextTable.column(results, "completed", result -> sum(result, r -> r.completions().distinctCompleted())));
        rows.add(TextTable.column(results, "duplicates", result -> sum(result, r -> r.completions().duplicateExecutions())));
        rows.add(TextTable.column(results, "missing", result -> sum(result, r -> r.completions().missingJobs())));
        referenceRow(results).ifPresent(rows::add);
        if (results.stream().anyMatch(result -> result.trials().size() > 1)) {
            rows.add(TextTable.column(results, "CV " + headline(results).key(), result -> cv(result, headline(results))));
        }
        TextTable.print(out, rows);
        printSpreadReasons(results, headline(results));
        if (results.stream().anyMatch(result -> result.trials().size() > 1)) {
            out.println();
            statistics(results);
        }
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
     * The same comparison at several node counts: each count's comparison, then the scaling table (each backend's
     * headline figure by node count, its ratio to one count's, and how evenly the nodes shared the work).
     */
    void scaling(Map<Integer, List<TrialResult>> byNodes) {
        List<TrialResult> all = byNodes.values().stream().flatMap(List::stream).toList();
        byNodes.forEach((nodes, results) -> {
            out.println(nodes + (nodes == 1 ? " node" : " nodes") + ":");
            comparison(results);
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
        TextTable.print(out, rows);
    }

    /**
     * Per backend and injected fault: when it hit, how long until the jobs a killed node was running had run elsewhere
     * (or a paused node resumed, or the database was back), how long until throughput was back to 90% of its rate
     * before, re-executions and jobs missing at the end.
     */
    void resilience(List<TrialResult> results) {
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
            TextTable.print(out, rows);
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
        boolean profilesDiffer = results.stream().map(TrialsText::profileOf).distinct().count() > 1;
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
        return Optional.of(TextTable.column(results, label, result -> {
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
    private void statistics(List<TrialResult> results) {
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
        TextTable.print(out, rows);
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
}

package dev.queuebench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.CompletionCounts;
import dev.queuebench.ports.in.LatencySummary;
import dev.queuebench.ports.in.RunReport;
import dev.queuebench.web.RunJson;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/** Prints run reports as a table for people or as the JSON objects scripts read. */
final class ReportPrinter {

    private final PrintWriter out;
    private final OutputFormat format;

    ReportPrinter(PrintWriter out, OutputFormat format) {
        this.out = out;
        this.format = format;
    }

    void printRun(RunReport report) {
        if (format == OutputFormat.json) {
            out.println(json(RunJson.of(report)));
        } else {
            printSummary(report);
        }
        out.flush();
    }

    void printRuns(List<RunReport> reports) {
        if (format == OutputFormat.json) {
            out.println(json(reports.stream().map(RunJson::of).toList()));
        } else if (reports.isEmpty()) {
            out.println("No runs yet. Start one: queue-bench run --backend db-scheduler --jobs 10000");
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
                        statusLine(report)));
            }
        }
        out.flush();
    }

    /** Backends side by side, one column each; JSON: an array of run objects. */
    void printComparison(List<RunReport> reports) {
        if (format == OutputFormat.json) {
            out.println(json(reports.stream().map(RunJson::of).toList()));
            out.flush();
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(column(reports, "", report -> report.run().backend().value()));
        rows.add(column(reports, "run", report -> report.run().id().toString()));
        rows.add(column(reports, "status", ReportPrinter::statusLine));
        rows.add(column(reports, "scheduling duration", report -> Text.duration(report.schedulingDuration())));
        rows.add(column(reports, "run duration", report -> Text.duration(report.runDuration())));
        rows.add(column(reports, "jobs/s", report -> report.jobsPerSecond().isPresent()
                ? Text.rate(report.jobsPerSecond().getAsDouble()) : "-"));
        rows.add(column(reports, "pickup lag p50", report -> latency(report.pickupLag(), LatencySummary::p50)));
        rows.add(column(reports, "pickup lag p99", report -> latency(report.pickupLag(), LatencySummary::p99)));
        rows.add(column(reports, "completed", report -> Text.count(report.completions().distinctCompleted())));
        rows.add(column(reports, "duplicates", report -> Text.count(report.completions().duplicateExecutions())));
        rows.add(column(reports, "missing", report -> Text.count(report.completions().missingJobs())));
        int[] widths = new int[reports.size() + 1];
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
        out.flush();
    }

    private static String[] column(List<RunReport> reports, String label, Function<RunReport, String> value) {
        String[] row = new String[reports.size() + 1];
        row[0] = label;
        for (int i = 0; i < reports.size(); i++) {
            row[i + 1] = value.apply(reports.get(i));
        }
        return row;
    }

    private static String latency(LatencySummary summary, ToLongFunction<LatencySummary> percentile) {
        return summary.isEmpty() ? "-" : Text.micros(percentile.applyAsLong(summary));
    }

    static String statusLine(RunReport report) {
        CompletionCounts counts = report.completions();
        int jobs = report.run().jobsCount();
        return switch (report.status()) {
            case PENDING -> "pending";
            case SCHEDULING -> "scheduling " + Text.count(report.run().scheduledJobs()) + "/" + Text.count(jobs);
            case RUNNING -> "running " + Text.count(counts.distinctCompleted()) + "/" + Text.count(jobs);
            case FINISHED -> counts.duplicateExecutions() == 0
                    ? "finished"
                    : "finished, " + Text.count(counts.duplicateExecutions()) + " duplicates";
            case STALLED -> "stalled at " + Text.count(counts.distinctCompleted()) + "/" + Text.count(jobs)
                    + ", " + Text.count(counts.missingJobs()) + " missing";
        };
    }

    private void printSummary(RunReport report) {
        BenchmarkRun run = report.run();
        CompletionCounts counts = report.completions();
        out.println("Run " + run.id() + "  " + run.backend() + "  " + Text.count(run.jobsCount()) + " jobs  "
                + run.spec().schedulingMode().wireName() + "  delay " + Text.duration(run.spec().jobDelay().value())
                + "  -> " + statusLine(report));
        out.println("  durations    scheduling " + Text.duration(report.schedulingDuration())
                + "   run " + Text.duration(report.runDuration()));
        out.println("  phases       waiting for the lock " + Text.duration(report.lockWaitPhase())
                + "   scheduling " + Text.duration(report.schedulingPhase())
                + "   draining " + Text.duration(report.drainingPhase()));
        out.println("  completions  " + Text.count(counts.distinctCompleted()) + " distinct   "
                + Text.count(counts.duplicateExecutions()) + " duplicates   "
                + Text.count(counts.missingJobs()) + " missing   (" + Text.count(counts.executions()) + " executions)");
        out.println("  throughput   " + (report.jobsPerSecond().isPresent()
                ? Text.rate(report.jobsPerSecond().getAsDouble()) + " jobs/s (first to last completion)"
                : "-"));
        out.println("  pickup lag   " + Text.latency(report.pickupLag()));
        out.println("  end-to-end   " + Text.latency(report.endToEnd()));
        out.println("  enqueue      " + Text.latency(report.enqueueLatency()));
    }

    static String json(Object value) {
        try {
            return RunJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

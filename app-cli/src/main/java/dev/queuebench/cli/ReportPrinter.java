package dev.queuebench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.CompletionCounts;
import dev.queuebench.ports.in.RunReport;
import dev.queuebench.web.RunJson;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

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

package dev.queuebench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.queuebench.common.BencherMetrics;
import dev.queuebench.common.RunJson;
import dev.queuebench.common.SweepJson;
import dev.queuebench.common.TrialResultJson;
import dev.queuebench.ports.in.RunReport;
import dev.queuebench.ports.in.SweepResult;
import dev.queuebench.ports.in.TrialResult;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Prints what a command reports in the format asked for: for people as text ({@link RunText}, {@link TrialsText},
 * {@link SweepText}), for scripts as the JSON objects of {@code app-common}, CSV rows, or Bencher's metrics.
 */
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
            new RunText(out).summary(report);
        }
        out.flush();
    }

    void printRuns(List<RunReport> reports) {
        if (format == OutputFormat.json) {
            out.println(json(reports.stream().map(RunJson::of).toList()));
        } else if (format == OutputFormat.csv) {
            CsvOutput.writeRuns(reports.stream().map(RunJson::of).toList(), out);
        } else {
            new RunText(out).list(reports);
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
            new TrialsText(out).trials(result);
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
        new TrialsText(out).comparison(results);
        out.flush();
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
        new SweepText(out).sweep(sweep);
        out.flush();
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
        new TrialsText(out).scaling(byNodes);
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
        new TrialsText(out).resilience(results);
        out.flush();
    }

    static String json(Object value) {
        try {
            return RunJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

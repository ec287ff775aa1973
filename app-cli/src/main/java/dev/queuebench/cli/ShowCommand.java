package dev.queuebench.cli;

import dev.queuebench.common.BadInputException;
import dev.queuebench.common.Bench;
import dev.queuebench.common.DatabaseOptions;
import dev.queuebench.common.ExitCode;
import dev.queuebench.common.RunCommandLine;
import dev.queuebench.common.Text;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.RunNotFoundException;
import dev.queuebench.domain.measure.LatencyDistribution;
import dev.queuebench.domain.measure.LatencyKind;
import dev.queuebench.ports.in.RunLatencies;
import dev.queuebench.ports.in.RunReport;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one run's report.")
final class ShowCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Parameters(index = "0", paramLabel = "RUN-ID", description = "The run's id, as `list` shows it.")
    String runId;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = {"table, json, csv, bmf (Bencher Metric Format: the figures, for `bencher run --adapter json`),",
                    "hgrm (HdrHistogram's percentile distribution of one latency in milliseconds, which its plotter",
                    "reads; see --latency) or html (one self-contained file: the run page's sections, offline and",
                    "printable). Default: ${DEFAULT-VALUE}."})
    OutputFormat format;

    @Option(names = "--latency", defaultValue = "end-to-end", paramLabel = "LATENCY",
            description = "With --format hgrm: end-to-end (finish minus due time), pickup-lag (start minus due time)"
                    + " or enqueue (the enqueue call). Default: ${DEFAULT-VALUE}.")
    String latency;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RunId id = BadInputException.check(() -> RunId.parse(runId));
        LatencyKind kind = BadInputException.check(() -> LatencyKind.of(latency));
        if (format != OutputFormat.hgrm && spec.commandLine().getParseResult().hasMatchedOption("--latency")) {
            throw new BadInputException("--latency chooses the distribution of --format hgrm; add --format hgrm");
        }
        HtmlOutput html = format == OutputFormat.html ? HtmlOutput.require() : null;
        try (Bench bench = Bench.open(database)) {
            if (format == OutputFormat.hgrm) {
                return printHgrm(bench, id, kind);
            }
            RunReport report = bench.core().runReport(id)
                    .orElseThrow(() -> new BadInputException(new RunNotFoundException(id).getMessage()));
            if (html != null) {
                html.print(spec.commandLine().getOut(), bench.core(), List.of(report), List.of(),
                        RunCommandLine.ofEach(List.of(report), BackendChoice.registered()));
                return ExitCode.OK;
            }
            new ReportPrinter(spec.commandLine().getOut(), format).printRun(report);
            return ExitCode.OK;
        }
    }

    /** HdrHistogram's text as it prints it; a distribution that text cannot hold is refused, naming why. */
    private int printHgrm(Bench bench, RunId id, LatencyKind kind) {
        RunLatencies.Latency chosen = bench.core().latencies(id)
                .orElseThrow(() -> new BadInputException(new RunNotFoundException(id).getMessage())).of(kind);
        LatencyDistribution distribution = chosen.distribution();
        String hgrm = chosen.hgrm().orElseThrow(() -> new BadInputException(distribution.isEmpty()
                ? "run " + id + " recorded no " + kind.label() + " latency: there is no distribution to print"
                : "run " + id + " has " + Text.count(distribution.negatives()) + " negative " + kind.label()
                        + " latencies of " + Text.count(distribution.count()) + " (jobs ahead of their due time),"
                        + " which HdrHistogram's text cannot hold; its percentiles are in --format json, the whole"
                        + " distribution on the run's page"));
        spec.commandLine().getOut().print(hgrm);
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}

package dev.queuebench.cli;

import dev.queuebench.common.BadInputException;
import dev.queuebench.common.Bench;
import dev.queuebench.common.DatabaseOptions;
import dev.queuebench.common.ExitCode;
import dev.queuebench.common.HtmlReport;
import dev.queuebench.common.RunCommandLine;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.RunNotFoundException;
import dev.queuebench.ports.in.RunReport;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "One report of runs already stored, side by side: their table, completions over time and"
                + " latency distributions overlaid, and each run's sections, e.g. report 12 13 14 > report.html.")
final class ReportCommand implements Callable<Integer> {

    /** Beyond this many runs a report is too long to read, and its charts too crowded. */

    @Mixin
    DatabaseOptions database;

    @Parameters(arity = "1..*", paramLabel = "RUN-ID", description = "The runs, as `list` shows them, in this order.")
    List<String> runIds;

    @Option(names = "--format", defaultValue = "html", paramLabel = "FORMAT",
            description = {"html (one self-contained file: inline CSS and SVG, no script, offline and printable),",
                    "json or csv (the runs, as `list` prints them). Default: ${DEFAULT-VALUE}."})
    OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        OutputFormat.require(format, "report", OutputFormat.html, OutputFormat.json, OutputFormat.csv);
        Set<RunId> ids = new LinkedHashSet<>();
        for (String id : runIds) {
            if (!ids.add(BadInputException.check(() -> RunId.parse(id)))) {
                throw new BadInputException("run " + id.strip() + " is listed twice");
            }
        }
        if (ids.size() > HtmlReport.MAX_RUNS) {
            throw new BadInputException("a report holds at most " + HtmlReport.MAX_RUNS + " runs, not " + ids.size()
                    + ": make several");
        }
        HtmlOutput html = format == OutputFormat.html ? HtmlOutput.require() : null;
        try (Bench bench = Bench.open(database)) {
            List<RunReport> reports = new ArrayList<>();
            for (RunId id : ids) {
                reports.add(bench.core().runReport(id)
                        .orElseThrow(() -> new BadInputException(new RunNotFoundException(id).getMessage())));
            }
            if (html != null) {
                html.print(spec.commandLine().getOut(), bench.core(), reports,
                        HtmlReport.trialsOf(reports, BackendChoice.registered()),
                        RunCommandLine.ofEach(reports, BackendChoice.registered()));
            } else {
                new ReportPrinter(spec.commandLine().getOut(), format).printRuns(reports);
            }
            return ExitCode.OK;
        }
    }
}

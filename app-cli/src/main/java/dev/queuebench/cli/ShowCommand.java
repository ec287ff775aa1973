package dev.queuebench.cli;

import dev.queuebench.common.BadInputException;
import dev.queuebench.common.Bench;
import dev.queuebench.common.DatabaseOptions;
import dev.queuebench.common.ExitCode;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.RunNotFoundException;
import dev.queuebench.ports.in.RunReport;
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
            description = "table, json, csv or bmf (Bencher Metric Format: the figures, for"
                    + " `bencher run --adapter json`). Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RunId id = BadInputException.check(() -> RunId.parse(runId));
        try (Bench bench = Bench.open(database)) {
            RunReport report = bench.core().runReport(id)
                    .orElseThrow(() -> new BadInputException(new RunNotFoundException(id).getMessage()));
            new ReportPrinter(spec.commandLine().getOut(), format).printRun(report);
            return ExitCode.OK;
        }
    }
}

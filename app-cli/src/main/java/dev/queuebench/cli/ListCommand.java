package dev.queuebench.cli;

import dev.queuebench.common.BadInputException;
import dev.queuebench.common.Bench;
import dev.queuebench.common.DatabaseOptions;
import dev.queuebench.common.ExitCode;
import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.RunId;
import dev.queuebench.ports.in.RunListFilter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List runs, newest first.")
final class ListCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Option(names = "--backend", paramLabel = "ID", description = "Only this backend's runs.")
    String backend;

    @Option(names = "--limit", defaultValue = "20", paramLabel = "N",
            description = "At most this many runs (1 to " + RunListFilter.MAX_LIMIT + "). Default: ${DEFAULT-VALUE}.")
    int limit;

    @Option(names = "--before", paramLabel = "RUN-ID", description = "Only runs older than this one (the next page).")
    String before;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table, json or csv. Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        OutputFormat.require(format, "list", OutputFormat.table, OutputFormat.json, OutputFormat.csv);
        RunListFilter filter = BadInputException.check(() -> new RunListFilter(
                Optional.ofNullable(backend).map(BackendId::of), limit, Optional.ofNullable(before).map(RunId::parse)));
        try (Bench bench = Bench.open(database)) {
            new ReportPrinter(spec.commandLine().getOut(), format).printRuns(bench.core().listRuns(filter));
            return ExitCode.OK;
        }
    }
}

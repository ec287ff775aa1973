package dev.queuebench.cli;

import dev.queuebench.common.BadInputException;
import dev.queuebench.common.Bench;
import dev.queuebench.common.DatabaseOptions;
import dev.queuebench.common.ExitCode;
import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.RunId;
import dev.queuebench.ports.in.RunListFilter;
import dev.queuebench.ports.in.RunReport;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Print every run (or those created since a time), newest first, for spreadsheets and scripts.")
final class ExportCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Option(names = "--since", paramLabel = "WHEN",
            description = "Only runs created at or after this day (2026-11-01, local time) or instant (2026-11-01T10:00:00Z).")
    String since;

    @Option(names = "--backend", paramLabel = "ID", description = "Only this backend's runs.")
    String backend;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "FORMAT",
            description = "csv or json. Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (format == OutputFormat.table) {
            throw new BadInputException("export prints csv or json; for a table, use list");
        }
        OutputFormat.require(format, "export", OutputFormat.csv, OutputFormat.json);
        Optional<Instant> from = BadInputException.check(() -> Optional.ofNullable(since).map(ExportCommand::parseSince));
        RunListFilter page = BadInputException.check(() -> new RunListFilter(
                Optional.ofNullable(backend).map(BackendId::of), RunListFilter.MAX_LIMIT, Optional.empty()));
        List<RunReport> runs = new ArrayList<>();
        try (Bench bench = Bench.open(database)) {
            while (true) {
                List<RunReport> batch = bench.core().listRuns(page);
                for (RunReport report : batch) {
                    if (from.isPresent() && report.run().timeline().createdAt().isBefore(from.get())) {
                        return print(runs);
                    }
                    runs.add(report);
                }
                if (batch.size() < page.limit()) {
                    return print(runs);
                }
                RunId last = batch.get(batch.size() - 1).run().id();
                page = page.olderThan(last);
            }
        }
    }

    private int print(List<RunReport> runs) {
        new ReportPrinter(spec.commandLine().getOut(), format).printRuns(runs);
        return ExitCode.OK;
    }

    private static Instant parseSince(String text) {
        try {
            return text.contains("T")
                    ? Instant.parse(text)
                    : LocalDate.parse(text).atStartOfDay(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--since must be a day like 2026-11-01 or an instant like"
                    + " 2026-11-01T10:00:00Z, was '" + text + "'");
        }
    }
}

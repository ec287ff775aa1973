package dev.queuebench.cli;

import dev.queuebench.common.BadInputException;
import dev.queuebench.common.Bench;
import dev.queuebench.common.DatabaseOptions;
import dev.queuebench.common.ExitCode;
import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.Profile;
import dev.queuebench.domain.RunStatus;
import dev.queuebench.ports.in.ComparePlan;
import dev.queuebench.ports.in.RunReport;
import dev.queuebench.ports.in.StartRunCommand;
import dev.queuebench.ports.in.TrialResult;
import dev.queuebench.ports.spi.BackendSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run one benchmark: clear the backend's tables (unless another run is running: then wait",
                "for it), start the backend's workers, schedule N no-op jobs through it under the global run lock,",
                "wait until every job ran (or the run stalls) and report.",
                ExitCode.SUMMARY})
final class RunCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Mixin
    BenchmarkOptions benchmark;

    @Option(names = "--backend", required = true, paramLabel = "ID", description = "Backend id, see `backends`.")
    String backend;

    @Option(names = {"-o", "--backend-option"}, paramLabel = "KEY=VALUE",
            description = "A backend knob, e.g. -o poll-interval=500ms; see `backends` for each backend's knobs.")
    Map<String, String> backendOptions = new LinkedHashMap<>();

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table, json, csv or bmf (Bencher Metric Format: the figures, for"
                    + " `bencher run --adapter json`). Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        OutputFormat.require(format, "run", OutputFormat.table, OutputFormat.json, OutputFormat.csv,
                OutputFormat.bmf);
        Profile profile = benchmark.singleProfile();
        StartRunCommand command = benchmark.command(backend).withProfile(profile);
        BackendId backendId = command.spec().backend();
        BackendSettings settings = BadInputException.check(() ->
                BackendChoice.settings(BackendChoice.backend(backendId), profile, benchmark.threads, backendOptions));
        BackendChoice.requireEnoughConnections(backendId, settings, List.of(profile), database);
        benchmark.validate();
        benchmark.singleNodeCount();
        ComparePlan plan = benchmark.plan(List.of(command), database);
        ResultsLog log = benchmark.resultsLogOrNull();

        try (Bench bench = Bench.open(database, benchmark.settings(), Map.of(backendId, settings))) {
            TrialResult result = bench.core().compare(plan, new ComparisonProgress(spec.commandLine().getErr(), log))
                    .results().get(0);
            ReportPrinter printer = new ReportPrinter(spec.commandLine().getOut(), format);
            // one run, or the calibration that did not finish, in place of the trials
            if (benchmark.singleRun() || result.trials().size() < plan.trials().trials()) {
                RunReport report = result.trials().get(0);
                printer.printRun(report);
                return report.status() == RunStatus.FINISHED ? ExitCode.OK : ExitCode.RUN_FAILED;
            }
            printer.printTrials(result);
            return result.allFinished() ? ExitCode.OK : ExitCode.RUN_FAILED;
        }
    }
}

package dev.queuebench.cli;

import dev.queuebench.common.BadInputException;
import dev.queuebench.common.Bench;
import dev.queuebench.common.DatabaseOptions;
import dev.queuebench.common.ExitCode;
import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.FaultSpec;
import dev.queuebench.domain.Profile;
import dev.queuebench.domain.RunSizing;
import dev.queuebench.domain.RunStatus;
import dev.queuebench.ports.in.RunListener;
import dev.queuebench.ports.in.SizedRun;
import dev.queuebench.ports.in.RunReport;
import dev.queuebench.ports.in.StartRunCommand;
import dev.queuebench.ports.in.TrialResult;
import dev.queuebench.ports.spi.BackendSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
            description = "table, json or csv. Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Profile profile = benchmark.singleProfile();
        StartRunCommand command = benchmark.command(backend).withProfile(profile);
        BackendId backendId = command.spec().backend();
        BackendSettings settings = BadInputException.check(() ->
                BackendChoice.settings(BackendChoice.backend(backendId), profile, benchmark.threads, backendOptions));
        BackendChoice.requireEnoughConnections(backendId, settings, List.of(profile), database);
        benchmark.validate();
        int nodes = benchmark.singleNodeCount();
        List<FaultSpec> faults = benchmark.faultSpecs(database);
        ResultsLog log = benchmark.resultsLogOrNull();

        try (Bench bench = Bench.open(database, benchmark.settings(), Map.of(backendId, settings));
             LocalNodes extraNodes = benchmark.startExtraNodes(nodes, backendId, settings, database)) {
            ProgressDisplay progress = new ProgressDisplay(spec.commandLine().getErr(), System.console() != null);
            RunListener listener = FaultInjector.around(faults, bench, backendId, extraNodes, progress);
            ReportPrinter printer = new ReportPrinter(spec.commandLine().getOut(), format);
            Optional<RunSizing> sizing = benchmark.sizing();
            if (sizing.isPresent()) {
                // calibrated without the faults, which are for the runs that count
                SizedRun sized = bench.core().sizedToLast(command.withProfile(profile), sizing.get(), progress);
                if (sized.command().isEmpty()) {
                    progress.done();
                    printer.printRun(sized.lastCalibration());
                    return ExitCode.RUN_FAILED;
                }
                command = sized.command().get();
            }
            if (benchmark.singleRun()) {
                RunReport report = bench.core().runToEnd(command, listener);
                progress.done();
                if (log != null) {
                    log.append(List.of(report));
                }
                printer.printRun(report);
                return report.status() == RunStatus.FINISHED ? ExitCode.OK : ExitCode.RUN_FAILED;
            }
            TrialResult result = bench.core().runTrials(command, sizing, benchmark.warmups(), benchmark.trials,
                    listener);
            progress.done();
            if (log != null) {
                log.append(result.trials());
            }
            printer.printTrials(result);
            return result.allFinished() ? ExitCode.OK : ExitCode.RUN_FAILED;
        }
    }
}

package dev.queuebench.cli;

import dev.queuebench.cli.Converters.DurationConverter;
import dev.queuebench.cli.Converters.ModeConverter;
import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.RunStatus;
import dev.queuebench.domain.SchedulingMode;
import dev.queuebench.ports.in.RunReport;
import dev.queuebench.ports.in.StartRunCommand;
import dev.queuebench.ports.in.TrialResult;
import dev.queuebench.ports.service.BenchmarkSettings;
import dev.queuebench.ports.spi.BackendSettings;
import dev.queuebench.ports.spi.QueueBackendProvider;
import java.nio.file.Path;
import java.time.Duration;
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
                "Exit code 0 when every job completed, 1 when the run stalled or lost jobs, 2 for bad input."})
final class RunCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Option(names = "--backend", required = true, paramLabel = "ID", description = "Backend id, see `backends`.")
    String backend;

    @Option(names = "--jobs", required = true, paramLabel = "N", description = "Jobs to schedule: 1 to 10,000,000.")
    long jobs;

    @Option(names = "--mode", defaultValue = "one_by_one", converter = ModeConverter.class, paramLabel = "MODE",
            description = "one_by_one (one enqueue call per job) or in_bulk (batches of 1,000). Default: ${DEFAULT-VALUE}.")
    SchedulingMode mode;

    @Option(names = "--delay", defaultValue = "10s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Each job is due this long after its enqueue: 0s to 1h. Default: ${DEFAULT-VALUE}.")
    Duration delay;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads of the backend (its own default otherwise).")
    Integer threads;

    @Option(names = {"-o", "--backend-option"}, paramLabel = "KEY=VALUE",
            description = "A backend knob, e.g. -o poll-interval=500ms; see `backends` for each backend's knobs.")
    Map<String, String> backendOptions = new LinkedHashMap<>();

    @Option(names = "--stall-timeout", defaultValue = "120s", converter = DurationConverter.class,
            paramLabel = "DURATION",
            description = "A started run without progress for this long is stalled. Default: ${DEFAULT-VALUE}.")
    Duration stallTimeout;

    @Option(names = "--trials", defaultValue = "1", paramLabel = "N",
            description = "Runs to keep, each from clean tables; with more than one, statistics. Default: ${DEFAULT-VALUE}.")
    int trials;

    @Option(names = "--warmup", defaultValue = "0", paramLabel = "M",
            description = "Runs to execute and discard first. Default: ${DEFAULT-VALUE}.")
    int warmups;

    @Option(names = "--results-log", paramLabel = "FILE",
            description = "Append each kept run as one line of JSON to this file.")
    Path resultsLog;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table, json or csv. Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        StartRunCommand command = StartRunCommand.of(backend, jobs, mode, delay);
        BackendId backendId = command.spec().backend();
        QueueBackendProvider provider = BackendChoice.provider(backendId);
        BackendSettings settings = BackendChoice.settings(provider, threads, backendOptions);
        BenchmarkSettings benchmarkSettings = BenchmarkSettings.defaults().withStallTimeout(stallTimeout);
        Trials.validate(trials, warmups);
        ResultsLog log = resultsLog == null ? null : ResultsLog.at(resultsLog);

        try (Bench bench = Bench.open(database, benchmarkSettings, Map.of(backendId, settings))) {
            ProgressDisplay progress = new ProgressDisplay(spec.commandLine().getErr(), System.console() != null);
            ReportPrinter printer = new ReportPrinter(spec.commandLine().getOut(), format);
            if (trials == 1 && warmups == 0) {
                RunReport report = bench.core().runToEnd(command, progress);
                progress.done();
                if (log != null) {
                    log.append(List.of(report));
                }
                printer.printRun(report);
                return report.status() == RunStatus.FINISHED ? ExitCode.OK : ExitCode.RUN_FAILED;
            }
            TrialResult result = bench.core().runTrials(command, warmups, trials, progress);
            progress.done();
            if (log != null) {
                log.append(result.trials());
            }
            printer.printTrials(result);
            return result.allFinished() ? ExitCode.OK : ExitCode.RUN_FAILED;
        }
    }
}

package dev.queuebench.cli;

import dev.queuebench.cli.Converters.DurationConverter;
import dev.queuebench.cli.Converters.ModeConverter;
import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.SchedulingMode;
import dev.queuebench.ports.in.TrialResult;
import dev.queuebench.ports.stats.RegressionCheck;
import dev.queuebench.ports.in.StartRunCommand;
import dev.queuebench.ports.service.BenchmarkSettings;
import dev.queuebench.ports.spi.BackendSettings;
import dev.queuebench.ports.spi.QueueBackendProvider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Run the same benchmark on several backends in turn, each from clean tables (cleared, then",
                "VACUUM ANALYZE) with only its own workers running, and print the results side by side.",
                "Exit code 0 when every backend finished with every job, 1 when one stalled or lost jobs, 2 for bad",
                "input, 3 when --baseline found a regression."})
final class CompareCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Option(names = "--jobs", required = true, paramLabel = "N", description = "Jobs per backend: 1 to 10,000,000.")
    long jobs;

    @Option(names = "--backends", split = ",", paramLabel = "ID[,ID...]",
            description = "Backends to compare, in this order (default: every registered backend).")
    List<String> backends = new ArrayList<>();

    @Option(names = "--mode", defaultValue = "one_by_one", converter = ModeConverter.class, paramLabel = "MODE",
            description = "one_by_one or in_bulk. Default: ${DEFAULT-VALUE}.")
    SchedulingMode mode;

    @Option(names = "--delay", defaultValue = "10s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Each job is due this long after its enqueue: 0s to 1h. Default: ${DEFAULT-VALUE}.")
    Duration delay;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads for every backend (their own defaults otherwise).")
    Integer threads;

    @Option(names = {"-o", "--backend-option"}, paramLabel = "BACKEND.KEY=VALUE",
            description = "A knob of one backend, e.g. -o jobrunr.poll-interval=5s.")
    Map<String, String> backendOptions = new LinkedHashMap<>();

    @Option(names = "--stall-timeout", defaultValue = "120s", converter = DurationConverter.class,
            paramLabel = "DURATION", description = "A started run without progress for this long is stalled. Default: ${DEFAULT-VALUE}.")
    Duration stallTimeout;

    @Option(names = "--trials", defaultValue = "1", paramLabel = "N",
            description = "Runs to keep per backend, each from clean tables. Default: ${DEFAULT-VALUE}.")
    int trials;

    @Option(names = "--warmup", defaultValue = "0", paramLabel = "M",
            description = "Runs per backend to execute and discard first. Default: ${DEFAULT-VALUE}.")
    int warmups;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = {"An earlier `compare --format json` result: flag each metric that is more than 10% worse",
                    "with 95% intervals apart; exit code 3 when any is."})
    Path baselineFile;

    @Option(names = "--results-log", paramLabel = "FILE",
            description = "Append each kept run as one line of JSON to this file.")
    Path resultsLog;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = {"table, json (an array with one object per backend: its trials as run objects, statistics",
                    "with 95% intervals, resources and fingerprint) or csv (one row per run). Default: ${DEFAULT-VALUE}."})
    OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Map<BackendId, StartRunCommand> commands = new LinkedHashMap<>();
        Map<BackendId, BackendSettings> settings = new LinkedHashMap<>();
        for (QueueBackendProvider provider : chosenProviders()) {
            BackendId id = provider.descriptor().id();
            commands.put(id, StartRunCommand.of(id.value(), jobs, mode, delay));
            settings.put(id, BackendChoice.settings(provider, threads, optionsOf(id)));
        }
        requireOptionsNameChosenBackends(commands.keySet());
        Trials.validate(trials, warmups);
        Baseline baseline = baselineFile == null ? null : Baseline.read(baselineFile);
        ResultsLog log = resultsLog == null ? null : ResultsLog.at(resultsLog);

        List<TrialResult> results = new ArrayList<>();
        try (Bench bench = Bench.open(database, BenchmarkSettings.defaults().withStallTimeout(stallTimeout), settings)) {
            for (StartRunCommand command : commands.values()) {
                ProgressDisplay progress = new ProgressDisplay(spec.commandLine().getErr(), System.console() != null);
                TrialResult result = bench.core().runTrials(command, warmups, trials, progress);
                progress.done();
                if (log != null) {
                    log.append(result.trials());
                }
                results.add(result);
            }
        }
        new ReportPrinter(spec.commandLine().getOut(), format).printComparison(results);
        boolean allFinished = results.stream().allMatch(TrialResult::allFinished);
        if (baseline != null) {
            List<Baseline.Verdict> verdicts = baseline.check(results);
            PrintWriter verdictsOut = format == OutputFormat.table ? spec.commandLine().getOut() : spec.commandLine().getErr();
            if (format == OutputFormat.table) {
                verdictsOut.println();
            }
            baseline.print(verdicts, verdictsOut);
            boolean regressed = verdicts.stream()
                    .anyMatch(v -> v.result().verdict() == RegressionCheck.Verdict.REGRESSION);
            if (regressed) {
                return ExitCode.REGRESSION;
            }
        }
        return allFinished ? ExitCode.OK : ExitCode.RUN_FAILED;
    }

    private List<QueueBackendProvider> chosenProviders() {
        if (backends.isEmpty()) {
            return BackendChoice.registered();
        }
        List<QueueBackendProvider> chosen = new ArrayList<>();
        for (String backend : backends) {
            QueueBackendProvider provider = BackendChoice.provider(BackendId.of(backend.trim()));
            if (chosen.stream().anyMatch(other -> other.descriptor().id().equals(provider.descriptor().id()))) {
                throw new IllegalArgumentException("backend '" + backend + "' is listed twice");
            }
            chosen.add(provider);
        }
        return chosen;
    }

    /** The {@code BACKEND.KEY=VALUE} options of one backend, without the prefix. */
    private Map<String, String> optionsOf(BackendId backend) {
        Map<String, String> options = new LinkedHashMap<>();
        backendOptions.forEach((key, value) -> {
            if (key.startsWith(backend.value() + ".")) {
                options.put(key.substring(backend.value().length() + 1), value);
            }
        });
        return options;
    }

    private void requireOptionsNameChosenBackends(java.util.Set<BackendId> chosen) {
        for (String key : backendOptions.keySet()) {
            boolean known = chosen.stream().anyMatch(id -> key.startsWith(id.value() + "."));
            if (!known) {
                throw new IllegalArgumentException("backend option '" + key + "' must start with one of the compared"
                        + " backends, e.g. " + chosen.iterator().next() + ".threads=8");
            }
        }
    }
}

package dev.queuebench.cli;

import dev.queuebench.common.BadInputException;
import dev.queuebench.common.Bench;
import dev.queuebench.common.DatabaseOptions;
import dev.queuebench.common.ExitCode;
import dev.queuebench.common.RunCommandLine;
import dev.queuebench.core.stats.RegressionCheck;
import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.Profile;
import dev.queuebench.ports.in.AvailableBackend;
import dev.queuebench.ports.in.ComparePlan;
import dev.queuebench.ports.in.Comparison;
import dev.queuebench.ports.in.StartRunCommand;
import dev.queuebench.ports.in.TrialResult;
import dev.queuebench.ports.spi.BackendSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
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
        description = {"Run the same benchmark on several backends in turn, each from tables emptied as if new",
                "(TRUNCATE) with only its own workers running, and print the results side by side.",
                ExitCode.SUMMARY})
final class CompareCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Mixin
    BenchmarkOptions benchmark;

    @Option(names = "--backends", split = ",", paramLabel = "ID[,ID...]",
            description = "Backends to compare, in this order (default: every registered backend).")
    List<String> backends = new ArrayList<>();

    @Option(names = {"-o", "--backend-option"}, paramLabel = "BACKEND.KEY=VALUE",
            description = "A knob of one backend, prefixed with its id: -o BACKEND.threads=4 (see `backends`).")
    Map<String, String> backendOptions = new LinkedHashMap<>();

    @Option(names = "--baseline", paramLabel = "FILE",
            description = {"An earlier `compare --format json` result: flag each metric that is more than 10%% worse",
                    "with 95%% intervals apart; exit code " + ExitCode.REGRESSION + " when any is."})
    Path baselineFile;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = {"table, json (an array with one object per backend: its trials as run objects, statistics",
                    "with 95%% intervals, resources and fingerprint), csv (one row per run), bmf (Bencher Metric",
                    "Format: each backend's means with their 95%% interval, for `bencher run --adapter json`) or html",
                    "(one self-contained file: the table, the charts overlaid, every run's sections, the command).",
                    "Default: ${DEFAULT-VALUE}."})
    OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        OutputFormat.require(format, "compare", OutputFormat.table, OutputFormat.json, OutputFormat.csv,
                OutputFormat.bmf, OutputFormat.html);
        HtmlOutput html = format == OutputFormat.html ? HtmlOutput.require() : null;
        Map<BackendId, StartRunCommand> commands = new LinkedHashMap<>();
        Map<BackendId, BackendSettings> settings = new LinkedHashMap<>();
        List<Profile> profiles = benchmark.profiles;
        BadInputException.check(() -> {
            for (AvailableBackend backend : chosenBackends()) {
                BackendId id = backend.descriptor().id();
                commands.put(id, benchmark.command(id.value()));
                // each profile's values checked; the runs give the backend each profile in turn
                for (Profile profile : profiles) {
                    BackendChoice.settings(backend, profile, benchmark.threads, optionsOf(id));
                }
                settings.put(id, BackendChoice.settings(backend, profiles.get(0), benchmark.threads, optionsOf(id)));
            }
            requireOptionsNameChosenBackends(commands.keySet());
        });
        settings.forEach((id, knobs) -> BackendChoice.requireEnoughConnections(id, knobs, profiles, database));
        benchmark.validate();
        if (baselineFile != null && (benchmark.nodes.size() > 1 || profiles.size() > 1)) {
            throw new BadInputException("--baseline compares one result per backend: give one node count and one"
                    + " profile with it");
        }
        if (benchmark.nodes.size() > 1 && profiles.size() > 1) {
            throw new BadInputException("compare takes several node counts or several profiles, not both: give one"
                    + " --nodes or one --profile");
        }
        ComparePlan plan = benchmark.plan(List.copyOf(commands.values()), database);
        Baseline baseline = baselineFile == null ? null : BadInputException.check(() -> Baseline.read(baselineFile));
        ResultsLog log = benchmark.resultsLogOrNull();

        Comparison comparison;
        try (Bench bench = Bench.open(database, benchmark.settings(), settings)) {
            comparison = bench.core().compare(plan, new ComparisonProgress(spec.commandLine().getErr(), log));
            if (html != null) {
                List<TrialResult> all = comparison.overNodeCounts()
                        ? comparison.byNodeCount().values().stream().flatMap(List::stream).toList()
                        : comparison.results();
                html.print(spec.commandLine().getOut(), bench.core(),
                        all.stream().flatMap(result -> result.trials().stream()).toList(),
                        comparison.overNodeCounts() ? List.of() : all,
                        List.of(RunCommandLine.typed(spec.commandLine().getParseResult().originalArgs())));
            }
        }
        if (html != null) {
            return comparison.allFinished() ? ExitCode.OK : ExitCode.RUN_FAILED;
        }
        List<TrialResult> results = comparison.results();
        ReportPrinter printer = new ReportPrinter(spec.commandLine().getOut(), format);
        if (comparison.overNodeCounts()) {
            printer.printScaling(comparison.byNodeCount());
        } else {
            printer.printComparison(results);
        }
        printer.printResilience(results);
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
        return comparison.allFinished() ? ExitCode.OK : ExitCode.RUN_FAILED;
    }

    private List<AvailableBackend> chosenBackends() {
        if (backends.isEmpty()) {
            return BackendChoice.registered();
        }
        List<AvailableBackend> chosen = new ArrayList<>();
        for (String name : backends) {
            AvailableBackend backend = BackendChoice.backend(BackendId.of(name.trim()));
            if (chosen.stream().anyMatch(other -> other.descriptor().id().equals(backend.descriptor().id()))) {
                throw new IllegalArgumentException("backend '" + name + "' is listed twice");
            }
            chosen.add(backend);
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

package dev.queuebench.cli;

import dev.queuebench.common.BadInputException;
import dev.queuebench.common.Bench;
import dev.queuebench.common.Converters.DurationConverter;
import dev.queuebench.common.Converters.ModeConverter;
import dev.queuebench.common.Converters.ProfileConverter;
import dev.queuebench.common.DatabaseOptions;
import dev.queuebench.common.ExitCode;
import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.JobWork;
import dev.queuebench.domain.JobsCount;
import dev.queuebench.domain.Profile;
import dev.queuebench.domain.RunStatus;
import dev.queuebench.domain.SchedulingMode;
import dev.queuebench.domain.SweepPlan;
import dev.queuebench.ports.in.SweepResult;
import dev.queuebench.ports.spi.BackendSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run one backend over a range to find its peak, each point a stored run linked to the sweep:",
                "  --threads 1,2,4,8   a backlog of --jobs drained at each worker-thread count: the peak drain rate;",
                "  --rates 100,200,400 each rate offered for --duration: the highest rate the backend keeps up with,",
                "                      end-to-end p99 within --slo. Stops once " + SweepPlan.FAILURES_TO_STOP
                        + " points in a row fail.",
                "Exit codes: " + ExitCode.OK + " the sweep found a peak, " + ExitCode.RUN_FAILED
                        + " a point's run stalled, was interrupted or lost jobs, or no point passed, "
                        + ExitCode.BAD_INPUT + " bad input, " + ExitCode.SOFTWARE_ERROR + " an unexpected error."})
final class SweepCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Option(names = "--backend", required = true, paramLabel = "ID", description = "Backend id, see `backends`.")
    String backend;

    @ArgGroup(multiplicity = "1")
    Range range;

    static final class Range {
        @Option(names = "--threads", split = ",", paramLabel = "N[,N...]", required = true,
                description = "Worker-thread counts, rising: 1,2,4,8,16,32.")
        List<Double> threads;

        @Option(names = "--rates", split = ",", paramLabel = "R[,R...]", required = true,
                description = "Offered jobs/s, rising: 100,200,400,800.")
        List<Double> rates;
    }

    @Option(names = "--jobs", defaultValue = "50000", paramLabel = "N",
            description = "The backlog each thread point drains. Default: ${DEFAULT-VALUE}.")
    int jobs;

    @Option(names = "--duration", defaultValue = "30s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "How long each rate point offers its rate. Default: ${DEFAULT-VALUE}.")
    Duration duration;

    @Option(names = "--slo", defaultValue = "1s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "A rate point passes when it keeps up with an end-to-end p99 within this. "
                    + "Default: ${DEFAULT-VALUE}.")
    Duration slo;

    @Option(names = "--mode", converter = ModeConverter.class, paramLabel = "MODE",
            description = {"one_by_one or in_bulk. Default: in_bulk for --threads (the backlog's enqueue is not what",
                    "a thread sweep measures), one_by_one for --rates (one enqueue call per offered job)."})
    SchedulingMode mode;

    @Mixin
    JobWorkOptions jobWork;

    @Option(names = "--profile", defaultValue = Profile.DEFAULT_WIRE_NAME, converter = ProfileConverter.class,
            paramLabel = "PROFILE", description = "shipped or tuned: whose advice the backend's knobs follow (see"
                    + " `backends`). Default: ${DEFAULT-VALUE}.")
    Profile profile;

    @Option(names = {"-o", "--backend-option"}, paramLabel = "KEY=VALUE",
            description = "A backend knob, e.g. -o poll-interval=500ms (a thread sweep sets the threads itself).")
    Map<String, String> backendOptions = new LinkedHashMap<>();

    @Mixin
    StallTimeoutOption stall;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table, json (the sweep with each point's run object) or csv (one row per point). "
                    + "Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        OutputFormat.require(format, "sweep", OutputFormat.table, OutputFormat.json, OutputFormat.csv);
        BackendId backendId = BackendId.of(backend.trim());
        SweepPlan plan = BadInputException.check(this::plan);
        BackendSettings settings = BadInputException.check(() ->
                BackendChoice.settings(BackendChoice.backend(backendId), profile, null, backendOptions));
        if (plan.kind() == SweepPlan.Kind.THREADS && settings.values().containsKey(BackendSettings.THREADS)) {
            throw new BadInputException("a thread sweep sets the worker threads itself: leave out -o "
                    + BackendSettings.THREADS + "=...");
        }
        if (plan.kind() == SweepPlan.Kind.THREADS) {
            for (Double threads : plan.values()) {
                BackendChoice.requireEnoughConnections(backendId, settings.with(BackendSettings.THREADS,
                        Integer.toString(threads.intValue())), List.of(profile), database);
            }
        } else {
            BackendChoice.requireEnoughConnections(backendId, settings, List.of(profile), database);
        }

        SweepResult sweep;
        try (Bench bench = Bench.open(database, stall.settings(),
                Map.of(backendId, settings))) {
            ProgressDisplay progress = new ProgressDisplay(spec.commandLine().getErr(), System.console() != null);
            sweep = bench.core().runSweep(plan, progress);
            progress.done();
        }
        new ReportPrinter(spec.commandLine().getOut(), format).printSweep(sweep);
        boolean everyRunFinished = sweep.points().stream()
                .allMatch(point -> point.report().status() == RunStatus.FINISHED);
        return everyRunFinished && sweep.peak().isPresent() ? ExitCode.OK : ExitCode.RUN_FAILED;
    }

    private SweepPlan plan() {
        boolean threadSweep = range.threads != null;
        SchedulingMode chosenMode = mode != null ? mode
                : threadSweep ? SchedulingMode.IN_BULK : SchedulingMode.ONE_BY_ONE;
        JobWork work = jobWork.jobWork();
        return threadSweep
                ? new SweepPlan(BackendId.of(backend.trim()), SweepPlan.Kind.THREADS, range.threads,
                        JobsCount.of(jobs), null, slo, chosenMode, work)
                : new SweepPlan(BackendId.of(backend.trim()), SweepPlan.Kind.RATES, range.rates, null, duration, slo,
                        chosenMode, work);
    }
}

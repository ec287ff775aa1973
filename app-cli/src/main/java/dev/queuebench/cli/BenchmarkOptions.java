package dev.queuebench.cli;

import dev.queuebench.common.BadInputException;
import dev.queuebench.common.Converters.DurationConverter;
import dev.queuebench.common.Converters.ModeConverter;
import dev.queuebench.common.Converters.ProfileConverter;
import dev.queuebench.common.DatabaseOptions;
import dev.queuebench.domain.FaultSpec;
import dev.queuebench.domain.JobDelay;
import dev.queuebench.domain.Profile;
import dev.queuebench.domain.RunSizing;
import dev.queuebench.domain.SchedulingMode;
import dev.queuebench.domain.TrialPlan;
import dev.queuebench.domain.Workload;
import dev.queuebench.ports.in.BenchmarkSettings;
import dev.queuebench.ports.in.ComparePlan;
import dev.queuebench.ports.in.StartRunCommand;
import dev.queuebench.ports.spi.BackendSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What {@code run} and {@code compare} share: the benchmark to run, how often, and where results go. */
final class BenchmarkOptions {

    static final int MAX_NODES = ComparePlan.MAX_NODES;

    @Option(names = "--workload", defaultValue = "delayed", paramLabel = "WORKLOAD",
            description = {"delayed (a backend worker enqueues the jobs, each due --delay later, while the workers run),",
                    "backlog (every job enqueued, due at once, while no worker runs; then drained) or",
                    "rate (--rate jobs/s offered for --duration on a fixed schedule). Default: ${DEFAULT-VALUE}."})
    String workload;

    @Option(names = "--jobs", paramLabel = "N",
            description = {"Jobs to schedule: 1 to 10,000,000 (delayed and backlog; a rate's are rate x duration).",
                    "Left out, each backend's runs are sized by --min-duration."})
    Long jobs;

    @Option(names = "--min-duration", converter = DurationConverter.class, paramLabel = "DURATION",
            description = {"delayed and backlog, instead of --jobs: as many jobs per run as make the middle 80%% of its",
                    "completions last this long on each backend, from the steady rate of a discarded calibration run",
                    "(1,000 jobs, and larger ones while too short to tell). Default: " + RunSizing.DEFAULT_MINIMUM_TEXT
                            + " when --jobs is left out."})
    Duration minDuration;

    @Option(names = "--rate", paramLabel = "JOBS_PER_S",
            description = "The rate workload's offer, in jobs per second (up to 100,000).")
    Double rate;

    @Option(names = "--duration", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "How long the rate workload offers its rate: 1s to 24h.")
    Duration duration;

    @Option(names = "--mode", defaultValue = "one_by_one", converter = ModeConverter.class, paramLabel = "MODE",
            description = "one_by_one (one enqueue call per job) or in_bulk (batches of 1,000). Default: ${DEFAULT-VALUE}.")
    SchedulingMode mode;

    @Option(names = "--delay", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Each job of the delayed workload is due this long after its enqueue: 0s to 1h. Default: "
                    + JobDelay.DEFAULT_TEXT + ".")
    Duration delay;

    @Mixin
    JobWorkOptions jobWork;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads of the backend(s), the same for each: " + BackendSettings.DEFAULT_THREADS
                    + " unless given (or -o BACKEND.threads=N for one).")
    Integer threads;

    @Option(names = {"--profile", "--profiles"}, split = ",", defaultValue = Profile.DEFAULT_WIRE_NAME,
            converter = ProfileConverter.class, paramLabel = "PROFILE",
            description = {"Whose advice the backends' knobs follow: shipped (the library as its authors ship it,",
                    "with the harness's changes named) or tuned (the authors' published advice for throughput). `-o`",
                    "overrides a value; `backends` lists both with their sources. `compare` takes a list",
                    "(shipped,tuned) and prints them side by side. Default: ${DEFAULT-VALUE}."})
    List<Profile> profiles;

    @Option(names = "--nodes", defaultValue = "1", split = ",", paramLabel = "N",
            description = {"Nodes that execute the run: this process and N-1 `worker` processes started on this machine",
                    "(each its own JVM, workers and pools), sharing the work through the backend's own clustering;",
                    "the report shows each node's share. Up to " + BenchmarkOptions.MAX_NODES + ". `compare` takes a"
                            + " rising list (1,2,4) and prints the scaling table. Default: ${DEFAULT-VALUE}."})
    List<Integer> nodes;

    @Option(names = "--fault", paramLabel = "SPEC",
            description = {"A fault to inject into each run (repeatable), at a share of the jobs completed or a time",
                    "after the workers started: kill-node@40%% (SIGKILL a worker node), pause-node@40%%:30s (SIGSTOP,",
                    "SIGCONT 30 s later), drop-connections@15s (pg_terminate_backend of the backend's sessions),",
                    "restart-db@50%% (the embedded PostgreSQL). A fault fires at the first progress report (about",
                    "twice a second) at or past its share or time. Node faults need --nodes 2 or more. Each is stored",
                    "with the run; `compare` prints the resilience table."})
    List<String> faults = new ArrayList<>();

    @Mixin
    StallTimeoutOption stall;

    @Option(names = "--trials", defaultValue = "1", paramLabel = "N",
            description = "Runs to keep, each from clean tables; with more than one, statistics. Default: ${DEFAULT-VALUE}.")
    int trials;

    @Option(names = "--warmup", paramLabel = "M",
            description = "Runs to execute and discard first. Default: 1 with more than one trial, else 0.")
    Integer warmups;

    @Option(names = "--results-log", paramLabel = "FILE",
            description = "Append each kept run as one line of JSON to this file.")
    Path resultsLog;

    /**
     * The run these options ask for on {@code backend}.
     *
     * @throws BadInputException for options that do not fit the workload, or values out of range
     */
    StartRunCommand command(String backend) {
        return BadInputException.check(() -> {
            StartRunCommand command = switch (workload.trim().toLowerCase(Locale.ROOT)) {
                case "rate" -> {
                    refuse(jobs != null, "the rate workload's jobs are --rate x --duration: leave out --jobs");
                    refuse(minDuration != null, "a rate run lasts its --duration: leave out --min-duration");
                    refuse(delay != null, "the rate workload's jobs are due at their intended time: leave out --delay");
                    refuse(rate == null || duration == null, "the rate workload needs --rate and --duration,"
                            + " e.g. --rate 500 --duration 60s");
                    yield StartRunCommand.rate(backend, rate, duration, mode);
                }
                case "backlog" -> {
                    requireJobsWithoutRate();
                    refuse(delay != null, "a backlog's jobs are due when they are enqueued: leave out --delay");
                    yield StartRunCommand.backlog(backend, jobsOrFirstCalibration(), mode);
                }
                default -> {
                    Workload.withoutParameters(workload.trim().toLowerCase(Locale.ROOT));
                    requireJobsWithoutRate();
                    yield StartRunCommand.of(backend, jobsOrFirstCalibration(), mode,
                            delay == null ? JobDelay.DEFAULT.value() : delay);
                }
            };
            return command.withJobWork(jobWork.jobWork());
        });
    }

    private void requireJobsWithoutRate() {
        refuse(jobs != null && minDuration != null, "give --jobs or --min-duration, not both: --jobs sets the jobs"
                + " of every run, --min-duration sizes each backend's runs by time");
        refuse(rate != null || duration != null, "--rate and --duration belong to the rate workload (--workload rate)");
    }

    /** The jobs given, or the first calibration run's size for runs sized by time ({@link #sizing()}). */
    private long jobsOrFirstCalibration() {
        return jobs != null ? jobs : RunSizing.FIRST_CALIBRATION_JOBS;
    }

    /**
     * How each backend's runs are sized by time: for a delayed or backlog benchmark without {@code --jobs}; empty when
     * {@code --jobs} or a rate sets the jobs.
     *
     * @throws BadInputException for a minimum out of range
     */
    Optional<RunSizing> sizing() {
        if (jobs != null || workload.trim().equalsIgnoreCase("rate")) {
            return Optional.empty();
        }
        Duration minimum = minDuration == null ? RunSizing.DEFAULT_MINIMUM : minDuration;
        return Optional.of(BadInputException.check(() -> new RunSizing(minimum)));
    }

    /** Runs to discard before the trials: as given, else one before several trials. */
    int warmups() {
        return warmups != null ? warmups : trials > 1 ? 1 : 0;
    }

    private static void refuse(boolean wrong, String message) {
        if (wrong) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The {@code --fault}s. @throws BadInputException for one that cannot be read, or needs more nodes */
    List<FaultSpec> faultSpecs(DatabaseOptions database) {
        List<FaultSpec> specs = new ArrayList<>();
        for (String text : faults) {
            FaultSpec spec = BadInputException.check(() -> FaultSpec.parse(text));
            if (spec.kind().needsWorkerNode() && nodes.stream().anyMatch(count -> count < 2)) {
                throw new BadInputException("--fault " + spec + " hits a worker node: give --nodes 2 or more"
                        + " (was " + nodes + ")");
            }
            if (spec.kind() == FaultSpec.Kind.RESTART_DB && !database.embedded()) {
                throw new BadInputException("--fault " + spec + " restarts the embedded PostgreSQL: leave out"
                        + " --jdbc-url, or restart your own server yourself");
            }
            specs.add(spec);
        }
        return specs;
    }

    /** @throws BadInputException for trials, warm-ups or nodes out of range, naming the option */
    void validate() {
        for (int i = 0; i < nodes.size(); i++) {
            int count = nodes.get(i);
            if (count < 1 || count > MAX_NODES) {
                throw new BadInputException("--nodes must be between 1 and " + MAX_NODES + ", was " + count);
            }
            if (i > 0 && count <= nodes.get(i - 1)) {
                throw new BadInputException("--nodes takes node counts that rise, e.g. 1,2,4; was " + nodes);
            }
        }
        if (nodes.stream().anyMatch(count -> count > 1) && workload.trim().equalsIgnoreCase("backlog")) {
            throw new BadInputException("a backlog is enqueued while no worker runs, but worker nodes run theirs from"
                    + " the start: --nodes takes the delayed or the rate workload");
        }
        if (trials < 1 || trials > TrialPlan.MAX) {
            throw new BadInputException("--trials must be between 1 and " + TrialPlan.MAX + ", was " + trials);
        }
        if (profiles.stream().distinct().count() != profiles.size()) {
            throw new BadInputException("a profile is listed twice in --profiles " + profiles);
        }
        if (warmups() < 0 || warmups() > TrialPlan.MAX) {
            throw new BadInputException("--warmup must be between 0 and " + TrialPlan.MAX + ", was " + warmups());
        }
        sizing();
        BadInputException.check(this::settings);
    }

    /**
     * The benchmark these options ask for, on these commands (one per backend).
     *
     * @throws BadInputException for a plan that does not hold together
     */
    ComparePlan plan(List<StartRunCommand> commands, DatabaseOptions database) {
        List<FaultSpec> faults = faultSpecs(database);
        return BadInputException.check(() -> new ComparePlan(commands, profiles, nodes, faults, sizing(),
                new TrialPlan(warmups(), trials)));
    }

    /** The one profile of a {@code run}. @throws BadInputException for a list */
    Profile singleProfile() {
        if (profiles.size() != 1) {
            throw new BadInputException("run takes one profile (--profile shipped); compare takes a list, was "
                    + profiles);
        }
        return profiles.get(0);
    }

    /** The one node count of a {@code run}. @throws BadInputException for a list */
    int singleNodeCount() {
        if (nodes.size() != 1) {
            throw new BadInputException("run takes one node count (--nodes 2); compare takes a list, was " + nodes);
        }
        return nodes.get(0);
    }

    /** @throws BadInputException for a results log that cannot be written */
    ResultsLog resultsLogOrNull() {
        return resultsLog == null ? null : BadInputException.check(() -> ResultsLog.at(resultsLog));
    }

    boolean singleRun() {
        return trials == 1 && warmups() == 0;
    }

    BenchmarkSettings settings() {
        return stall.settings();
    }
}

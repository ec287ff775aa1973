package dev.queuebench.common;

import dev.queuebench.domain.Durations;
import dev.queuebench.domain.JobWork;
import dev.queuebench.domain.Profile;
import dev.queuebench.domain.RunSpec;
import dev.queuebench.domain.Workload;
import dev.queuebench.ports.in.AvailableBackend;
import dev.queuebench.ports.in.BackendOption;
import dev.queuebench.ports.in.RunFault;
import dev.queuebench.ports.in.RunReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code queue-bench run} command that runs a stored run again: its backend, workload and size, scheduling mode,
 * profile, threads, the jobs' work, its nodes, and {@code -o} for each knob whose recorded value is not its profile's.
 * A fault's trigger (the share or time it fired at) is not stored, so a run that met injected faults names them in a
 * trailing comment instead of guessing its {@code --fault}.
 */
public final class RunCommandLine {

    private static final String PASSWORD_OPTION = "--db-password";
    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)([?&;]password=)[^&;]*");
    /** The knob that is its own option ({@code --threads}), not a {@code -o}. */
    private static final String THREADS = "threads";

    private RunCommandLine() {
    }

    /** Each run's command, a command that several runs share once. */
    public static List<String> ofEach(List<RunReport> runs, List<AvailableBackend> registered) {
        return runs.stream().map(run -> of(run, registered)).distinct().toList();
    }

    public static String of(RunReport report, List<AvailableBackend> registered) {
        RunSpec spec = report.run().spec();
        List<String> words = new ArrayList<>(List.of("queue-bench", "run", "--backend", spec.backend().value(),
                "--workload", spec.workload().wireName()));
        if (spec.workload() instanceof Workload.Rate rate) {
            words.addAll(List.of("--rate", Text.plain(rate.jobsPerSecond()), "--duration",
                    Durations.format(rate.duration())));
        } else {
            words.addAll(List.of("--jobs", Long.toString(spec.jobsCount().value())));
        }
        if (spec.workload() instanceof Workload.Delayed) {
            words.addAll(List.of("--delay", Durations.format(spec.jobDelay().value())));
        }
        words.addAll(List.of("--mode", spec.schedulingMode().wireName()));
        Map<String, String> facts = report.environment();
        report.threadsPerNode().ifPresent(threads -> words.addAll(List.of("--threads", Integer.toString(threads))));
        Optional<Profile> profile = report.profile();
        profile.ifPresent(p -> words.addAll(List.of("--profile", p.wireName())));
        JobWork work = spec.jobWork();
        if (work.kind() != JobWork.Kind.NONE) {
            words.addAll(List.of("--job-work", work.workText()));
        }
        if (work.payloadBytes() > 0) {
            words.addAll(List.of("--payload", work.payloadText()));
        }
        if (report.nodesStarted() > 1) {
            words.addAll(List.of("--nodes", Integer.toString(report.nodesStarted())));
        }
        registered.stream().filter(backend -> backend.descriptor().id().equals(spec.backend())).findFirst()
                .ifPresent(backend -> profile.ifPresent(p -> {
                    for (BackendOption option : backend.options()) {
                        String recorded = facts.get("backend." + option.name());
                        if (!option.name().equals(THREADS) && recorded != null
                                && !recorded.equals(option.defaultIn(p))) {
                            words.addAll(List.of("-o", option.name() + "=" + recorded));
                        }
                    }
                }));
        String line = words.stream().map(RunCommandLine::quoted).collect(Collectors.joining(" "));
        List<RunFault> faults = report.injectedFaults();
        if (!faults.isEmpty()) {
            line += "   # and its faults (" + faults.stream().map(RunFault::kind).distinct()
                    .collect(Collectors.joining(", ")) + "): add each --fault as it was given";
        }
        return line;
    }

    /**
     * The command as it was typed ({@code args} as picocli keeps them, the subcommand first), without what is
     * secret: a report is made to be passed on, so a {@code --db-password} is left out and a password in a JDBC URL
     * becomes {@code ***}.
     */
    public static String typed(List<String> args) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals(PASSWORD_OPTION)) {
                i++;
            } else if (!arg.startsWith(PASSWORD_OPTION + "=")) {
                shown.add(PASSWORD_IN_URL.matcher(arg).replaceAll("$1***"));
            }
        }
        return "queue-bench " + shown.stream().map(RunCommandLine::quoted).collect(Collectors.joining(" "));
    }

    /** A word a shell takes as it is, or in single quotes. */
    public static String quoted(String word) {
        return word.matches("[A-Za-z0-9_./:=,@%+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}

package dev.queuebench.common;

import dev.queuebench.domain.RunId;
import dev.queuebench.ports.in.AvailableBackend;
import dev.queuebench.ports.in.RunLatencies;
import dev.queuebench.ports.in.RunLatenciesQuery;
import dev.queuebench.ports.in.RunReport;
import dev.queuebench.ports.in.TrialResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a self-contained HTML report holds: runs already measured, with their latency distributions, the comparison
 * they were part of (empty for runs picked one by one), the backends as registered (for versions and knobs' profile
 * values) and the commands that reproduce it.
 *
 * @param title    what the report is of, e.g. "db-scheduler, JobRunr, Quartz and postgres: backlog of 10,000 jobs"
 * @param results  each backend's trials when the runs come from one comparison, else empty
 * @param commands the command that made it ({@code queue-bench compare ...}), or each run's {@code queue-bench run}
 */
public record HtmlReport(String title, List<RunReport> runs, Map<RunId, RunLatencies> latencies,
                         List<TrialResult> results, List<AvailableBackend> backends, List<String> commands,
                         Instant generatedAt) {

    /** Beyond this many runs the overlaid charts are too crowded to read: the page and {@code report} refuse more. */
    public static final int MAX_RUNS = 24;

    public HtmlReport {
        Objects.requireNonNull(title, "title is required");
        runs = List.copyOf(runs);
        latencies = Map.copyOf(latencies);
        results = List.copyOf(results);
        backends = List.copyOf(backends);
        commands = List.copyOf(commands);
        Objects.requireNonNull(generatedAt, "generation time is required");
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one run");
        }
    }

    /** The report of {@code runs} as they are now, titled by {@link #titleOf}, with every run's distributions. */
    public static HtmlReport of(List<RunReport> runs, RunLatenciesQuery latencies, List<TrialResult> results,
                                List<AvailableBackend> backends, List<String> commands) {
        Map<RunId, RunLatencies> byRun = new HashMap<>();
        for (RunReport run : runs) {
            latencies.latencies(run.run().id()).ifPresent(found -> byRun.put(run.run().id(), found));
        }
        return new HtmlReport(titleOf(runs), runs, byRun, results, backends, commands, Instant.now());
    }

    /**
     * Runs picked one by one, as the trials they are: runs whose reproducing command is the same (backend, workload
     * and size, mode, threads, profile, knobs, nodes) are trials of one benchmark, in the order they come. Empty when
     * no benchmark has two runs among them: one run is no statistic.
     */
    public static List<TrialResult> trialsOf(List<RunReport> runs, List<AvailableBackend> registered) {
        Map<String, List<RunReport>> byCommand = new LinkedHashMap<>();
        for (RunReport run : runs) {
            byCommand.computeIfAbsent(RunCommandLine.of(run, registered), command -> new ArrayList<>()).add(run);
        }
        if (byCommand.values().stream().allMatch(trials -> trials.size() < 2)) {
            return List.of();
        }
        return byCommand.values().stream()
                .map(trials -> new TrialResult(trials.get(0).run().backend(), 0, trials)).toList();
    }

    /** "db-scheduler and postgres: a backlog ..." or "Run 12: db-scheduler, ...". */
    public static String titleOf(List<RunReport> runs) {
        RunReport first = runs.get(0);
        if (runs.size() == 1) {
            return "Run " + first.run().id() + ": " + first.run().backend() + ", " + Text.count(first.run().jobsCount())
                    + " jobs, " + Text.workload(first.run().spec());
        }
        List<String> backends = runs.stream().map(run -> run.run().backend().value()).distinct().toList();
        boolean sameWork = runs.stream().allMatch(run -> run.run().spec().workload().equals(first.run().spec()
                .workload()) && run.run().jobsCount() == first.run().jobsCount());
        String names = backends.size() == 1 ? backends.get(0) : String.join(", ", backends.subList(0,
                backends.size() - 1)) + " and " + backends.get(backends.size() - 1);
        return names + ": " + Text.count(runs.size()) + " runs" + (sameWork ? " of " + Text.count(first.run()
                .jobsCount()) + " jobs, " + Text.workload(first.run().spec()) : "");
    }
}

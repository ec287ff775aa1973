package dev.queuebench.cli;

import dev.queuebench.common.BadInputException;
import dev.queuebench.common.HtmlReport;
import dev.queuebench.common.HtmlReportRenderer;
import dev.queuebench.common.RunCommandLine;
import dev.queuebench.common.Text;
import dev.queuebench.ports.in.RunLatenciesQuery;
import dev.queuebench.domain.RunId;
import dev.queuebench.ports.in.AvailableBackend;
import dev.queuebench.ports.in.RunLatencies;
import dev.queuebench.ports.in.RunReport;
import dev.queuebench.ports.in.TrialResult;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code --format html}: one self-contained file of stored runs, written by the renderer the web runner provides.
 * The renderer is looked up before anything runs, so that a missing one costs no benchmark.
 */
final class HtmlOutput {

    private final HtmlReportRenderer renderer;

    private HtmlOutput(HtmlReportRenderer renderer) {
        this.renderer = renderer;
    }

    static HtmlOutput require() {
        return new HtmlOutput(HtmlReportRenderer.find().orElseThrow(() -> new BadInputException("--format html is"
                + " written by Queue Bench's web module, which is not on the classpath: use the queue-bench"
                + " program, which carries it, or --format json")));
    }

    /** The report of {@code runs}, with their trials' statistics when they come from one comparison. */
    void print(PrintWriter out, RunLatenciesQuery core, List<RunReport> runs, List<TrialResult> results,
               List<String> commands) {
        Map<RunId, RunLatencies> latencies = new HashMap<>();
        for (RunReport run : runs) {
            core.latencies(run.run().id()).ifPresent(found -> latencies.put(run.run().id(), found));
        }
        out.print(renderer.render(new HtmlReport(title(runs), runs, latencies, results, BackendChoice.registered(),
                commands, Instant.now())));
        out.flush();
    }

    /** Each run's own {@code queue-bench run} command. */
    static List<String> commandsOf(List<RunReport> runs) {
        List<AvailableBackend> registered = BackendChoice.registered();
        return runs.stream().map(run -> RunCommandLine.of(run, registered)).distinct().toList();
    }

    /** "db-scheduler and postgres: a backlog ..." or "Run 12: db-scheduler, ...". */
    static String title(List<RunReport> runs) {
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

package dev.queuebench.cli;

import dev.queuebench.common.BadInputException;
import dev.queuebench.common.HtmlReport;
import dev.queuebench.common.HtmlReportRenderer;
import dev.queuebench.ports.in.RunLatenciesQuery;
import dev.queuebench.ports.in.RunReport;
import dev.queuebench.ports.in.TrialResult;
import java.io.PrintWriter;
import java.util.List;

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
        out.print(renderer.render(HtmlReport.of(runs, core, results, BackendChoice.registered(), commands)));
        out.flush();
    }
}

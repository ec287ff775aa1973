package dev.queuebench.web;

import dev.queuebench.common.HtmlReport;
import dev.queuebench.common.RunCommandLine;
import dev.queuebench.common.Text;
import dev.queuebench.ports.in.AvailableBackend;
import dev.queuebench.ports.in.GetRunReportQuery;
import dev.queuebench.ports.in.RunLatenciesQuery;
import dev.queuebench.ports.in.RunReport;
import io.javalin.http.Context;
import io.javalin.http.UnprocessableContentResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs side by side ({@code GET /compare?runs=12,13,14}, also {@code ?runs=12&runs=13} as the list's checkboxes send
 * it): the table, the overlaid charts, verdicts, resources and the settings that differ; its address is the runs,
 * so it can be passed on. {@code GET /compare/report.html?runs=...} is the same as one file to download.
 */
final class ComparePage {

    /** The downloaded file styles itself and runs nothing: inline styles, no script, nothing fetched. */
    static final String REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:;"
            + " frame-ancestors 'none'";

    private final GetRunReportQuery reports;
    private final RunLatenciesQuery latencies;
    private final Supplier<List<AvailableBackend>> backends;
    private final Views views;
    private final StandaloneReport standalone = new StandaloneReport();

    ComparePage(GetRunReportQuery reports, RunLatenciesQuery latencies, Supplier<List<AvailableBackend>> backends,
                Views views) {
        this.reports = Objects.requireNonNull(reports);
        this.latencies = Objects.requireNonNull(latencies);
        this.backends = Objects.requireNonNull(backends);
        this.views = Objects.requireNonNull(views);
    }

    void show(Context ctx) {
        List<String> ids = runIds(ctx);
        HtmlReport report = report(ids);
        ctx.html(views.render("compare.jte", ComparisonView.of(report, false, null,
                "/compare/report.html?runs=" + String.join(",", ids))));
    }

    void download(Context ctx) {
        List<String> ids = runIds(ctx);
        String html = standalone.render(report(ids));
        ctx.header("Content-Security-Policy", REPORT_POLICY);
        ctx.header("Content-Disposition", "attachment; filename=\"queue-bench-runs-" + String.join("-", ids)
                + ".html\"");
        ctx.contentType("text/html; charset=utf-8").result(html);
    }

    private HtmlReport report(List<String> ids) {
        List<RunReport> runs = new ArrayList<>();
        for (String id : ids) {
            runs.add(RunPage.find(reports, id));
        }
        List<AvailableBackend> registered = backends.get();
        return HtmlReport.of(runs, latencies, HtmlReport.trialsOf(runs, registered), registered,
                RunCommandLine.ofEach(runs, registered));
    }

    /** The runs asked for, in order, each once; 422 for none, too many or one that is not a run id. */
    private static List<String> runIds(Context ctx) {
        Set<String> ids = new LinkedHashSet<>();
        for (String value : ctx.queryParams("runs")) {
            for (String id : value.split(",")) {
                if (!id.isBlank()) {
                    ids.add(id.strip());
                }
            }
        }
        if (ids.isEmpty()) {
            throw new UnprocessableContentResponse("Pick the runs to compare: tick them in the list of runs, or give"
                    + " their ids, e.g. /compare?runs=12,13,14.");
        }
        if (ids.size() > HtmlReport.MAX_RUNS) {
            throw new UnprocessableContentResponse("A comparison holds at most " + HtmlReport.MAX_RUNS + " runs, not "
                    + ids.size() + ": pick fewer.");
        }
        List<String> bad = ids.stream().filter(id -> !id.matches("[1-9][0-9]{0,17}")).toList();
        if (!bad.isEmpty()) {
            throw new UnprocessableContentResponse("Run ids are positive whole numbers; "
                    + bad.stream().map(id -> "'" + Text.abbreviate(id, 20) + "'").collect(Collectors.joining(", "))
                    + (bad.size() == 1 ? " is not one." : " are not."));
        }
        return List.copyOf(ids);
    }
}

package dev.queuebench.web;

import dev.queuebench.common.RunJson;
import dev.queuebench.common.Text;
import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.measure.LatencyKind;
import dev.queuebench.ports.in.GetRunReportQuery;
import dev.queuebench.ports.in.ListBackendsQuery;
import dev.queuebench.ports.in.ListRunsQuery;
import dev.queuebench.ports.in.RunLatenciesQuery;
import dev.queuebench.ports.in.RunListFilter;
import io.javalin.http.Context;
import io.javalin.http.UnprocessableContentResponse;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs as JSON, the objects {@code queue-bench show --format json} prints: {@code GET /api/runs} (newest first,
 * {@code ?backend=&status=&workload=&limit=&before=}) and {@code GET /api/runs/{id}}. The page's live status polls the latter.
 */
final class RunsApi {

    static final int DEFAULT_LIMIT = 25;

    private final ListRunsQuery runs;
    private final GetRunReportQuery reports;
    private final RunLatenciesQuery latencies;
    private final ListBackendsQuery backends;

    RunsApi(ListRunsQuery runs, GetRunReportQuery reports, RunLatenciesQuery latencies, ListBackendsQuery backends) {
        this.runs = Objects.requireNonNull(runs);
        this.reports = Objects.requireNonNull(reports);
        this.latencies = Objects.requireNonNull(latencies);
        this.backends = Objects.requireNonNull(backends);
    }

    void list(Context ctx) {
        RunListFilter filter;
        try {
            filter = new RunListFilter(backend(ctx.queryParam("backend")), limit(ctx.queryParam("limit")),
                    before(ctx.queryParam("before")));
            String workload = ctx.queryParam("workload");
            if (!isAbsent(workload)) {
                filter = filter.ofWorkload(ListParameters.workload(workload.strip()));
            }
            String status = ctx.queryParam("status");
            if (!isAbsent(status)) {
                filter = filter.inStatus(ListParameters.status(status.strip()));
            }
        } catch (IllegalArgumentException e) {
            throw new UnprocessableContentResponse(e.getMessage());
        }
        ctx.json(runs.listRuns(filter).stream().map(RunJson::of).toList());
    }

    void show(Context ctx) {
        ctx.json(RunJson.of(RunPage.find(reports, ctx.pathParam("id"))));
    }

    /**
     * {@code GET /api/runs/{id}/latency.hgrm?latency=end-to-end}: HdrHistogram's percentile-distribution text, as
     * {@code show --format hgrm} prints it; 422 for a latency with none (unknown, empty or with negative values).
     */
    void hgrm(Context ctx) {
        RunId runId = RunPage.find(reports, ctx.pathParam("id")).run().id();
        String wanted = ctx.queryParam("latency");
        LatencyKind kind;
        try {
            kind = isAbsent(wanted) ? LatencyKind.END_TO_END : LatencyKind.of(wanted);
        } catch (IllegalArgumentException e) {
            throw new UnprocessableContentResponse(Text.abbreviate(e.getMessage(), 200));
        }
        String text = latencies.latencies(runId).flatMap(all -> all.of(kind).hgrm())
                .orElseThrow(() -> new UnprocessableContentResponse("Run " + runId + " has no " + kind.label()
                        + " distribution HdrHistogram's text can hold: none recorded, or some negative (jobs ahead"
                        + " of their due time)."));
        ctx.contentType("text/plain; charset=utf-8").result(text);
    }

    private Optional<BackendId> backend(String value) {
        if (isAbsent(value)) {
            return Optional.empty();
        }
        return Optional.of(new RegisteredBackends(backends.backends()).require(value.strip()));
    }

    private static int limit(String value) {
        if (isAbsent(value)) {
            return DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("limit must be a whole number between 1 and "
                    + RunListFilter.MAX_LIMIT + ", was '" + Text.abbreviate(value, 40) + "'");
        }
    }

    private static Optional<RunId> before(String value) {
        if (isAbsent(value)) {
            return Optional.empty();
        }
        try {
            return Optional.of(RunId.parse(value));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("before must be a run id (a positive whole number), was '"
                    + Text.abbreviate(value, 40) + "'");
        }
    }

    private static boolean isAbsent(String value) {
        return value == null || value.isBlank();
    }
}

package dev.queuebench.web;

import dev.queuebench.common.RunJson;
import dev.queuebench.common.Text;
import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.RunId;
import dev.queuebench.ports.in.GetRunReportQuery;
import dev.queuebench.ports.in.ListBackendsQuery;
import dev.queuebench.ports.in.ListRunsQuery;
import dev.queuebench.ports.in.RunListFilter;
import io.javalin.http.Context;
import io.javalin.http.UnprocessableContentResponse;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs as JSON, the objects {@code queue-bench show --format json} prints: {@code GET /api/runs} (newest first,
 * {@code ?backend=&limit=&before=}) and {@code GET /api/runs/{id}}. The page's live status polls the latter.
 */
final class RunsApi {

    static final int DEFAULT_LIMIT = 25;

    private final ListRunsQuery runs;
    private final GetRunReportQuery reports;
    private final ListBackendsQuery backends;

    RunsApi(ListRunsQuery runs, GetRunReportQuery reports, ListBackendsQuery backends) {
        this.runs = Objects.requireNonNull(runs);
        this.reports = Objects.requireNonNull(reports);
        this.backends = Objects.requireNonNull(backends);
    }

    void list(Context ctx) {
        RunListFilter filter;
        try {
            filter = new RunListFilter(backend(ctx.queryParam("backend")), limit(ctx.queryParam("limit")),
                    before(ctx.queryParam("before")));
        } catch (IllegalArgumentException e) {
            throw new UnprocessableContentResponse(e.getMessage());
        }
        ctx.json(runs.listRuns(filter).stream().map(RunJson::of).toList());
    }

    void show(Context ctx) {
        ctx.json(RunJson.of(RunPage.find(reports, ctx.pathParam("id"))));
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

package dev.queuebench.web;

import dev.queuebench.common.Text;
import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.JobDelay;
import dev.queuebench.domain.Profile;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.Workload;
import dev.queuebench.ports.in.BackendDescriptor;
import dev.queuebench.ports.in.GetRunReportQuery;
import dev.queuebench.ports.in.ListBackendsQuery;
import dev.queuebench.ports.in.ListRunsQuery;
import dev.queuebench.ports.in.RunListFilter;
import dev.queuebench.ports.in.RunReport;
import dev.queuebench.ports.in.StartBenchmarkUseCase;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The original harness's page: per backend, buttons that start runs and the list of its runs ({@code GET /}), and
 * the form post that starts one ({@code POST /benchmark_runs}). A run started here is driven like one from the command
 * line: it waits for its turn, starts from clean tables, and only its backend's workers run while it runs.
 */
final class HomePage {

    static final int RUNS_PER_PAGE = 25;
    static final List<Integer> PRESETS = List.of(1_000, 10_000, 100_000, 1_000_000);

    private final ListBackendsQuery backends;
    private final ListRunsQuery runs;
    private final GetRunReportQuery reports;
    private final StartBenchmarkUseCase startRuns;
    private final JobDelay jobDelay;
    private final Views views;
    private final CsrfTokens csrf;

    HomePage(ListBackendsQuery backends, ListRunsQuery runs, GetRunReportQuery reports, StartBenchmarkUseCase startRuns,
             JobDelay jobDelay, Views views, CsrfTokens csrf) {
        this.backends = Objects.requireNonNull(backends);
        this.runs = Objects.requireNonNull(runs);
        this.reports = Objects.requireNonNull(reports);
        this.startRuns = Objects.requireNonNull(startRuns);
        this.jobDelay = Objects.requireNonNull(jobDelay);
        this.views = Objects.requireNonNull(views);
        this.csrf = Objects.requireNonNull(csrf);
    }

    void show(Context ctx) {
        RegisteredBackends registered = new RegisteredBackends(backends.backends());
        String flash = FlashCookie.take(ctx).flatMap(reports::runReport).map(HomePage::startedMessage).orElse(null);
        Paging paging;
        try {
            paging = Paging.from(ctx.queryParam("backend"), ctx.queryParam("before"), registered);
        } catch (IllegalArgumentException e) {
            render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, registered, Paging.NEWEST, flash,
                    Text.sentence(e.getMessage()), null);
            return;
        }
        render(ctx, HttpStatus.OK, registered, paging, flash, null, null);
    }

    void startRun(Context ctx) {
        RegisteredBackends registered = new RegisteredBackends(backends.backends());
        StartRunForm form = StartRunForm.from(ctx);
        BenchmarkRun run;
        try {
            run = startRuns.startBenchmark(form.toCommand(registered, jobDelay));
        } catch (IllegalArgumentException e) {
            String message = Text.sentence(e.getMessage());
            Optional<BackendId> backend = form.registeredBackend(registered);
            RefusedForm refused = new RefusedForm(backend.orElse(null), message, form.jobsCount(),
                    form.schedulingMode(), form.workload(), form.rate(), form.duration(), form.profile());
            render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, registered, Paging.NEWEST, null,
                    backend.isPresent() ? null : message, refused);
            return;
        }
        FlashCookie.startedRun(ctx, run.id());
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    /**
     * @param error   a message for the top of the page, or {@code null}
     * @param refused a refused form, shown again in its backend's panel, or {@code null}
     */
    private void render(Context ctx, HttpStatus status, RegisteredBackends registered, Paging paging,
                        String flash, String error, RefusedForm refused) {
        List<HomeView.BackendPanel> panels = new ArrayList<>();
        for (BackendDescriptor backend : registered.all()) {
            RefusedForm formState = refused != null && backend.id().equals(refused.backend()) ? refused : null;
            panels.add(panel(backend, paging.beforeFor(backend.id()), formState));
        }
        HomeView view = new HomeView(csrf.tokenFor(ctx), flash, error, panels);
        ctx.status(status).html(views.render("home.jte", view));
    }

    private HomeView.BackendPanel panel(BackendDescriptor backend, Optional<RunId> before, RefusedForm refused) {
        BackendId id = backend.id();
        // one more than shown tells whether an "older" link leads anywhere
        List<RunReport> page = runs.listRuns(new RunListFilter(Optional.of(id), RUNS_PER_PAGE + 1, before));
        List<HomeView.RunRow> rows = page.stream().limit(RUNS_PER_PAGE).map(HomePage::row).toList();
        String older = page.size() > RUNS_PER_PAGE
                ? "/?backend=" + id + "&before=" + rows.get(rows.size() - 1).id() + "#backend-" + id
                : null;
        String newer = before.isPresent() ? "/#backend-" + id : null;
        List<HomeView.Preset> presets = PRESETS.stream()
                .map(jobs -> new HomeView.Preset(Text.shortCount(jobs), jobs))
                .toList();
        return new HomeView.BackendPanel(id.value(), backend.displayName(), backend.libraryVersion(), presets,
                refused == null ? null : refused.message(),
                refused == null ? null : refused.jobsCount(),
                refused == null || refused.schedulingMode() == null ? "one_by_one" : refused.schedulingMode(),
                refused == null || refused.workload() == null ? "delayed" : refused.workload(),
                refused == null ? null : refused.rate(),
                refused == null ? null : refused.duration(),
                refused == null || refused.profile() == null ? Profile.DEFAULT.wireName() : refused.profile(),
                rows, newer, older);
    }

    private static HomeView.RunRow row(RunReport report) {
        BenchmarkRun run = report.run();
        return new HomeView.RunRow(run.id().value(), Text.count(run.jobsCount()),
                Text.mode(run.spec().schedulingMode()) + (run.spec().workload() instanceof Workload.Delayed
                        ? "" : ", " + Text.workload(run.spec()))
                        + report.profile().map(profile -> ", " + profile.wireName()).orElse(""),
                Text.time(run.timeline().createdAt()), run.timeline().createdAt().toString(),
                Text.duration(report.schedulingDuration()), Text.duration(report.runDuration()),
                report.status().wireName(), Text.status(report));
    }

    private static String startedMessage(RunReport report) {
        BenchmarkRun run = report.run();
        return "Run " + run.id() + " started: " + Text.count(run.jobsCount()) + " jobs on " + run.backend()
                + ", scheduled " + Text.mode(run.spec().schedulingMode()) + ".";
    }

    /** What a refused form held, to show it again with the reason next to it. */
    private record RefusedForm(BackendId backend, String message, String jobsCount, String schedulingMode,
                               String workload, String rate, String duration, String profile) {
    }

    /**
     * Which page of runs each backend shows: the newest, or for one backend those older than a run
     * ({@code /?backend=ID&before=42}).
     */
    private record Paging(Optional<BackendId> backend, Optional<RunId> before) {

        static final Paging NEWEST = new Paging(Optional.empty(), Optional.empty());

        static Paging from(String backend, String before, RegisteredBackends registered) {
            if (before == null || before.isBlank()) {
                return NEWEST;
            }
            if (backend == null || backend.isBlank()) {
                throw new IllegalArgumentException("paging needs the backend as well as the run, e.g. /?backend="
                        + registered.all().stream().findFirst().map(d -> d.id().value()).orElse("ID")
                        + "&before=42");
            }
            BackendId id = registered.require(backend);
            try {
                return new Paging(Optional.of(id), Optional.of(RunId.parse(before)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("before must be a run id (a positive whole number), was '"
                        + Text.abbreviate(before, 40) + "'");
            }
        }

        Optional<RunId> beforeFor(BackendId id) {
            return backend.filter(id::equals).flatMap(ignored -> before);
        }
    }
}

package dev.queuebench.web;

import dev.queuebench.common.Text;
import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.FaultSpec;
import dev.queuebench.domain.JobDelay;
import dev.queuebench.domain.JobWork;
import dev.queuebench.domain.Profile;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.RunSpec;
import dev.queuebench.domain.RunStatus;
import dev.queuebench.domain.SchedulingMode;
import dev.queuebench.domain.SweepId;
import dev.queuebench.domain.TrialPlan;
import dev.queuebench.domain.Workload;
import dev.queuebench.ports.in.BackendDescriptor;
import dev.queuebench.ports.in.ComparePlan;
import dev.queuebench.ports.in.GetRunReportQuery;
import dev.queuebench.ports.in.ListBackendsQuery;
import dev.queuebench.ports.in.ListRunsQuery;
import dev.queuebench.ports.in.RunListFilter;
import dev.queuebench.ports.in.RunReport;
import dev.queuebench.ports.in.StartBenchmarkUseCase;
import dev.queuebench.ports.in.StartRunCommand;
import dev.queuebench.ports.in.SweepUseCase;
import dev.queuebench.ports.spi.BackendSettings;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The original harness's page: per backend, buttons that start runs, then every run newest first with filters
 * ({@code GET /}), and the form post that starts one ({@code POST /benchmark_runs}). A run started here is driven like one from the command
 * line: it waits for its turn, starts from clean tables, and only its backend's workers run while it runs.
 */
final class HomePage {

    static final int RUNS_PER_PAGE = 25;
    static final List<Integer> PRESETS = List.of(1_000, 10_000, 100_000, 1_000_000);

    private final ListBackendsQuery backends;
    private final ListRunsQuery runs;
    private final GetRunReportQuery reports;
    private final StartBenchmarkUseCase startRuns;
    private final SweepUseCase sweeps;
    private final JobDelay jobDelay;
    private final Views views;
    private final CsrfTokens csrf;
    private final Comparisons comparisons;

    HomePage(ListBackendsQuery backends, ListRunsQuery runs, GetRunReportQuery reports, StartBenchmarkUseCase startRuns,
             SweepUseCase sweeps, Comparisons comparisons, JobDelay jobDelay, Views views, CsrfTokens csrf) {
        this.comparisons = Objects.requireNonNull(comparisons);
        this.sweeps = Objects.requireNonNull(sweeps);
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
        ListQuery query;
        try {
            query = ListQuery.from(ctx, registered);
        } catch (IllegalArgumentException e) {
            render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, registered, ListQuery.NEWEST, flash,
                    Text.sentence(e.getMessage()), null);
            return;
        }
        render(ctx, HttpStatus.OK, registered, query, flash, null, null);
    }

    void startRun(Context ctx) {
        RegisteredBackends registered = new RegisteredBackends(backends.backends());
        StartRunForm form = StartRunForm.from(ctx);
        NodesAndFault spread = NodesAndFault.from(ctx);
        try {
            // every field is checked, the nodes and the fault too, so that a form with several bad ones hears of each
            List<String> problems = new ArrayList<>();
            StartRunCommand command = StartRunForm.checked(problems, () -> form.toCommand(registered, jobDelay));
            Integer nodes = spread.count(problems);
            List<FaultSpec> faults = spread.faults(problems);
            if (!problems.isEmpty() || command == null || nodes == null || faults == null) {
                throw new IllegalArgumentException(String.join("; ", problems));
            }
            if (spread.none()) {
                BenchmarkRun run = startRuns.startBenchmark(command);
                FlashCookie.startedRun(ctx, run.id());
                ctx.redirect("/", HttpStatus.SEE_OTHER);
                return;
            }
            // worker nodes and faults are the core's compare: a run on them is a comparison of one, with its page
            StartedComparison started = comparisons.start(ComparePlan.single(command,
                    command.profile().orElse(Profile.DEFAULT), nodes, faults, Optional.empty(), new TrialPlan(0, 1)));
            ctx.redirect("/comparisons/" + started.id(), HttpStatus.SEE_OTHER);
        } catch (IllegalArgumentException e) {
            refuse(ctx, HttpStatus.UNPROCESSABLE_CONTENT, registered, form, spread, Text.sentence(e.getMessage()));
        } catch (IllegalStateException e) {
            // a comparison started from the page runs first; the same form may be sent again once it ended
            refuse(ctx, HttpStatus.CONFLICT, registered, form, spread, Text.sentence(e.getMessage()));
        }
    }

    /** The page again, with the form refused shown next to its backend's buttons (or the reason at the top). */
    private void refuse(Context ctx, HttpStatus status, RegisteredBackends registered, StartRunForm form,
                        NodesAndFault spread, String message) {
        Optional<BackendId> backend = form.registeredBackend(registered);
        RefusedForm refused = new RefusedForm(backend.orElse(null), message, form.jobsCount(),
                form.schedulingMode(), form.workload(), form.rate(), form.duration(), form.profile(), spread);
        render(ctx, status, registered, ListQuery.NEWEST, null, backend.isPresent() ? null : message, refused);
    }

    /**
     * @param error   a message for the top of the page, or {@code null}
     * @param refused a refused form, shown again in its backend's panel, or {@code null}
     */
    private void render(Context ctx, HttpStatus status, RegisteredBackends registered, ListQuery query,
                        String flash, String error, RefusedForm refused) {
        List<HomeView.BackendPanel> panels = new ArrayList<>();
        for (BackendDescriptor backend : registered.all()) {
            RefusedForm formState = refused != null && backend.id().equals(refused.backend()) ? refused : null;
            panels.add(panel(backend, formState));
        }
        HomeView view = new HomeView(csrf.tokenFor(ctx), flash, error, panels, runList(registered, query));
        ctx.status(status).html(views.render("home.jte", view));
    }

    private HomeView.RunList runList(RegisteredBackends registered, ListQuery query) {
        // one more than shown tells whether an "older" link leads anywhere
        List<RunReport> page = runs.listRuns(query.filter(RUNS_PER_PAGE + 1));
        List<RunReport> shown = page.stream().limit(RUNS_PER_PAGE).toList();
        Map<RunId, SweepId> sweepOf = sweeps.sweepsOf(shown.stream().map(report -> report.run().id()).toList());
        List<HomeView.RunRow> rows = shown.stream()
                .map(report -> row(report, Optional.ofNullable(sweepOf.get(report.run().id())))).toList();
        String older = page.size() > RUNS_PER_PAGE
                ? query.href(Optional.of(RunId.of(rows.get(rows.size() - 1).id()))) : null;
        String newer = query.before().isPresent() ? query.href(Optional.empty()) : null;
        List<HomeView.Choice> backendChoices = new ArrayList<>(List.of(new HomeView.Choice("", "every backend",
                query.backend().isEmpty())));
        registered.all().forEach(backend -> backendChoices.add(new HomeView.Choice(backend.id().value(),
                backend.id().value(), query.backend().filter(backend.id()::equals).isPresent())));
        List<HomeView.Choice> statuses = new ArrayList<>(List.of(new HomeView.Choice("", "any status",
                query.status().isEmpty())));
        for (RunStatus status : RunStatus.values()) {
            statuses.add(new HomeView.Choice(status.wireName(), status.wireName(),
                    query.status().filter(status::equals).isPresent()));
        }
        List<HomeView.Choice> workloads = new ArrayList<>(List.of(new HomeView.Choice("", "any workload",
                query.workload().isEmpty())));
        for (String workload : ListParameters.WORKLOADS) {
            workloads.add(new HomeView.Choice(workload, workload, query.workload().filter(workload::equals)
                    .isPresent()));
        }
        return new HomeView.RunList(rows, backendChoices, statuses, workloads, query.filtered(), newer, older);
    }

    private HomeView.BackendPanel panel(BackendDescriptor backend, RefusedForm refused) {
        List<HomeView.Preset> presets = PRESETS.stream()
                .map(jobs -> new HomeView.Preset(Text.shortCount(jobs), jobs))
                .toList();
        return new HomeView.BackendPanel(backend.id().value(), backend.displayName(), backend.libraryVersion(),
                presets,
                refused == null ? null : refused.message(),
                refused == null ? null : refused.jobsCount(),
                refused == null || refused.schedulingMode() == null ? "one_by_one" : refused.schedulingMode(),
                refused == null || refused.workload() == null ? "delayed" : refused.workload(),
                refused == null ? null : refused.rate(),
                refused == null ? null : refused.duration(),
                refused == null || refused.profile() == null ? Profile.DEFAULT.wireName() : refused.profile(),
                refused == null ? null : refused.spread().nodes(),
                refused == null ? null : refused.spread().fault());
    }

    private static HomeView.RunRow row(RunReport report, Optional<SweepId> sweep) {
        BenchmarkRun run = report.run();
        return new HomeView.RunRow(run.id().value(), run.backend().value(), Text.count(run.jobsCount()),
                run.spec().workload().wireName(), tags(report, sweep), Text.time(run.timeline().createdAt()),
                run.timeline().createdAt().toString(), Text.duration(report.schedulingDuration()),
                Text.duration(report.runDuration()),
                report.jobsPerSecond().isPresent() ? Text.rate(report.jobsPerSecond().getAsDouble()) : "-",
                report.endToEnd().isEmpty() ? "-" : Text.micros(report.endToEnd().p99()),
                report.status().wireName(), Text.status(report));
    }

    /** What sets a run apart from one started by a preset button: read at a glance in the list. */
    private static List<String> tags(RunReport report, Optional<SweepId> sweep) {
        RunSpec spec = report.run().spec();
        List<String> tags = new ArrayList<>();
        if (spec.workload() instanceof Workload.Rate rate) {
            tags.add(Text.rate(rate.jobsPerSecond()) + "/s for " + Text.duration(rate.duration()));
        }
        if (spec.workload() instanceof Workload.Delayed && !spec.jobDelay().equals(JobDelay.DEFAULT)) {
            tags.add("delay " + Text.duration(spec.jobDelay().value()));
        }
        if (spec.schedulingMode() != SchedulingMode.ONE_BY_ONE) {
            tags.add(Text.mode(spec.schedulingMode()));
        }
        report.threadsPerNode().stream().filter(threads -> threads != BackendSettings.DEFAULT_THREADS)
                .forEach(threads -> tags.add(threads + " threads"));
        report.profile().filter(profile -> profile != Profile.DEFAULT)
                .ifPresent(profile -> tags.add(profile.wireName()));
        if (!spec.jobWork().equals(JobWork.NONE)) {
            tags.add(spec.jobWork().workText() + (spec.jobWork().payloadBytes() > 0
                    ? ", " + spec.jobWork().payloadText() : ""));
        }
        if (report.nodesStarted() > 1) {
            tags.add(report.nodesStarted() + " nodes");
        }
        report.injectedFaults().stream().map(fault -> fault.kind().replace('_', '-')).distinct()
                .forEach(tags::add);
        sweep.ifPresent(id -> tags.add("sweep #" + id));
        return tags;
    }

    private static String startedMessage(RunReport report) {
        BenchmarkRun run = report.run();
        return "Run " + run.id() + " started: " + Text.count(run.jobsCount()) + " jobs on " + run.backend()
                + ", scheduled " + Text.mode(run.spec().schedulingMode()) + ".";
    }

    /** What a refused form held, to show it again with the reason next to it. */
    private record RefusedForm(BackendId backend, String message, String jobsCount, String schedulingMode,
                               String workload, String rate, String duration, String profile, NodesAndFault spread) {
    }

    /**
     * Which runs the list shows ({@code /?backend=ID&status=finished&workload=backlog&before=42}): every filter is
     * optional, and {@code before} pages on from the last run of the previous page under the same filters.
     */
    private record ListQuery(Optional<BackendId> backend, Optional<RunStatus> status, Optional<String> workload,
                             Optional<RunId> before) {

        static final ListQuery NEWEST = new ListQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());

        static ListQuery from(Context ctx, RegisteredBackends registered) {
            Optional<BackendId> backend = present(ctx.queryParam("backend")).map(registered::require);
            Optional<RunStatus> status = present(ctx.queryParam("status")).map(ListParameters::status);
            Optional<String> workload = present(ctx.queryParam("workload")).map(ListParameters::workload);
            Optional<RunId> before = present(ctx.queryParam("before")).map(value -> {
                try {
                    return RunId.parse(value);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("before must be a run id (a positive whole number), was '"
                            + Text.abbreviate(value, 40) + "'");
                }
            });
            return new ListQuery(backend, status, workload, before);
        }

        RunListFilter filter(int limit) {
            RunListFilter filter = new RunListFilter(backend, limit, before);
            filter = workload.map(filter::ofWorkload).orElse(filter);
            return status.map(filter::inStatus).orElse(filter);
        }

        boolean filtered() {
            return backend.isPresent() || status.isPresent() || workload.isPresent();
        }

        /** This list's address, under the same filters, from {@code from} on. */
        String href(Optional<RunId> from) {
            List<String> parameters = new ArrayList<>();
            backend.ifPresent(id -> parameters.add("backend=" + id));
            status.ifPresent(wanted -> parameters.add("status=" + wanted.wireName()));
            workload.ifPresent(wanted -> parameters.add("workload=" + wanted));
            from.ifPresent(id -> parameters.add("before=" + id));
            return "/" + (parameters.isEmpty() ? "" : "?" + String.join("&", parameters)) + "#runs";
        }

        private static Optional<String> present(String value) {
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
        }
    }
}

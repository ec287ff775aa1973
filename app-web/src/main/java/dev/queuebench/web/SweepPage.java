package dev.queuebench.web;

import dev.queuebench.common.SweepJson;
import dev.queuebench.common.Text;
import dev.queuebench.domain.SweepId;
import dev.queuebench.domain.SweepPlan;
import dev.queuebench.domain.measure.LatencySummary;
import dev.queuebench.ports.in.BackgroundSweep;
import dev.queuebench.ports.in.ListBackendsQuery;
import dev.queuebench.ports.in.RunListener;
import dev.queuebench.ports.in.RunReport;
import dev.queuebench.ports.in.SweepResult;
import dev.queuebench.ports.in.SweepUseCase;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sweeps, which {@code queue-bench sweep} and the form of the list ({@code POST /sweeps}) start: the list
 * ({@code GET /sweeps}), one sweep with its curve ({@code GET /sweeps/{id}}, reloading itself while a sweep started
 * here runs), and both as JSON ({@code GET /api/sweeps}, {@code GET /api/sweeps/{id}}, the objects
 * {@code sweep --format json} prints).
 */
final class SweepPage {

    static final int LIST_LIMIT = 50;

    private final SweepUseCase sweeps;
    private final ListBackendsQuery backends;
    private final Views views;
    private final CsrfTokens csrf;
    /** The sweeps this server started and has not heard the end of, and those that failed. */
    private final Map<SweepId, Started> started = new ConcurrentHashMap<>();

    SweepPage(SweepUseCase sweeps, ListBackendsQuery backends, Views views, CsrfTokens csrf) {
        this.sweeps = Objects.requireNonNull(sweeps);
        this.backends = Objects.requireNonNull(backends);
        this.views = Objects.requireNonNull(views);
        this.csrf = Objects.requireNonNull(csrf);
    }

    void list(Context ctx) {
        RegisteredBackends registered = new RegisteredBackends(backends.backends());
        renderList(ctx, HttpStatus.OK, registered, SweepForm.blank(registered), null);
    }

    /** {@code POST /sweeps}: stores the sweep and runs it in the background; its page shows its points as they come. */
    void start(Context ctx) {
        RegisteredBackends registered = new RegisteredBackends(backends.backends());
        SweepForm form = SweepForm.from(ctx);
        Started listener = new Started();
        BackgroundSweep sweep;
        try {
            sweep = sweeps.sweepInBackground(form.toPlan(registered), listener);
        } catch (IllegalArgumentException e) {
            renderList(ctx, HttpStatus.UNPROCESSABLE_CONTENT, registered, form, Text.sentence(e.getMessage()));
            return;
        } catch (IllegalStateException e) {
            renderList(ctx, HttpStatus.SERVICE_UNAVAILABLE, registered, form, Text.sentence(e.getMessage()));
            return;
        }
        started.put(sweep.id(), listener);
        sweep.result().whenComplete((result, error) -> {
            if (error == null) {
                started.remove(sweep.id());
            } else {
                listener.failure = BackgroundFailure.message(error);
            }
        });
        ctx.redirect("/sweeps/" + sweep.id(), HttpStatus.SEE_OTHER);
    }

    void show(Context ctx) {
        SweepResult sweep = find(ctx.pathParam("id"));
        Started live = started.get(sweep.id());
        SweepView view = view(sweep);
        if (live != null) {
            view = view.live(live.failure == null ? "running" : null, live.heard(), live.failure);
        }
        ctx.html(views.render("sweep.jte", view));
    }

    private void renderList(Context ctx, HttpStatus status, RegisteredBackends registered, SweepForm form,
                            String error) {
        List<SweepView.Summary> rows = sweeps.listSweeps(LIST_LIMIT).stream().map(SweepPage::summary).toList();
        List<String> ids = registered.all().stream().map(backend -> backend.id().value()).toList();
        ctx.status(status).html(views.render("sweeps.jte",
                new SweepsView(csrf.tokenFor(ctx), error, ids, form, rows)));
    }

    /** What a sweep started here heard last, read by its page while the core's driver thread writes it. */
    private static final class Started implements RunListener {
        volatile String current;
        volatile String notice;
        volatile String failure;

        @Override
        public void progress(RunReport report) {
            current = "run " + report.run().id() + ": " + Text.status(report);
        }

        /** The run in progress and the last notice, e.g. "run 12: pending · run 12 waits for run 11 ...". */
        String heard() {
            String run = current;
            String said = notice;
            return run == null ? said : said == null ? run : run + " · " + said;
        }

        @Override
        public void notice(String message) {
            notice = message;
        }
    }

    void listJson(Context ctx) {
        ctx.json(sweeps.listSweeps(LIST_LIMIT).stream().map(SweepJson::of).toList());
    }

    void showJson(Context ctx) {
        ctx.json(SweepJson.of(find(ctx.pathParam("id"))));
    }

    private SweepResult find(String id) {
        SweepId sweepId;
        try {
            sweepId = SweepId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundResponse("There is no sweep '" + Text.abbreviate(id, 40)
                    + "': sweep ids are positive whole numbers.");
        }
        return sweeps.sweep(sweepId).orElseThrow(() -> new NotFoundResponse("There is no sweep " + sweepId + "."));
    }

    private static SweepView.Summary summary(SweepResult sweep) {
        SweepPlan plan = sweep.plan();
        return new SweepView.Summary(sweep.id().value(), plan.backend().value(), plan.kind().wireName(),
                SweepPlan.format(plan.values()), sweep.points().size() + " of " + plan.values().size(),
                peak(sweep), Text.time(sweep.createdAt()), sweep.createdAt().toString());
    }

    private static SweepView view(SweepResult sweep) {
        SweepPlan plan = sweep.plan();
        boolean rates = plan.kind() == SweepPlan.Kind.RATES;
        List<SweepView.Row> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Double> figures = new ArrayList<>();
        List<Double> offered = new ArrayList<>();
        for (SweepResult.Point point : sweep.points()) {
            RunReport report = point.report();
            Double figure = SweepJson.figureOf(plan, point);
            LatencySummary latency = rates ? report.endToEnd() : report.pickupLag();
            String value = SweepPlan.format(List.of(point.value()));
            rows.add(new SweepView.Row(value, report.run().id().value(), figure == null ? "-" : Text.rate(figure),
                    report.offer().map(offer -> offer.keptUp() ? "yes" : "no").orElse("-"),
                    latency.isEmpty() ? "-" : Text.micros(latency.p50()),
                    latency.isEmpty() ? "-" : Text.micros(latency.p99()),
                    point.passed() ? "yes" : "no", report.status().wireName(), Text.status(report)));
            labels.add(value);
            figures.add(figure == null ? Double.NaN : figure);
            if (rates) {
                offered.add(point.value());
            }
        }
        String figureName = rates ? "Achieved rate" : "Drain rate";
        String valueName = rates ? "Offered jobs/s" : "Worker threads";
        int ran = sweep.points().size();
        return new SweepView(sweep.id().value(), plan.backend().value(), plan.kind().wireName(),
                SweepPlan.format(plan.values()), planText(plan), Text.time(sweep.createdAt()),
                sweep.createdAt().toString(), valueName, figureName, rates,
                SweepChart.of(labels, figures, offered, figureName, valueName.toLowerCase(java.util.Locale.ROOT),
                        sweep.peak().map(p -> sweep.points().indexOf(p)).orElse(-1), peak(sweep)).orElse(null),
                rows, peak(sweep),
                rates && ran < plan.values().size()
                        ? "Stopped after " + SweepPlan.FAILURES_TO_STOP + " failed points in a row; not run: "
                                + SweepPlan.format(plan.values().subList(ran, plan.values().size())) + "."
                        : null);
    }

    private static String planText(SweepPlan plan) {
        String range = plan.kind() == SweepPlan.Kind.THREADS
                ? "a backlog of " + Text.count(plan.jobs().value()) + " jobs drained at each worker-thread count"
                : "each rate offered for " + Text.duration(plan.duration()) + "; a point passes when the backend"
                        + " keeps up with an end-to-end p99 within " + Text.duration(plan.slo());
        return range + " · scheduled " + Text.mode(plan.schedulingMode()) + " · job work "
                + plan.jobWork().workText() + (plan.jobWork().payloadBytes() > 0
                        ? " carrying " + plan.jobWork().payloadText() : "");
    }

    private static String peak(SweepResult sweep) {
        SweepPlan plan = sweep.plan();
        return sweep.peak().map(peak -> plan.kind() == SweepPlan.Kind.THREADS
                        ? Text.rate(SweepJson.figureOf(plan, peak)) + " jobs/s drained at "
                                + SweepPlan.format(List.of(peak.value())) + " threads"
                        : Text.rate(peak.value()) + " jobs/s sustained, end-to-end p99 "
                                + Text.micros(peak.report().endToEnd().p99()))
                .orElse(sweep.points().isEmpty() ? "no point has run yet"
                        : plan.kind() == SweepPlan.Kind.THREADS ? "no point finished"
                                : "no rate was kept up within the slo");
    }
}

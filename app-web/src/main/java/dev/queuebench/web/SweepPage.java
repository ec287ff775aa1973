package dev.queuebench.web;

import dev.queuebench.common.SweepJson;
import dev.queuebench.common.Text;
import dev.queuebench.domain.SweepId;
import dev.queuebench.domain.SweepPlan;
import dev.queuebench.domain.measure.LatencySummary;
import dev.queuebench.ports.in.RunReport;
import dev.queuebench.ports.in.SweepResult;
import dev.queuebench.ports.in.SweepUseCase;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Sweeps, which {@code queue-bench sweep} starts: the list ({@code GET /sweeps}), one sweep with its curve
 * ({@code GET /sweeps/{id}}), and both as JSON ({@code GET /api/sweeps}, {@code GET /api/sweeps/{id}}, the objects
 * {@code sweep --format json} prints).
 */
final class SweepPage {

    static final int LIST_LIMIT = 50;

    private final SweepUseCase sweeps;
    private final Views views;

    SweepPage(SweepUseCase sweeps, Views views) {
        this.sweeps = Objects.requireNonNull(sweeps);
        this.views = Objects.requireNonNull(views);
    }

    void list(Context ctx) {
        List<SweepView.Summary> rows = sweeps.listSweeps(LIST_LIMIT).stream().map(SweepPage::summary).toList();
        ctx.html(views.render("sweeps.jte", rows));
    }

    void show(Context ctx) {
        ctx.html(views.render("sweep.jte", view(find(ctx.pathParam("id")))));
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

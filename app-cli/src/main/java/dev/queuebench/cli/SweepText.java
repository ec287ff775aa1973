package dev.queuebench.cli;

import dev.queuebench.common.SweepJson;
import dev.queuebench.common.Text;
import dev.queuebench.domain.SweepPlan;
import dev.queuebench.domain.measure.LatencySummary;
import dev.queuebench.ports.in.RunReport;
import dev.queuebench.ports.in.SweepResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A sweep for people: its plan, one row per point (the figure it is judged by, latency, whether it passed), its peak. */
final class SweepText {

    private final PrintWriter out;

    SweepText(PrintWriter out) {
        this.out = out;
    }

    void sweep(SweepResult sweep) {
        SweepPlan plan = sweep.plan();
        boolean threads = plan.kind() == SweepPlan.Kind.THREADS;
        out.println("Sweep " + sweep.id() + "  " + plan.backend() + "  " + plan.kind().wireName() + " "
                + SweepPlan.format(plan.values()) + "  " + (threads
                        ? "a backlog of " + Text.count(plan.jobs().value()) + " jobs at each thread count"
                        : "each rate for " + Text.duration(plan.duration()) + ", end-to-end p99 within "
                                + Text.duration(plan.slo()))
                + "  " + plan.schedulingMode().wireName() + "  job work " + plan.jobWork().workText()
                + (plan.jobWork().payloadBytes() > 0 ? ", payload " + plan.jobWork().payloadText() : ""));
        out.println();
        List<String[]> rows = new ArrayList<>();
        rows.add(threads
                ? new String[] {"threads", "run", "drain jobs/s", "pickup p50", "pickup p99", "status"}
                : new String[] {"offered/s", "run", "achieved/s", "kept up", "e2e p50", "e2e p99", "passed",
                    "status"});
        for (SweepResult.Point point : sweep.points()) {
            RunReport report = point.report();
            Double figure = SweepJson.figureOf(plan, point);
            String figureText = figure == null ? "-" : Text.rate(figure);
            rows.add(threads
                    ? new String[] {SweepPlan.format(List.of(point.value())), report.run().id().toString(), figureText,
                        p(report.pickupLag(), LatencySummary::p50), p(report.pickupLag(), LatencySummary::p99),
                        Text.status(report)}
                    : new String[] {SweepPlan.format(List.of(point.value())), report.run().id().toString(), figureText,
                        report.offer().map(offer -> offer.keptUp() ? "yes" : "no").orElse("-"),
                        p(report.endToEnd(), LatencySummary::p50), p(report.endToEnd(), LatencySummary::p99),
                        point.passed() ? "yes" : "no", Text.status(report)});
        }
        TextTable.print(out, rows);
        out.println();
        out.println(sweep.peak().map(peak -> threads
                ? "peak: " + Text.rate(SweepJson.figureOf(plan, peak)) + " jobs/s drained at "
                        + SweepPlan.format(List.of(peak.value())) + " threads (run " + peak.report().run().id() + ")"
                : "peak: " + Text.rate(peak.value()) + " jobs/s sustained, end-to-end p99 "
                        + Text.micros(peak.report().endToEnd().p99()) + " (run " + peak.report().run().id() + ")")
                .orElse(threads ? "no peak: no point finished"
                        : "no peak: no rate was kept up with an end-to-end p99 within " + Text.duration(plan.slo())));
        if (!threads && sweep.points().size() < plan.values().size()) {
            out.println("stopped after " + SweepPlan.FAILURES_TO_STOP + " failed points in a row; not run: "
                    + SweepPlan.format(plan.values().subList(sweep.points().size(), plan.values().size())));
        }
    }

    private static String p(LatencySummary summary, java.util.function.ToLongFunction<LatencySummary> percentile) {
        return summary.isEmpty() ? "-" : Text.micros(percentile.applyAsLong(summary));
    }
}

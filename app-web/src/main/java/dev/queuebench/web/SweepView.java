package dev.queuebench.web;

import java.util.List;

/**
 * A sweep's page: its plan in words, the curve, each point and the peak.
 *
 * @param figureName what the curve draws: "Drain rate" for threads, "Achieved rate" for rates
 * @param chart      the figure at each point, or {@code null} before a point ran
 * @param peak       the peak in words, or why there is none
 * @param notRun     the values a rate sweep did not reach after it stopped, or {@code null}
 */
record SweepView(long id, String backend, String kind, String values, String plan, String created,
                 String createdIso, String valueName, String figureName, boolean rates, Chart chart, List<Row> points,
                 String peak, String notRun, String running, String notice, String failure) {

    SweepView(long id, String backend, String kind, String values, String plan, String created, String createdIso,
              String valueName, String figureName, boolean rates, Chart chart, List<Row> points, String peak,
              String notRun) {
        this(id, backend, kind, values, plan, created, createdIso, valueName, figureName, rates, chart, points, peak,
                notRun, null, null, null);
    }

    /**
     * The same sweep as this server runs it.
     *
     * @param running {@code "running"} while its points run, else {@code null}: the page then reloads itself
     * @param notice  what the core last said about it, or {@code null}
     * @param failure why it stopped before its end, or {@code null}
     */
    SweepView live(String running, String notice, String failure) {
        return new SweepView(id, backend, kind, values, plan, created, createdIso, valueName, figureName, rates, chart,
                points, peak, notRun, running, notice, failure);
    }

    /** One point; latencies are end-to-end for rates, pickup lag for threads. */
    record Row(String value, long runId, String figure, String keptUp, String p50, String p99, String passed,
               String status, String statusText) {
    }

    /** A line of the sweeps list. */
    record Summary(long id, String backend, String kind, String values, String points, String peak, String created,
                   String createdIso) {
    }
}

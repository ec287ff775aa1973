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
                 String peak, String notRun) {

    /** One point; latencies are end-to-end for rates, pickup lag for threads. */
    record Row(String value, long runId, String figure, String keptUp, String p50, String p99, String passed,
               String status, String statusText) {
    }

    /** A line of the sweeps list. */
    record Summary(long id, String backend, String kind, String values, String points, String peak, String created,
                   String createdIso) {
    }
}

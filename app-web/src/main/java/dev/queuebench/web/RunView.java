package dev.queuebench.web;

import java.util.List;

/**
 * The run page: the run's phases, completion counts, throughput, latency percentiles, its charts, what it cost the
 * machine and what it ran on.
 *
 * @param workload    what the run offered, e.g. "each due 10.00 s after its enqueue", with the jobs' work
 * @param outcome     a backlog's drain or a rate's offer as it came out, or {@code null} for the delayed workload
 * @param sweepHref   the sweep this run is a point of, or {@code null}; {@code sweepName} names it
 * @param ending      why the run ended unfinished and what became of its jobs, or {@code null} for any other run
 * @param boundBy     what bound the run ({@code fetch}, {@code cpu}, ...), or {@code null} before there is a verdict
 * @param boundWhy    the numbers behind that verdict, or {@code null}
 * @param nodes       what each node did, in the order of their ids
 * @param fairness    the smallest node's share over the largest's, or "-"
 * @param latencyChart pickup lag and end-to-end latency by percentile, or {@code null} before any job ran
 * @param hgrm        HdrHistogram's text of each latency it can hold, to download
 * @param chart       completions (and enqueues) per second with the faults marked, or {@code null} before anything
 *                    was enqueued
 * @param faults      what the run met and rode out, or {@code null} when it met nothing
 * @param resources   what was sampled during the run, or {@code null} when nothing was (older runs, runs started by
 *                    a process that does not sample)
 * @param timeWent    where the time went: the workers' occupancy and the cores over time, and the statements that
 *                    took the database's time; {@code null} when there is nothing to show
 * @param environment the fingerprint in groups; empty when the run has none
 */
record RunView(long id, String backend, String backendVersion, String jobs, String mode, String workload,
               String outcome, String sweepHref, String sweepName, String ending, String boundBy, String boundWhy, String created, String createdIso, String status, String statusText, String schedulingDuration,
               String runDuration, Headline headline, String scheduledJobs, String distinct, String duplicates,
               String missing, String executions, List<Phase> phases, List<NodeRow> nodes, String nodesWithoutAJob, String fairness,
               List<LatencyRow> latencies, Chart latencyChart, List<HgrmLink> hgrm, Chart chart, Faults faults, Resources resources,
               TimeWent timeWent, List<EnvironmentGroup> environment) {

    /**
     * The run's one throughput card, named for what it measures: a backlog's drain rate (the figure its sweep and
     * {@code compare} use), a rate's achieved rate, or the delayed workload's completions per second.
     */
    record Headline(String label, String value, String hint) {
    }

    /**
     * @param plots      the workers' occupancy and the cores busy, on the page's time axis; empty below two samples
     * @param statements the statements that took the database's time, or {@code null} when none were recorded and
     *                   the run does not say why
     */
    record TimeWent(List<ResourceCharts.Plot> plots, Statements statements) {
    }

    /**
     * @param missing why there are none ({@code pg_stat_statements} off), or {@code null} when there are
     * @param rows    the backend's the most time first, then the harness's own
     */
    record Statements(String missing, List<StatementRow> rows) {
    }

    /** @param source "backend" or "harness" */
    record StatementRow(String source, String totalMs, String calls, String meanMs, String query) {
    }

    /** @param latency "end-to-end", ...; {@code href} its {@code .hgrm} */
    record HgrmLink(String latency, String href) {
    }

    /** One node's part of the run; the page shows them when more than one node recorded. */
    record NodeRow(String node, String completedJobs, String executions, String share) {
    }

    /** @param rate "-" where a phase has no rate of its own */
    record Phase(String name, String duration, String rate, String spans) {
    }

    /** Percentiles of one latency; every value is "-" without samples. */
    record LatencyRow(String name, String meaning, String samples, String p50, String p90, String p95, String p99,
                      String p999, String max) {
    }

    /**
     * @param since what the start times count from: the charts' time axis, or the run's creation when it has none
     * @param rows  in time order
     */
    record Faults(String since, List<FaultRow> rows) {
    }

    /**
     * @param kind    in words, e.g. "database unreachable"
     * @param started seconds since {@link Faults#since()}, negative before it
     * @param lasted  "-" for a fault without a duration
     * @param detail  the first error seen, or what was done
     */
    record FaultRow(String kind, String node, String started, String lasted, String detail) {
    }

    /**
     * @param sampled  how many samples over how long
     * @param gauges   peak and mean
     * @param counters increase over the sampled window and per second
     * @param plots    empty with a single sample
     */
    record Resources(String sampled, List<Figure> gauges, List<Figure> counters, List<PoolRow> pools,
                     List<ResourceCharts.Plot> plots) {
    }

    /** One summarised resource: two figures, peak and mean or increase and per second. */
    record Figure(String name, String hint, String first, String second) {
    }

    /** Each figure is "peak / mean". */
    record PoolRow(String pool, String active, String idle, String waiting) {
    }

    record EnvironmentGroup(String title, List<Fact> facts) {
    }

    /** @param key as stored and in the JSON's {@code fingerprint} */
    record Fact(String name, String key, String value) {
    }
}

package dev.queuebench.web;

import java.util.List;

/**
 * The run page: the run's phases, completion counts, throughput, latency percentiles and its chart.
 *
 * @param chart completions (and enqueues) per second, or {@code null} before anything was enqueued
 */
record RunView(long id, String backend, String backendVersion, String jobs, String mode, String jobDelay,
               String created, String createdIso, String status, String statusText, String schedulingDuration,
               String runDuration, String jobsPerSecond, String scheduledJobs, String distinct, String duplicates,
               String missing, String executions, List<Phase> phases, List<LatencyRow> latencies, Chart chart) {

    record Phase(String name, String duration, String spans) {
    }

    /** Percentiles of one latency; every value is "-" without samples. */
    record LatencyRow(String name, String meaning, String samples, String p50, String p90, String p95, String p99,
                      String p999, String max) {
    }
}

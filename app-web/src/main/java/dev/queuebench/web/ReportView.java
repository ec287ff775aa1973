package dev.queuebench.web;

import java.util.List;

/**
 * The self-contained HTML report: runs side by side, their completions over time and their latency distributions
 * on one chart each, the commands that reproduce them, then each run as its page shows it.
 *
 * @param css         the page's stylesheet, inlined: the file reaches nothing on the network
 * @param trials      each backend's statistics over its trials when the runs come from one comparison, else empty
 * @param headline    what the trials table reports, e.g. "steady rate (jobs/s)"; {@code null} without trials
 * @param throughput  completions per second of every run, each from its first enqueue; {@code null} when none ran
 * @param latencies   end-to-end latency of every run by percentile; {@code null} when none ran
 */
record ReportView(String title, String generated, String css, List<Row> rows, List<TrialRow> trials,
                  String headline, Chart throughput, Chart latencies, List<String> commands, List<RunView> runs) {

    /** One run, in the table at the top; {@code anchor} links to its section below. */
    record Row(long id, String anchor, String backend, String profile, String workload, String jobs, String status,
               String throughput, String steady, String p99, String missing, String duplicates, String boundBy) {
    }

    /** One backend's trials: the headline figure's mean, 95% interval, spread and ratio to the reference. */
    record TrialRow(String backend, String trials, String mean, String interval, String cv, String ratio) {
    }
}

package dev.queuebench.web;

import java.util.List;

/**
 * Runs side by side: the comparison page ({@code /compare?runs=...}) and the self-contained HTML report draw this.
 * A table of the runs, each backend's headline over its trials, completions over time and latency distributions
 * overlaid, the verdicts, resources and the knobs that differ side by side, the commands that reproduce them; the
 * report then adds each run's own sections.
 *
 * @param standalone  the one-file report: the stylesheet inline, run links to the sections below, no server links
 * @param css         the stylesheet to inline, or {@code null} on the server's page
 * @param download    the address of this comparison as one file, or {@code null} in the file itself
 * @param trials      each backend's statistics over its trials when the runs come from one comparison, else empty
 * @param headline    what the trials table reports, e.g. "steady rate (jobs/s)"; {@code null} without trials
 * @param throughput  completions per second of every run, each from its first enqueue; {@code null} when none ran
 * @param latencies   end-to-end latency of every run by percentile; {@code null} when none ran
 * @param resources   the resources each run used, a column per run; {@code null} when none was sampled
 * @param knobs       the settings whose values differ between the runs, a column per run; {@code null} when none do
 *                    or there is one run
 * @param runs        each run's page model; the report draws them whole
 */
record ReportView(boolean standalone, String title, String generated, String css, String download, List<Row> rows,
                  List<TrialRow> trials, String headline, Chart throughput, Chart latencies, List<Verdict> verdicts,
                  SideBySide resources, SideBySide knobs, List<String> commands, List<RunView> runs) {

    /**
     * One run, in the table at the top; {@code href} leads to its section or page.
     *
     * @param ratio its headline over the reference run's among these, e.g. "0.62x", or "-"
     */
    record Row(long id, String href, String backend, String profile, String workload, String jobs, String status,
               String throughput, String steady, String p99, String ratio, String missing, String duplicates,
               String boundBy) {
    }

    /** One backend's trials: the headline figure's mean, 95% interval, spread and ratio to the reference. */
    record TrialRow(String backend, String trials, String mean, String interval, String cv, String ratio) {
    }

    /** What bound one run, and the numbers behind it; {@code boundBy} "-" when the run has no verdict. */
    record Verdict(String run, String href, String boundBy, String why) {
    }

    /** A table with a column per run: {@code columns} names them, each row has a value per column. */
    record SideBySide(List<String> columns, List<SideRow> rows) {
    }

    /** @param hint what the figure is, or {@code null} */
    record SideRow(String name, String hint, List<String> values) {
    }
}

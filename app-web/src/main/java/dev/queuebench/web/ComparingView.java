package dev.queuebench.web;

import java.util.List;

/**
 * A comparison started from the page, as {@code comparing.jte} shows it while it runs.
 *
 * @param state     {@code queued}, {@code running}, {@code done} or {@code failed}, for the badge's style
 * @param notice    what the core last said about the run in progress (e.g. that it waits), or {@code null}
 * @param failure   why it stopped before its end, or {@code null}
 * @param runsHref  where its kept runs so far are compared, or {@code null} before the first backend ended
 * @param refresh   the page reloads itself while the comparison runs
 */
record ComparingView(int id, String title, String started, String state, String stateText, List<StepRow> steps,
                     String notice, String failure, String runsHref, boolean refresh) {

    ComparingView {
        steps = List.copyOf(steps);
    }

    /**
     * One backend's runs in one profile on one node count.
     *
     * @param keptRuns   its kept runs, once it ended
     * @param currentRun the run in progress, or {@code null}
     */
    record StepRow(String backend, String profile, int nodes, String trials, String progress, List<String> keptRuns,
                   String currentRun) {

        StepRow {
            keptRuns = List.copyOf(keptRuns);
        }
    }
}

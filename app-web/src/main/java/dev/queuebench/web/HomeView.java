package dev.queuebench.web;

import java.util.List;

/**
 * The home page: one panel per registered backend with its buttons and its form, then every run in one list, newest
 * first, with filters.
 *
 * @param flash     "Run 42 started ..." after a redirect, or {@code null}
 * @param error     a message that belongs to no backend's form (a bad query), or {@code null}
 */
record HomeView(String csrfToken, String flash, String error, List<BackendPanel> panels, RunList runs) {

    /**
     * @param error        why the last form for this backend was refused, or {@code null}
     * @param enteredCount the custom form's count as typed, kept when the form was refused
     * @param enteredMode  the custom form's mode, {@code one_by_one} unless one was chosen
     * @param enteredWorkload the custom form's workload, {@code delayed} unless one was chosen
     * @param enteredRate     the rate as typed, or {@code null}
     * @param enteredDuration the rate's duration as typed, or {@code null}
     * @param enteredProfile  the custom form's profile, the default one unless one was chosen
     */
    record BackendPanel(String id, String displayName, String libraryVersion, List<Preset> presets, String error,
                        String enteredCount, String enteredMode, String enteredWorkload, String enteredRate,
                        String enteredDuration, String enteredProfile, String enteredNodes, String enteredFault) {
    }

    record Preset(String label, int jobs) {
    }

    /**
     * Every backend's runs, newest first, as the filters choose them.
     *
     * @param filtered  whether any filter is set, so that an empty list says so rather than "no runs yet"
     * @param newerHref the first page under the same filters when showing an older one, else {@code null}
     * @param olderHref the next page of older runs when there may be one, else {@code null}
     */
    record RunList(List<RunRow> rows, List<Choice> backends, List<Choice> statuses, List<Choice> workloads,
                   boolean filtered, String newerHref, String olderHref) {
    }

    /** One option of a filter; {@code value} empty for "any". */
    record Choice(String value, String label, boolean selected) {
    }

    /**
     * One run in the list; {@code status} is the wire name that styles and live updates key on.
     *
     * @param tags what sets the run apart from a default one: nodes, faults, delay, threads, profile, mode, work
     */
    record RunRow(long id, String backend, String jobs, String workload, List<String> tags, String created,
                  String createdIso, String schedulingDuration, String runDuration, String jobsPerSecond, String p99,
                  String status, String statusText) {
    }
}

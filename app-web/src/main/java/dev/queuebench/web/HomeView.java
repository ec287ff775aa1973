package dev.queuebench.web;

import java.util.List;

/**
 * The home page: one panel per registered backend with its buttons and its runs.
 *
 * @param flash     "Run 42 started ..." after a redirect, or {@code null}
 * @param error     a message that belongs to no backend's form (a bad query), or {@code null}
 */
record HomeView(String csrfToken, String flash, String error, List<BackendPanel> panels) {

    /**
     * @param error        why the last form for this backend was refused, or {@code null}
     * @param enteredCount the custom form's count as typed, kept when the form was refused
     * @param enteredMode  the custom form's mode, {@code one_by_one} unless one was chosen
     * @param enteredWorkload the custom form's workload, {@code delayed} unless one was chosen
     * @param enteredRate     the rate as typed, or {@code null}
     * @param enteredDuration the rate's duration as typed, or {@code null}
     * @param enteredProfile  the custom form's profile, the default one unless one was chosen
     * @param newerHref    the first page of this backend's runs when showing an older one, else {@code null}
     * @param olderHref    the next page of older runs when there is one, else {@code null}
     */
    record BackendPanel(String id, String displayName, String libraryVersion, List<Preset> presets, String error,
                        String enteredCount, String enteredMode, String enteredWorkload, String enteredRate,
                        String enteredDuration, String enteredProfile, List<RunRow> runs, String newerHref,
                        String olderHref) {
    }

    record Preset(String label, int jobs) {
    }

    /** One run in a backend's list; {@code status} is the wire name that styles and live updates key on. */
    record RunRow(long id, String jobs, String mode, String created, String createdIso, String schedulingDuration,
                  String runDuration, String status, String statusText) {
    }
}

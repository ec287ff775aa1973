package dev.queuebench.web;

import java.util.List;

/**
 * The "start a comparison" page ({@code GET /compare/new}), with what was typed when a form was refused.
 *
 * @param error    every bad field named, or {@code null}
 * @param started  the comparisons started since this server started, newest first
 */
record CompareStartView(String csrfToken, String error, List<BackendChoice> backends, CompareForm form,
                        List<StartedRow> started) {

    CompareStartView {
        backends = List.copyOf(backends);
        started = List.copyOf(started);
    }

    /** A backend's box, ticked or not. */
    record BackendChoice(String id, String displayName, String version, boolean ticked) {
    }

    /** A comparison started earlier, linked to its progress. */
    record StartedRow(int id, String title, String started, String state, String stateText) {
    }

    String jobsCount() {
        return valueOr(form.benchmark().jobsCount());
    }

    String rate() {
        return valueOr(form.benchmark().rate());
    }

    String duration() {
        return valueOr(form.benchmark().duration());
    }

    /** {@code one_by_one} unless the form asked for another mode. */
    String mode() {
        return form.benchmark().schedulingMode() == null ? "one_by_one" : form.benchmark().schedulingMode();
    }

    /** {@code delayed} unless the form asked for another workload. */
    String workload() {
        return form.benchmark().workload() == null ? "delayed" : form.benchmark().workload();
    }

    String profile() {
        return form.benchmark().profile() == null ? "tuned" : form.benchmark().profile();
    }

    String trials() {
        return valueOr(form.trials());
    }

    String warmups() {
        return valueOr(form.warmups());
    }

    String nodes() {
        return valueOr(form.spread().nodes());
    }

    String fault() {
        return valueOr(form.spread().fault());
    }

    private static String valueOr(String value) {
        return value == null ? "" : value;
    }
}

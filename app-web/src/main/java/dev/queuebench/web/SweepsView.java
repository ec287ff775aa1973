package dev.queuebench.web;

import java.util.List;

/**
 * The sweeps page ({@code GET /sweeps}): the form that starts one, with what was typed when it was refused, and the
 * sweeps newest first.
 *
 * @param error    every bad field named, or {@code null}
 * @param backends the ids a sweep may run on
 */
record SweepsView(String csrfToken, String error, List<String> backends, SweepForm form,
                  List<SweepView.Summary> sweeps) {

    SweepsView {
        backends = List.copyOf(backends);
        sweeps = List.copyOf(sweeps);
    }

    String value(String field) {
        return field == null ? "" : field;
    }
}

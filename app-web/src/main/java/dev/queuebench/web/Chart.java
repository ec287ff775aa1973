package dev.queuebench.web;

import java.util.List;

/**
 * An SVG line chart, already laid out: the template only places what is here. Coordinates are SVG user units,
 * formatted as text so that the template writes them as they are.
 *
 * @param completionsPath the area under completions per second
 * @param enqueuesPath    the line of enqueues per second, or {@code null} when there were none
 */
record Chart(int width, int height, int left, int top, int right, int bottom, String completionsPath,
             String enqueuesPath, List<Tick> yTicks, List<Tick> xTicks, String summary) {

    record Tick(String position, String label) {
    }
}

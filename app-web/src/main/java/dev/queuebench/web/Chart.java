package dev.queuebench.web;

import java.util.List;
import java.util.Optional;

/**
 * An SVG chart, already laid out: the template only places what is here. Coordinates are SVG user units, formatted
 * as text so that the template writes them as they are.
 *
 * @param lines  what is drawn, in drawing order; each is also a key in the legend
 * @param xLabel what the x axis counts, e.g. "seconds since the first enqueue"
 */
record Chart(int width, int height, int left, int top, int right, int bottom, List<Line> lines, List<Tick> yTicks,
             List<Tick> xTicks, String xLabel, String summary) {

    record Tick(String position, String label) {
    }

    /**
     * One series as an SVG path.
     *
     * @param style CSS classes: {@code area} or {@code line}, a colour ({@code c1} to {@code c6}, or a series' own
     *              class such as {@code completions}), and {@code dashed} for a second measure of the same thing
     */
    record Line(String style, String label, String path) {
    }

    /** The line whose style names {@code styleClass}, e.g. {@code completions}. */
    Optional<Line> line(String styleClass) {
        return lines.stream().filter(line -> List.of(line.style().split(" ")).contains(styleClass)).findFirst();
    }
}

package dev.queuebench.web;

import java.util.List;
import java.util.Optional;

/**
 * An SVG chart, already laid out: the template only places what is here. Coordinates are SVG user units, formatted
 * as text so that the template writes them as they are.
 *
 * @param lines   what is drawn, in drawing order; each is also a key in the legend
 * @param markers what happened during the chart's time, e.g. the faults a run met, drawn over the lines
 * @param xLabel  what the x axis counts, e.g. "seconds since the first enqueue"
 */
record Chart(int width, int height, int left, int top, int right, int bottom, List<Line> lines, List<Marker> markers,
             List<Tick> yTicks, List<Tick> xTicks, String xLabel, String summary) {

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

    /**
     * Something that happened during the chart's time: a line where it began and, when it lasted, a band to where it
     * ended, with its name in words so that it does not rest on colour alone.
     *
     * @param x         where it began; the plot's left edge when it began before the chart does
     * @param width     how wide the band is, or {@code null} for a moment
     * @param startLine whether {@code x} is where it began, so that a line is drawn there
     * @param anchor    {@code start} for a label right of {@code labelX}, {@code end} near the chart's right edge
     * @param title     the tooltip: what happened, in full
     */
    record Marker(String x, String width, boolean startLine, String labelX, String labelY, String anchor,
                  String label, String title) {
    }

    /** The line whose style names {@code styleClass}, e.g. {@code completions}. */
    Optional<Line> line(String styleClass) {
        return lines.stream().filter(line -> List.of(line.style().split(" ")).contains(styleClass)).findFirst();
    }
}

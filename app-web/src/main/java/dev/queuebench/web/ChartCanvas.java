package dev.queuebench.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * The drawing area of one chart: the shared {@link TimeAxis} across, a value scale from zero to a round number above
 * the peak upwards, and the paths in between. Charts are drawn on the server so that the page needs no chart library.
 */
final class ChartCanvas {

    /** The size and margins of a chart, in SVG user units. */
    record Frame(int width, int height, int left, int top, int right, int bottom, int yTicks) {
    }

    /** A value over a span of time: a rate between two samples, or an average over seconds. */
    record Step(double from, double to, double value) {
    }

    /** A value at a moment; {@code NaN} breaks the line (a figure the platform did not give). */
    record Point(double second, double value) {
    }

    /** Something that happened from {@code from} to {@code to}, the same second for a moment, e.g. a fault. */
    record Mark(double from, double to, String label, String title) {
    }

    /** Labels of marks step down over this many rows, so that marks close together keep readable labels. */
    private static final int LABEL_ROWS = 3;
    private static final int LABEL_LINE_HEIGHT = 12;
    private static final int LABEL_GAP = 4;
    /** Past this share of the plot's width a label goes left of its line, so that it stays inside the chart. */
    private static final double LABEL_FLIP = 0.75;

    private final Frame frame;
    private final TimeAxis axis;
    private final long yStep;
    private final long yTop;

    private ChartCanvas(Frame frame, TimeAxis axis, long yStep, long yTop) {
        this.frame = frame;
        this.axis = axis;
        this.yStep = yStep;
        this.yTop = yTop;
    }

    /**
     * @param peak    the highest value drawn
     * @param ceiling the highest value the scale may show, e.g. 100 for a percentage; {@code Long.MAX_VALUE} for none
     */
    static ChartCanvas of(Frame frame, TimeAxis axis, double peak, long ceiling) {
        // a little headroom keeps a peak that falls on a grid line visible
        double headroom = Math.max(peak, 1) * 1.05;
        long step = niceStep(headroom / frame.yTicks());
        long top = Math.min(step * (long) Math.ceil(headroom / step), Math.max(ceiling, step));
        return new ChartCanvas(frame, axis, step, top);
    }

    Chart chart(List<Chart.Line> lines, LongFunction<String> yLabel, String summary) {
        return chart(lines, List.of(), yLabel, summary);
    }

    Chart chart(List<Chart.Line> lines, List<Chart.Marker> markers, LongFunction<String> yLabel, String summary) {
        List<Chart.Tick> yTicks = new ArrayList<>();
        for (long value = 0; value <= yTop; value += yStep) {
            yTicks.add(new Chart.Tick(coordinate(y(value)), yLabel.apply(value)));
        }
        List<Chart.Tick> xTicks = new ArrayList<>();
        for (long second : axis.ticks()) {
            xTicks.add(new Chart.Tick(coordinate(x(second)), axis.tickLabel(second)));
        }
        return new Chart(frame.width(), frame.height(), frame.left(), frame.top(), frame.right(), frame.bottom(),
                List.copyOf(lines), List.copyOf(markers), yTicks, xTicks, axis.label(), summary);
    }

    /**
     * The marks that fall on the chart, cut to its time range: one that began before the chart shows as a band from
     * its left edge without a start line, and one wholly before or after it is left out.
     */
    List<Chart.Marker> markers(List<Mark> marks) {
        List<Chart.Marker> markers = new ArrayList<>();
        for (Mark mark : marks) {
            boolean startsOnChart = mark.from() >= axis.from() && mark.from() <= axis.to();
            boolean reachesChart = mark.from() < axis.from() && mark.to() > axis.from();
            if (!startsOnChart && !reachesChart) {
                continue;
            }
            double start = x(Math.max(mark.from(), axis.from()));
            double end = x(Math.min(mark.to(), axis.to()));
            boolean labelLeft = start > frame.left() + LABEL_FLIP * (frame.right() - frame.left());
            double labelY = frame.top() + LABEL_LINE_HEIGHT * (1 + markers.size() % LABEL_ROWS);
            markers.add(new Chart.Marker(coordinate(start), end > start ? coordinate(end - start) : null,
                    startsOnChart, coordinate(labelLeft ? start - LABEL_GAP : start + LABEL_GAP),
                    coordinate(labelY), labelLeft ? "end" : "start", mark.label(), mark.title()));
        }
        return markers;
    }

    /** Steps as a line; a step that does not start where the previous one ended starts a new stretch. */
    String steps(List<Step> steps) {
        StringBuilder path = new StringBuilder();
        double end = Double.NaN;
        for (Step step : steps) {
            double y = y(step.value());
            path.append(contiguous(end, step.from()) ? " L" : (path.isEmpty() ? "M" : " M"))
                    .append(point(x(step.from()), y))
                    .append(" L").append(point(x(step.to()), y));
            end = step.to();
        }
        return path.toString();
    }

    /** Steps as the area under them, each contiguous stretch closed on the x axis. */
    String area(List<Step> steps) {
        StringBuilder path = new StringBuilder();
        double end = Double.NaN;
        for (Step step : steps) {
            if (!contiguous(end, step.from())) {
                if (!Double.isNaN(end)) {
                    path.append(" L").append(point(x(end), frame.bottom())).append(" Z ");
                }
                path.append("M").append(point(x(step.from()), frame.bottom()));
            }
            double y = y(step.value());
            path.append(" L").append(point(x(step.from()), y)).append(" L").append(point(x(step.to()), y));
            end = step.to();
        }
        if (!Double.isNaN(end)) {
            path.append(" L").append(point(x(end), frame.bottom())).append(" Z");
        }
        return path.toString();
    }

    /** Points joined by straight lines; a missing value leaves a gap. */
    String polyline(List<Point> points) {
        StringBuilder path = new StringBuilder();
        boolean drawing = false;
        for (Point point : points) {
            if (Double.isNaN(point.value())) {
                drawing = false;
                continue;
            }
            path.append(drawing ? " L" : (path.isEmpty() ? "M" : " M")).append(point(x(point.second()),
                    y(point.value())));
            drawing = true;
        }
        return path.toString();
    }

    /** The area under points joined by straight lines; a missing value leaves a gap. */
    String filled(List<Point> points) {
        StringBuilder path = new StringBuilder();
        Point last = null;
        for (Point point : points) {
            if (Double.isNaN(point.value())) {
                if (last != null) {
                    path.append(" L").append(point(x(last.second()), frame.bottom())).append(" Z");
                }
                last = null;
                continue;
            }
            if (last == null) {
                path.append(path.isEmpty() ? "M" : " M").append(point(x(point.second()), frame.bottom()));
            }
            path.append(" L").append(point(x(point.second()), y(point.value())));
            last = point;
        }
        if (last != null) {
            path.append(" L").append(point(x(last.second()), frame.bottom())).append(" Z");
        }
        return path.toString();
    }

    private double x(double second) {
        return frame.left() + axis.fraction(second) * (frame.right() - frame.left());
    }

    private double y(double value) {
        return frame.bottom() - Math.min(value, yTop) * (frame.bottom() - frame.top()) / yTop;
    }

    private static boolean contiguous(double end, double from) {
        return !Double.isNaN(end) && Math.abs(from - end) < 1e-6;
    }

    /** The smallest of 1, 2, 5, 10, 20, 50, ... that is at least {@code rough}. */
    static long niceStep(double rough) {
        long magnitude = 1;
        while (true) {
            for (long factor : new long[] {1, 2, 5}) {
                if (factor * magnitude >= rough) {
                    return factor * magnitude;
                }
            }
            magnitude *= 10;
        }
    }

    static String point(double x, double y) {
        return coordinate(x) + "," + coordinate(y);
    }

    static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}

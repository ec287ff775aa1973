package dev.queuebench.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A sweep's curve: the points evenly spaced across in the order they ran (their values, e.g. 1, 2, 4, 8 threads, are
 * the tick labels), the figure up. A rate sweep draws the offered rate beside the achieved one, so that where they part
 * is where the backend stopped keeping up.
 */
final class SweepChart {

    private static final ChartCanvas.Frame FRAME = new ChartCanvas.Frame(720, 260, 64, 16, 704, 222, 4);
    /** Past this share of the width the peak's label goes left of its line, so that it stays inside the chart. */
    private static final double PEAK_LABEL_FLIP = 0.75;

    private SweepChart() {
    }

    /**
     * @param labels  each point's value, as the tick under it
     * @param figures each point's figure, {@code NaN} where its run has none
     * @param offered each point's offered rate for a rate sweep, empty for a thread sweep
     * @param peak    the index of the sweep's peak (the highest drain rate, or the highest rate kept up with), -1 for
     *                none; marked with {@code peakLabel}
     */
    static Optional<Chart> of(List<String> labels, List<Double> figures, List<Double> offered, String figureName,
                              String xLabel, int peak, String peakLabel) {
        if (labels.isEmpty()) {
            return Optional.empty();
        }
        double highest = 1;
        for (double value : figures) {
            highest = Double.isNaN(value) ? highest : Math.max(highest, value);
        }
        for (double value : offered) {
            highest = Math.max(highest, value);
        }
        long step = ChartCanvas.niceStep(highest * 1.05 / FRAME.yTicks());
        long top = step * (long) Math.ceil(highest * 1.05 / step);
        List<Chart.Tick> yTicks = new ArrayList<>();
        for (long value = 0; value <= top; value += step) {
            // the unit on every tick: the axis has no title of its own
            yTicks.add(new Chart.Tick(coordinate(y(value, top)), String.format(Locale.ROOT, "%,d/s", value)));
        }
        List<Chart.Tick> xTicks = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            xTicks.add(new Chart.Tick(coordinate(x(i, labels.size())), labels.get(i)));
        }
        List<Chart.Line> lines = new ArrayList<>();
        if (!offered.isEmpty()) {
            lines.add(new Chart.Line("line c2 dashed", "Offered", path(offered, top)));
        }
        lines.add(new Chart.Line("line completions", figureName, path(figures, top)));
        List<Chart.Marker> markers = new ArrayList<>();
        if (peak >= 0 && peak < labels.size()) {
            double x = x(peak, labels.size());
            boolean left = x > FRAME.left() + PEAK_LABEL_FLIP * (FRAME.right() - FRAME.left());
            markers.add(new Chart.Marker(coordinate(x), null, true, coordinate(left ? x - 4 : x + 4),
                    coordinate(FRAME.top() + 12), left ? "end" : "start", "peak", peakLabel));
        }
        String summary = figureName + " at each point of the sweep, in jobs per second"
                + (markers.isEmpty() ? "" : "; peak: " + peakLabel);
        return Optional.of(new Chart(FRAME.width(), FRAME.height(), FRAME.left(), FRAME.top(), FRAME.right(),
                FRAME.bottom(), lines, markers, yTicks, xTicks, xLabel, summary));
    }

    /** The points joined by straight lines, each marked; a missing figure leaves a gap. */
    private static String path(List<Double> values, long top) {
        StringBuilder path = new StringBuilder();
        boolean drawing = false;
        for (int i = 0; i < values.size(); i++) {
            double value = values.get(i);
            if (Double.isNaN(value)) {
                drawing = false;
                continue;
            }
            String point = coordinate(x(i, values.size())) + "," + coordinate(y(value, top));
            path.append(drawing ? " L" : (path.isEmpty() ? "M" : " M")).append(point)
                    .append(" m-3,0 a3,3 0 1,0 6,0 a3,3 0 1,0 -6,0 m3,0");
            drawing = true;
        }
        return path.toString();
    }

    private static double x(int index, int count) {
        double span = FRAME.right() - FRAME.left();
        return count == 1 ? FRAME.left() + span / 2 : FRAME.left() + 16 + index * (span - 32) / (count - 1);
    }

    private static double y(double value, long top) {
        return FRAME.bottom() - Math.min(value, top) * (FRAME.bottom() - FRAME.top()) / top;
    }

    private static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}

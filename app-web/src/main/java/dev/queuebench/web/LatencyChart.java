package dev.queuebench.web;

import dev.queuebench.common.Text;
import dev.queuebench.domain.measure.LatencyDistribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Lays out a latency distribution as HdrHistogram's plotter draws one: the value (up) at each percentile (across),
 * the percentiles on a log scale of {@code 1/(1-p)}, so that p90, p99, p99.9 and p99.99 are equally far apart and the
 * tail, where schedulers differ, gets as much room as the body. One line per distribution; values may be negative
 * (jobs started ahead of their due time), and the scale then reaches below zero.
 */
final class LatencyChart {

    static final ChartCanvas.Frame FRAME = new ChartCanvas.Frame(760, 280, 64, 16, 740, 236, 6);
    /** Drawn across at least to p99, so that a small run's few points do not fill the whole width. */
    private static final int MIN_DECADES = 2;

    /** One distribution and how it is drawn; {@code style} as in {@link Chart.Line}. */
    record Series(String label, String style, LatencyDistribution distribution) {
    }

    private LatencyChart() {
    }

    /** Empty when no series has a sample. */
    static Optional<Chart> of(List<Series> all) {
        List<Series> series = all.stream().filter(s -> !s.distribution().isEmpty()).toList();
        if (series.isEmpty()) {
            return Optional.empty();
        }
        double deepest = 0;
        long lowest = 0;
        long highest = 0;
        for (Series s : series) {
            for (LatencyDistribution.Point point : s.distribution().points()) {
                deepest = Math.max(deepest, Math.log10(point.inverseTail()));
                lowest = Math.min(lowest, point.micros());
                highest = Math.max(highest, point.micros());
            }
        }
        int decades = Math.max(MIN_DECADES, (int) Math.ceil(deepest - 1e-9));
        Scale scale = Scale.of(lowest, highest, FRAME);
        List<Chart.Line> lines = new ArrayList<>();
        for (Series s : series) {
            StringBuilder path = new StringBuilder();
            for (LatencyDistribution.Point point : s.distribution().points()) {
                path.append(path.isEmpty() ? "M" : " L")
                        .append(ChartCanvas.point(x(Math.log10(point.inverseTail()), decades), scale.y(point.micros())));
            }
            lines.add(new Chart.Line("line " + s.style(), s.label(), path.toString()));
        }
        List<Chart.Tick> xTicks = new ArrayList<>();
        for (int decade = 0; decade <= decades; decade++) {
            xTicks.add(new Chart.Tick(ChartCanvas.coordinate(x(decade, decades)), percentileLabel(decade)));
        }
        List<Chart.Tick> yTicks = new ArrayList<>();
        for (long value = scale.bottom(); value <= scale.top(); value += scale.step()) {
            yTicks.add(new Chart.Tick(ChartCanvas.coordinate(scale.y(value)), Text.micros(value)));
        }
        String summary = "Latency by percentile, log scale of 1/(1-p) up to " + percentileLabel(decades) + ": "
                + String.join("; ", series.stream().map(LatencyChart::describe).toList());
        return Optional.of(new Chart(FRAME.width(), FRAME.height(), FRAME.left(), FRAME.top(), FRAME.right(),
                FRAME.bottom(), lines, List.of(), yTicks, xTicks, "percentile", summary));
    }

    /** The percentile at {@code 1/(1-p) = 10^decade}: 0%, 90%, 99%, 99.9%, ... */
    static String percentileLabel(int decade) {
        return switch (decade) {
            case 0 -> "p0";
            case 1 -> "p90";
            case 2 -> "p99";
            default -> "p99." + "9".repeat(decade - 2);
        };
    }

    private static String describe(Series series) {
        List<LatencyDistribution.Point> points = series.distribution().points();
        LatencyDistribution.Point last = points.get(points.size() - 1);
        return series.label() + " from " + Text.micros(points.get(0).micros()) + " to " + Text.micros(last.micros())
                + String.format(Locale.ROOT, " at p%s", trimmed(last.percentile()));
    }

    private static String trimmed(double percentile) {
        String text = String.format(Locale.ROOT, "%.3f", percentile);
        return text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static double x(double decade, int decades) {
        return FRAME.left() + decade / decades * (FRAME.right() - FRAME.left());
    }

    /** A value scale from a round number at or below the lowest value (zero unless some are negative) upwards. */
    private record Scale(long bottom, long top, long step, ChartCanvas.Frame frame) {

        static Scale of(long lowest, long highest, ChartCanvas.Frame frame) {
            // a little headroom keeps a peak that falls on a grid line visible
            double headroom = Math.max(highest - lowest, 1) * 0.05;
            long step = ChartCanvas.niceStep((highest - lowest + headroom) / frame.yTicks());
            long bottom = lowest < 0 ? -step * (long) Math.ceil(-lowest / (double) step) : 0;
            long top = step * (long) Math.ceil(Math.max(highest + headroom, 1) / step);
            return new Scale(bottom, Math.max(top, bottom + step), step, frame);
        }

        double y(long value) {
            return frame.bottom() - (double) (value - bottom) * (frame.bottom() - frame.top()) / (top - bottom);
        }
    }
}

package dev.queuebench.web;

import dev.queuebench.ports.in.ThroughputSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Lays out the run page's chart: completions per second as an area, enqueues per second as a line, on one time axis
 * from the first enqueue, so the job delay shows as the gap between the two. Drawn on the server so that the page
 * needs no chart library.
 */
final class ThroughputChart {

    static final int WIDTH = 760;
    static final int HEIGHT = 280;
    private static final int LEFT = 64;
    private static final int RIGHT = WIDTH - 20;
    private static final int TOP = 16;
    private static final int BOTTOM = HEIGHT - 44;
    /** Above this many steps, seconds are averaged in buckets: the path stays small for hour-long runs. */
    private static final int MAX_STEPS = 600;
    private static final long[] SECOND_STEPS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1_800, 3_600, 7_200};

    private final long start;
    private final long span;
    private final long yTop;

    private ThroughputChart(long start, long span, long yTop) {
        this.start = start;
        this.span = span;
        this.yTop = yTop;
    }

    static Optional<Chart> of(ThroughputSeries completions, ThroughputSeries enqueues) {
        List<ThroughputSeries> present = new ArrayList<>();
        for (ThroughputSeries series : List.of(enqueues, completions)) {
            if (series.seconds() > 0) {
                present.add(series);
            }
        }
        if (present.isEmpty()) {
            return Optional.empty();
        }
        long start = present.stream().mapToLong(ThroughputSeries::startEpochSecond).min().orElseThrow();
        long end = present.stream().mapToLong(s -> s.startEpochSecond() + s.seconds()).max().orElseThrow();
        long span = Math.max(1, end - start);
        long bucket = Math.max(1, (span + MAX_STEPS - 1) / MAX_STEPS);
        double peak = Math.max(peak(completions, bucket), peak(enqueues, bucket));
        // a little headroom keeps a peak that falls on a grid line visible
        double ceiling = Math.max(peak, 1) * 1.05;
        long yStep = niceStep(ceiling / 6);
        long yTop = yStep * (long) Math.ceil(ceiling / yStep);
        ThroughputChart chart = new ThroughputChart(start, span, yTop);

        List<Chart.Tick> yTicks = new ArrayList<>();
        for (long value = 0; value <= yTop; value += yStep) {
            yTicks.add(new Chart.Tick(coordinate(chart.y(value)), Text.count(value)));
        }
        long xStep = secondsStep(span);
        List<Chart.Tick> xTicks = new ArrayList<>();
        for (long second = 0; second <= span; second += xStep) {
            xTicks.add(new Chart.Tick(coordinate(chart.x(start + second)), secondsLabel(second, xStep)));
        }
        String summary = "Completions per second over " + Text.count(span) + " s, peak "
                + Text.count(completions.peak()) + "/s"
                + (enqueues.seconds() > 0 ? "; enqueues peak " + Text.count(enqueues.peak()) + "/s" : "");
        return Optional.of(new Chart(WIDTH, HEIGHT, LEFT, TOP, RIGHT, BOTTOM,
                completions.seconds() > 0 ? chart.area(completions, bucket) : null,
                enqueues.seconds() > 0 ? chart.line(enqueues, bucket) : null,
                yTicks, xTicks, summary));
    }

    private String area(ThroughputSeries series, long bucket) {
        double[] rates = rates(series, bucket);
        long first = series.startEpochSecond();
        StringBuilder path = new StringBuilder("M").append(point(x(first), BOTTOM));
        for (int i = 0; i < rates.length; i++) {
            double y = y(rates[i]);
            path.append(" L").append(point(x(first + i * bucket), y))
                    .append(" L").append(point(x(Math.min(first + (i + 1) * bucket, start + span)), y));
        }
        path.append(" L").append(point(x(Math.min(first + rates.length * bucket, start + span)), BOTTOM)).append(" Z");
        return path.toString();
    }

    private String line(ThroughputSeries series, long bucket) {
        double[] rates = rates(series, bucket);
        long first = series.startEpochSecond();
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < rates.length; i++) {
            double y = y(rates[i]);
            path.append(i == 0 ? "M" : " L").append(point(x(first + i * bucket), y))
                    .append(" L").append(point(x(Math.min(first + (i + 1) * bucket, start + span)), y));
        }
        return path.toString();
    }

    private double x(long epochSecond) {
        return LEFT + (double) (epochSecond - start) * (RIGHT - LEFT) / span;
    }

    private double y(double perSecond) {
        return BOTTOM - perSecond * (BOTTOM - TOP) / yTop;
    }

    /** Events per second, averaged over buckets of {@code bucket} seconds. */
    private static double[] rates(ThroughputSeries series, long bucket) {
        int[] counts = series.counts();
        double[] rates = new double[(int) ((counts.length + bucket - 1) / bucket)];
        for (int i = 0; i < rates.length; i++) {
            long sum = 0;
            int from = (int) (i * bucket);
            int to = (int) Math.min(counts.length, from + bucket);
            for (int second = from; second < to; second++) {
                sum += counts[second];
            }
            rates[i] = (double) sum / (to - from);
        }
        return rates;
    }

    private static double peak(ThroughputSeries series, long bucket) {
        double peak = 0;
        for (double rate : rates(series, bucket)) {
            peak = Math.max(peak, rate);
        }
        return peak;
    }

    /** The smallest of 1, 2, 5, 10, 20, 50, ... that is at least {@code rough}. */
    private static long niceStep(double rough) {
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

    private static long secondsStep(long span) {
        for (long step : SECOND_STEPS) {
            if (span / step <= 8) {
                return step;
            }
        }
        return SECOND_STEPS[SECOND_STEPS.length - 1] * ((span / 8) / SECOND_STEPS[SECOND_STEPS.length - 1] + 1);
    }

    private static String secondsLabel(long second, long step) {
        return step >= 60 && step % 60 == 0 ? second / 60 + " min" : second + " s";
    }

    private static String point(double x, double y) {
        return coordinate(x) + "," + coordinate(y);
    }

    private static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}

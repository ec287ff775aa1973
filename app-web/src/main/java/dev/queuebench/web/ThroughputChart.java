package dev.queuebench.web;

import dev.queuebench.common.Text;
import dev.queuebench.domain.TickCounts;
import dev.queuebench.domain.measure.ThroughputSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lays out the run page's throughput chart: completions per second as an area, enqueues per second as a line, on the
 * page's time axis from the first enqueue, so the job delay shows as the gap between the two; the faults the run met
 * are marked where they happened, so that a dip lines up with its cause.
 */
final class ThroughputChart {

    static final ChartCanvas.Frame FRAME = new ChartCanvas.Frame(760, 280, 64, 16, 740, 236, 6);
    /** Above this many steps, seconds are averaged in buckets: the path stays small for hour-long runs. */
    static final int MAX_STEPS = 600;
    /** Runs up to this long are drawn per tenth of a second: a second-long bar would hide what happened in it. */
    static final int FINE_SPAN_SECONDS = 10;

    private ThroughputChart() {
    }

    /** On an axis of the series alone; empty when nothing was enqueued. */
    static Optional<Chart> of(ThroughputSeries completions, ThroughputSeries enqueues) {
        return TimeAxis.of(completions, enqueues).flatMap(axis -> of(completions, enqueues, axis));
    }

    /** On the page's shared axis; empty when nothing was enqueued. */
    static Optional<Chart> of(ThroughputSeries completions, ThroughputSeries enqueues, TimeAxis axis) {
        return of(completions, enqueues, axis, List.of());
    }

    /** On the page's shared axis, with the faults marked that fall in its range; empty when nothing was enqueued. */
    static Optional<Chart> of(ThroughputSeries completions, ThroughputSeries enqueues, TimeAxis axis,
                              List<ChartCanvas.Mark> faults) {
        return of(completions, enqueues, TickCounts.empty(TickCounts.TENTH_OF_A_SECOND),
                TickCounts.empty(TickCounts.TENTH_OF_A_SECOND), axis, faults);
    }

    /**
     * As above; a run of at most {@value #FINE_SPAN_SECONDS} seconds is drawn per tick (a tenth of a second) from
     * {@code completionTicks} and {@code enqueueTicks} where it has them, so that a dip shorter than a second shows.
     */
    static Optional<Chart> of(ThroughputSeries completions, ThroughputSeries enqueues, TickCounts completionTicks,
                              TickCounts enqueueTicks, TimeAxis axis, List<ChartCanvas.Mark> faults) {
        if (completions.seconds() == 0 && enqueues.seconds() == 0) {
            return Optional.empty();
        }
        boolean fine = axis.span() <= FINE_SPAN_SECONDS && completionTicks.ticks() > 0;
        long bucket = Math.max(1, (long) Math.ceil(axis.span() / MAX_STEPS));
        List<ChartCanvas.Step> completed = fine ? steps(completionTicks, axis) : steps(completions, bucket, axis);
        List<ChartCanvas.Step> enqueued = fine && enqueueTicks.ticks() > 0 ? steps(enqueueTicks, axis)
                : steps(enqueues, bucket, axis);
        double peak = 0;
        for (ChartCanvas.Step step : completed) {
            peak = Math.max(peak, step.value());
        }
        for (ChartCanvas.Step step : enqueued) {
            peak = Math.max(peak, step.value());
        }
        ChartCanvas canvas = ChartCanvas.of(FRAME, axis, peak, Long.MAX_VALUE);
        List<Chart.Line> lines = new ArrayList<>();
        if (!completed.isEmpty()) {
            lines.add(new Chart.Line("area completions", "completions per second", canvas.area(completed)));
        }
        if (!enqueued.isEmpty()) {
            lines.add(new Chart.Line("line enqueues", "enqueues per second", canvas.steps(enqueued)));
        }
        List<Chart.Marker> markers = canvas.markers(faults);
        String summary = (fine ? "Per tenth of a second, as a rate: completions per second over "
                : "Completions per second over ") + Text.count(Math.round(axis.span())) + " s, peak "
                + Text.count(completions.peak()) + "/s"
                + (enqueues.seconds() > 0 ? "; enqueues peak " + Text.count(enqueues.peak()) + "/s" : "")
                + faultsMarked(markers.size(), faults.size());
        return Optional.of(canvas.chart(lines, markers, Text::count, summary));
    }

    /** Read out with the chart, which a screen reader takes as one image. */
    private static String faultsMarked(int marked, int faults) {
        if (faults == 0) {
            return "";
        }
        String counted = marked == faults ? String.valueOf(faults) : marked + " of " + faults;
        String outside = marked < faults ? ", " + (faults - marked) + " outside its time range" : "";
        return "; " + counted + (faults == 1 ? " fault" : " faults") + " marked" + outside;
    }

    /** Events per second in each tick: a tick's count over its length. */
    static List<ChartCanvas.Step> steps(TickCounts ticks, TimeAxis axis) {
        int[] counts = ticks.counts();
        double perSecond = 1_000.0 / ticks.tickMillis();
        List<ChartCanvas.Step> steps = new ArrayList<>();
        for (int tick = 0; tick < counts.length; tick++) {
            steps.add(new ChartCanvas.Step(axis.seconds(ticks.startOf(tick)), axis.seconds(ticks.startOf(tick + 1)),
                    counts[tick] * perSecond));
        }
        return steps;
    }

    /** Events per second, averaged over buckets of {@code bucket} seconds. */
    static List<ChartCanvas.Step> steps(ThroughputSeries series, long bucket, TimeAxis axis) {
        int[] counts = series.counts();
        List<ChartCanvas.Step> steps = new ArrayList<>();
        for (int from = 0; from < counts.length; from += (int) bucket) {
            int to = (int) Math.min(counts.length, from + bucket);
            long sum = 0;
            for (int second = from; second < to; second++) {
                sum += counts[second];
            }
            steps.add(new ChartCanvas.Step(axis.seconds(series.startEpochSecond() + from),
                    axis.seconds(series.startEpochSecond() + to), (double) sum / (to - from)));
        }
        return steps;
    }
}

package dev.queuebench.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuebench.ports.in.ThroughputSeries;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ThroughputChartTest {

    private static final long START = 1_700_000_000L;

    @Test
    void a_run_that_enqueued_nothing_has_no_chart() {
        assertThat(ThroughputChart.of(ThroughputSeries.EMPTY, ThroughputSeries.EMPTY)).isEmpty();
    }

    @Test
    void the_y_axis_ends_on_a_round_number_above_the_peak() {
        Chart chart = ThroughputChart.of(new ThroughputSeries(START + 2, new int[] {600, 937}),
                new ThroughputSeries(START, new int[] {1_000})).orElseThrow();

        assertThat(chart.yTicks()).extracting(Chart.Tick::label)
                .containsExactly("0", "200", "400", "600", "800", "1,000", "1,200");
        assertThat(path(chart, "completions")).startsWith("M").endsWith("Z");
        assertThat(path(chart, "enqueues")).startsWith("M");
    }

    @Test
    void completions_and_enqueues_share_one_time_axis_from_the_first_enqueue() {
        Chart chart = ThroughputChart.of(new ThroughputSeries(START + 10, new int[] {5, 5}),
                new ThroughputSeries(START, new int[] {10})).orElseThrow();

        assertThat(chart.xTicks()).extracting(Chart.Tick::label).first().isEqualTo("0 s");
        assertThat(chart.xTicks()).extracting(Chart.Tick::label).last().isEqualTo("12 s");
        assertThat(chart.xLabel()).isEqualTo("seconds since the first enqueue");
        assertThat(chart.summary()).contains("over 12 s", "peak 5/s", "enqueues peak 10/s");
    }

    @Test
    void an_hour_long_run_is_drawn_with_a_bounded_number_of_points() {
        int[] counts = new int[3_600];
        Arrays.fill(counts, 250);

        Chart chart = ThroughputChart.of(new ThroughputSeries(START, counts), ThroughputSeries.EMPTY).orElseThrow();

        long points = path(chart, "completions").chars().filter(c -> c == 'L').count();
        assertThat(points).isLessThanOrEqualTo(2 * 600 + 1);
        assertThat(chart.xTicks()).extracting(Chart.Tick::label).contains("0 min", "60 min");
        assertThat(chart.line("enqueues")).isEmpty();
    }

    private static String path(Chart chart, String series) {
        return chart.line(series).orElseThrow().path();
    }
}

package dev.queuebench.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.queuebench.domain.TickCounts;
import dev.queuebench.domain.measure.ThroughputSeries;
import java.util.Arrays;
import java.util.List;
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

    @Test
    void a_short_run_is_drawn_per_tenth_of_a_second_so_that_a_dip_inside_a_second_shows() {
        ThroughputSeries completions = new ThroughputSeries(START, new int[] {100, 100, 100});
        ThroughputSeries enqueues = new ThroughputSeries(START, new int[] {300});
        int[] tenths = new int[30];
        Arrays.fill(tenths, 10);
        tenths[14] = 0;
        TickCounts completionTicks = new TickCounts(START * 10, TickCounts.TENTH_OF_A_SECOND, tenths);
        TimeAxis axis = TimeAxis.of(completions, enqueues, List.of()).orElseThrow();

        Chart chart = ThroughputChart.of(completions, enqueues, completionTicks,
                TickCounts.empty(TickCounts.TENTH_OF_A_SECOND), axis, List.of()).orElseThrow();

        String area = path(chart, "completions");
        assertThat(area.chars().filter(c -> c == 'L').count()).as("two points per tenth, then the close")
                .isEqualTo(2 * 30 + 1);
        assertThat(area).contains(" L" + ChartCanvas.point(64 + 1.4 / 3 * 676, 236));
        assertThat(chart.summary()).startsWith("Per tenth of a second, as a rate: completions per second over 3 s");
        assertThat(path(chart, "enqueues")).as("enqueues without ticks stay per second").startsWith("M");

        Chart longer = ThroughputChart.of(new ThroughputSeries(START, new int[11]), ThroughputSeries.EMPTY,
                new TickCounts(START * 10, TickCounts.TENTH_OF_A_SECOND, new int[110]), TickCounts.empty(100),
                TimeAxis.of(new ThroughputSeries(START, new int[11]), ThroughputSeries.EMPTY, List.of())
                        .orElseThrow(), List.of()).orElseThrow();
        assertThat(longer.summary()).as("past ten seconds, per second").startsWith("Completions per second");
    }

    @Test
    void a_chart_without_faults_marks_nothing() {
        Chart chart = ThroughputChart.of(new ThroughputSeries(START, new int[] {5, 5}), ThroughputSeries.EMPTY)
                .orElseThrow();

        assertThat(chart.markers()).isEmpty();
        assertThat(chart.summary()).doesNotContain("fault");
    }

    @Test
    void each_fault_is_marked_where_it_began_with_a_band_while_it_lasted_and_its_kind_as_label() {
        Chart chart = tenSeconds(List.of(
                new ChartCanvas.Mark(2, 5, "database unreachable", "database unreachable on node-1 for 3.00 s: refused"),
                new ChartCanvas.Mark(8, 8, "kill node", "kill node on node-2: killed")));

        // the plot runs from x 64 to 740 over ten seconds
        assertThat(chart.markers()).extracting(Chart.Marker::x, Chart.Marker::width, Chart.Marker::startLine,
                Chart.Marker::label).containsExactly(
                tuple("199.2", "202.8", true, "database unreachable"),
                tuple("604.8", null, true, "kill node"));
        assertThat(chart.markers()).extracting(Chart.Marker::title)
                .containsExactly("database unreachable on node-1 for 3.00 s: refused", "kill node on node-2: killed");
        assertThat(chart.markers()).extracting(Chart.Marker::labelY).as("stepped down").doesNotHaveDuplicates();
        assertThat(chart.markers().get(1)).as("near the right edge, left of its line")
                .extracting(Chart.Marker::anchor, Chart.Marker::labelX).containsExactly("end", "600.8");
        assertThat(chart.summary()).endsWith("; 2 faults marked");
    }

    @Test
    void a_fault_that_began_before_the_chart_is_a_band_from_its_edge_and_one_wholly_outside_it_is_left_out() {
        Chart chart = tenSeconds(List.of(
                new ChartCanvas.Mark(-3, -1, "restart db", "before"),
                new ChartCanvas.Mark(-2, 1, "database unreachable", "across the start"),
                new ChartCanvas.Mark(10.5, 10.5, "pause node", "after")));

        assertThat(chart.markers()).singleElement().satisfies(marker -> {
            assertThat(marker.title()).isEqualTo("across the start");
            assertThat(marker.x()).isEqualTo("64.0");
            assertThat(marker.width()).isEqualTo("67.6");
            assertThat(marker.startLine()).as("it did not begin at the edge").isFalse();
        });
        assertThat(chart.summary()).endsWith("; 1 of 3 faults marked, 2 outside its time range");
    }

    /** Ten counted seconds: an axis from 0 to 10. */
    private static Chart tenSeconds(List<ChartCanvas.Mark> faults) {
        ThroughputSeries completions = new ThroughputSeries(START, new int[] {5, 5, 5, 5, 5, 5, 5, 5, 5, 5});
        TimeAxis axis = TimeAxis.of(completions, ThroughputSeries.EMPTY).orElseThrow();
        return ThroughputChart.of(completions, ThroughputSeries.EMPTY, axis, faults).orElseThrow();
    }

    private static String path(Chart chart, String series) {
        return chart.line(series).orElseThrow().path();
    }
}

package dev.queuebench.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuebench.domain.measure.LatencyDistribution;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyChartTest {

    private static LatencyDistribution of(long count, long negatives, long... micros) {
        List<Double> percentiles = LatencyDistribution.percentilesFor(count);
        return new LatencyDistribution(count, negatives, java.util.stream.IntStream.range(0, percentiles.size())
                .mapToObj(i -> new LatencyDistribution.Point(percentiles.get(i), micros[Math.min(i, micros.length - 1)]))
                .toList());
    }

    @Test
    void percentiles_are_laid_out_by_decades_of_one_over_the_tail_and_the_scale_starts_at_zero() {
        Chart chart = LatencyChart.of(List.of(new LatencyChart.Series("end-to-end", "c2",
                of(1_000, 0, 1_000, 2_000, 3_000, 4_000, 5_000, 6_000, 7_000, 8_000)))).orElseThrow();

        assertThat(chart.xTicks()).extracting(Chart.Tick::label).containsExactly("p0", "p90", "p99", "p99.9");
        assertThat(chart.xTicks()).extracting(Chart.Tick::position)
                .containsExactly("64.0", "289.3", "514.7", "740.0");
        assertThat(chart.yTicks().get(0).label()).isEqualTo("0 µs");
        assertThat(chart.lines()).singleElement().satisfies(line -> {
            assertThat(line.style()).isEqualTo("line c2");
            assertThat(line.path()).startsWith("M64.0,").endsWith(" L740.0," + y(chart, 8_000));
        });
        assertThat(chart.summary()).isEqualTo("Latency by percentile, log scale of 1/(1-p) up to p99.9: end-to-end"
                + " from 1.0 ms to 8.0 ms at p99.9");
    }

    @Test
    void negative_values_take_the_scale_below_zero_and_a_small_sample_still_spans_to_p99() {
        Chart chart = LatencyChart.of(List.of(new LatencyChart.Series("pickup lag", "c1",
                of(20, 5, -4_000, -1_000, 2_000)))).orElseThrow();

        assertThat(chart.xTicks()).extracting(Chart.Tick::label).containsExactly("p0", "p90", "p99");
        assertThat(chart.yTicks().get(0).label()).startsWith("-");
        assertThat(chart.yTicks()).extracting(Chart.Tick::label).contains("0 µs");
    }

    @Test
    void no_chart_without_a_sample() {
        assertThat(LatencyChart.of(List.of(new LatencyChart.Series("end-to-end", "c2", LatencyDistribution.EMPTY))))
                .isEmpty();
    }

    /** Where the top of the scale puts a value: the last grid line is the scale's top. */
    private static String y(Chart chart, long micros) {
        double top = chart.top();
        double bottom = chart.bottom();
        long topValue = 10_000;
        return String.format(java.util.Locale.ROOT, "%.1f", bottom - micros * (bottom - top) / topValue);
    }
}

package dev.queuebench.web;

import static dev.queuebench.web.ResourceSamples.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.queuebench.domain.measure.ThroughputSeries;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeAxisTest {

    private static final long START = 1_700_000_000L;

    @Test
    void nothing_enqueued_and_nothing_sampled_has_no_axis() {
        assertThat(TimeAxis.of(ThroughputSeries.EMPTY, ThroughputSeries.EMPTY, List.of())).isEmpty();
    }

    @Test
    void samples_from_the_start_of_scheduling_begin_a_little_before_the_first_enqueue() {
        TimeAxis axis = TimeAxis.of(new ThroughputSeries(START + 2, new int[] {10, 10}),
                new ThroughputSeries(START, new int[] {20}),
                List.of(at(Instant.ofEpochSecond(START - 1, 700_000_000L)), at(Instant.ofEpochSecond(START + 3))))
                .orElseThrow();

        assertThat(axis.from()).isCloseTo(-0.3, within(1e-9));
        assertThat(axis.to()).isEqualTo(4);
        assertThat(axis.seconds(START + 1)).isEqualTo(1);
        assertThat(axis.ticks()).first().isEqualTo(0L);
        assertThat(axis.label()).isEqualTo(TimeAxis.SINCE_FIRST_ENQUEUE);
    }

    @Test
    void samples_that_go_on_after_the_last_completion_widen_the_axis_of_every_chart() {
        TimeAxis axis = TimeAxis.of(new ThroughputSeries(START, new int[] {10, 10}), ThroughputSeries.EMPTY,
                List.of(at(Instant.ofEpochSecond(START)), at(Instant.ofEpochSecond(START + 30)))).orElseThrow();

        Chart throughput = ThroughputChart.of(new ThroughputSeries(START, new int[] {10, 10}),
                ThroughputSeries.EMPTY, axis).orElseThrow();

        assertThat(throughput.xTicks()).extracting(Chart.Tick::label).last().isEqualTo("30 s");
    }

    @Test
    void without_enqueues_the_axis_counts_from_the_first_sample() {
        Instant first = Instant.ofEpochSecond(START, 250_000_000L);

        TimeAxis axis = TimeAxis.of(ThroughputSeries.EMPTY, ThroughputSeries.EMPTY,
                List.of(at(first), at(first.plusSeconds(5)))).orElseThrow();

        assertThat(axis.from()).isZero();
        assertThat(axis.to()).isCloseTo(5, within(1e-9));
        assertThat(axis.label()).isEqualTo(TimeAxis.SINCE_SCHEDULING_STARTED);
    }
}

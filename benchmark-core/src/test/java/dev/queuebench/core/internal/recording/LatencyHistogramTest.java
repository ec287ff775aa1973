package dev.queuebench.core.internal.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.queuebench.domain.measure.LatencySummary;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void an_empty_histogram_summarises_as_empty() {
        assertThat(new LatencyHistogram().summary()).isEqualTo(LatencySummary.EMPTY);
    }

    @Test
    void percentiles_of_positive_values_match_the_distribution() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (long micros = 1; micros <= 1_000; micros++) {
            histogram.record(micros);
        }
        LatencySummary summary = histogram.summary();

        assertThat(summary.count()).isEqualTo(1_000);
        assertThat(summary.min()).isEqualTo(1);
        assertThat(summary.p50()).isEqualTo(500);
        assertThat(summary.p99()).isEqualTo(990);
        assertThat(summary.max()).isEqualTo(1_000);
    }

    @Test
    void negative_values_are_kept_and_ordered_below_the_positive_ones() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (long micros = -500; micros < 500; micros++) {
            histogram.record(micros);
        }

        assertThat(histogram.count()).isEqualTo(1_000);
        assertThat(histogram.min()).isEqualTo(-500);
        assertThat(histogram.max()).isEqualTo(499);
        assertThat(histogram.valueAtPercentile(10)).isCloseTo(-401, within(1L));
        assertThat(histogram.valueAtPercentile(50)).isCloseTo(-1, within(1L));
        assertThat(histogram.valueAtPercentile(90)).isCloseTo(399, within(1L));
    }

    @Test
    void only_negative_values_report_a_negative_maximum() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(-3_000_000);
        histogram.record(-1_000_000);

        assertThat(histogram.max()).isCloseTo(-1_000_000, within(1_000L));
        assertThat(histogram.min()).isCloseTo(-3_000_000, within(3_000L));
    }

    @Test
    void encoding_and_decoding_keeps_every_sample() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(-20);
        histogram.record(7);
        histogram.record(1_500_000);

        LatencyHistogram decoded = LatencyHistogram.decode(histogram.encode());

        assertThat(decoded.summary()).isEqualTo(histogram.summary());
    }

    @Test
    void values_beyond_a_day_are_recorded_as_a_day() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(Long.MAX_VALUE);
        assertThat(histogram.max()).isCloseTo(LatencyHistogram.HIGHEST_MICROS, within(LatencyHistogram.HIGHEST_MICROS / 1000));
    }

    @Test
    void adding_histograms_adds_their_samples() {
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        a.record(10);
        b.record(-10);
        a.add(b);
        assertThat(a.count()).isEqualTo(2);
        assertThat(a.min()).isEqualTo(-10);
    }
}

package dev.queuebench.core.internal.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.queuebench.domain.measure.LatencyDistribution;
import dev.queuebench.domain.measure.LatencySummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.HdrHistogram.Histogram;
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

    @Test
    void hgrm_is_what_hdrhistogram_prints_for_the_same_values_in_milliseconds() {
        LatencyHistogram ours = new LatencyHistogram();
        Histogram theirs = new Histogram(3);
        for (long micros = 250; micros <= 2_000_000; micros = micros * 11 / 10 + 7) {
            ours.record(micros);
            theirs.recordValue(micros);
        }
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        theirs.outputPercentileDistribution(new PrintStream(expected, true, StandardCharsets.UTF_8), 5, 1_000.0);

        String hgrm = LatencyHistogram.decode(ours.encode()).hgrm().orElseThrow();

        assertThat(hgrm).isEqualTo(expected.toString(StandardCharsets.UTF_8));
        assertThat(hgrm).startsWith("       Value     Percentile TotalCount 1/(1-Percentile)")
                .contains("#[Max     =     1847.295, Total count    =           92]");
    }

    @Test
    void no_hgrm_where_the_format_cannot_hold_the_values() {
        LatencyHistogram early = new LatencyHistogram();
        early.record(-3);
        early.record(5);

        assertThat(new LatencyHistogram().hgrm()).isEmpty();
        assertThat(early.hgrm()).as("a negative value has no place in HdrHistogram's text").isEmpty();
    }

    @Test
    void the_distribution_reads_each_percentile_negative_values_included() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (long micros = -100; micros < 900; micros++) {
            histogram.record(micros);
        }

        LatencyDistribution distribution = histogram.distribution();

        assertThat(distribution.count()).isEqualTo(1_000);
        assertThat(distribution.negatives()).isEqualTo(100);
        assertThat(distribution.points().get(0)).isEqualTo(new LatencyDistribution.Point(0, -100));
        assertThat(distribution.points()).last().satisfies(last -> {
            assertThat(last.percentile()).isCloseTo(99.9, within(1e-9));
            assertThat(last.micros()).isEqualTo(899);
        });
        assertThat(distribution.points()).extracting(LatencyDistribution.Point::micros)
                .as("a distribution never falls").isSorted();
        LatencyDistribution.Point p90 = distribution.points().stream()
                .filter(point -> Math.abs(point.percentile() - 90) < 1e-9).findFirst().orElseThrow();
        assertThat(p90.micros()).as("the 900th of 1,000 values from -100").isEqualTo(799);
    }
}

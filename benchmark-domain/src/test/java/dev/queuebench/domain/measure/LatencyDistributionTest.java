package dev.queuebench.domain.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyDistributionTest {

    @Test
    void percentiles_are_evenly_spaced_on_the_log_of_one_over_the_tail_up_to_p99_999() {
        List<Double> percentiles = LatencyDistribution.percentilesFor(10_000_000);

        assertThat(percentiles).hasSize(51);
        assertThat(percentiles.get(0)).isZero();
        assertThat(percentiles.get(10)).isCloseTo(90, within(1e-9));
        assertThat(percentiles.get(20)).isCloseTo(99, within(1e-9));
        assertThat(percentiles.get(30)).isCloseTo(99.9, within(1e-9));
        assertThat(percentiles.get(50)).isCloseTo(99.999, within(1e-9));
        assertThat(percentiles).isSorted();
    }

    @Test
    void a_small_sample_stops_at_the_last_percentile_it_resolves() {
        assertThat(LatencyDistribution.percentilesFor(0)).isEmpty();
        assertThat(LatencyDistribution.percentilesFor(1)).containsExactly(0.0);
        List<Double> of250 = LatencyDistribution.percentilesFor(250);
        assertThat(of250.get(of250.size() - 1)).isCloseTo(99.6, within(1e-9));
        assertThat(of250.get(of250.size() - 2)).isCloseTo(100 * (1 - 1 / Math.pow(10, 2.3)), within(1e-9));
    }

    @Test
    void a_point_sits_where_hdrhistogram_plots_it() {
        assertThat(new LatencyDistribution.Point(0, 5).inverseTail()).isEqualTo(1);
        assertThat(new LatencyDistribution.Point(99, 5).inverseTail()).isCloseTo(100, within(1e-9));
        assertThatThrownBy(() -> new LatencyDistribution.Point(100.5, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0..100");
        assertThatThrownBy(() -> new LatencyDistribution(3, 4, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_latency_kind_is_found_by_its_id_and_an_unknown_one_names_the_choices() {
        assertThat(LatencyKind.of(" End-To-End")).isEqualTo(LatencyKind.END_TO_END);
        assertThatThrownBy(() -> LatencyKind.of("lag"))
                .hasMessage("no latency 'lag'; choose one of pickup-lag, end-to-end, enqueue");
    }
}

package dev.queuebench.web;

import static dev.queuebench.web.ResourceSamples.commits;
import static dev.queuebench.web.ResourceSamples.time;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.queuebench.domain.measure.ResourceSample;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CounterRatesTest {

    @Test
    void the_rate_between_two_samples_is_the_increase_over_the_time_between_them() {
        List<CounterRates.Interval> rates = CounterRates.of(
                List.of(commits(0, 1_000), commits(1, 1_250), commits(3, 1_450)),
                sample -> sample.database().transactionsCommitted());

        assertThat(rates).extracting(CounterRates.Interval::increase).containsExactly(250L, 200L);
        assertThat(rates.get(0).perSecond()).isCloseTo(250, within(1e-9));
        assertThat(rates.get(1).perSecond()).isCloseTo(100, within(1e-9));
        assertThat(rates.get(1).from()).isEqualTo(time(1));
        assertThat(rates.get(1).to()).isEqualTo(time(3));
    }

    @Test
    void samples_half_a_second_apart_give_per_second_rates() {
        List<CounterRates.Interval> rates = CounterRates.of(List.of(commits(0, 0), commits(0.5, 40)),
                sample -> sample.database().transactionsCommitted());

        assertThat(rates.get(0).perSecond()).isCloseTo(80, within(1e-9));
    }

    @Test
    void a_counter_that_goes_down_was_reset_and_counts_as_zero_not_as_a_negative_rate() {
        List<CounterRates.Interval> rates = CounterRates.of(
                List.of(commits(0, 5_000), commits(1, 5_100), commits(2, 30), commits(3, 90)),
                sample -> sample.database().transactionsCommitted());

        assertThat(rates).extracting(CounterRates.Interval::increase).containsExactly(100L, 0L, 60L);
        assertThat(rates).allSatisfy(rate -> assertThat(rate.perSecond()).isNotNegative());
    }

    @Test
    void samples_that_do_not_move_forward_in_time_give_no_rate() {
        List<CounterRates.Interval> rates = CounterRates.of(
                List.of(commits(0, 0), commits(0, 10), commits(1, 20)),
                sample -> sample.database().transactionsCommitted());

        assertThat(rates).hasSize(1);
        assertThat(rates.get(0).increase()).isEqualTo(10);
        assertThat(rates.get(0).perSecond()).isFinite();
    }

    @Test
    void one_sample_or_none_gives_no_rate() {
        assertThat(CounterRates.of(List.of(), sample -> 0)).isEmpty();
        assertThat(CounterRates.of(List.of(commits(0, 7)), sample -> 7)).isEmpty();
    }

    @Test
    void merging_keeps_the_total_and_averages_the_rate_over_the_merged_span() {
        List<ResourceSample> samples = new ArrayList<>();
        for (int second = 0; second <= 10; second++) {
            samples.add(commits(second, second % 2 == 0 ? second * 100L : second * 100L + 50));
        }
        List<CounterRates.Interval> rates = CounterRates.of(samples, s -> s.database().transactionsCommitted());

        List<CounterRates.Interval> merged = CounterRates.merged(rates, 5);

        assertThat(merged).hasSize(5);
        assertThat(merged).extracting(CounterRates.Interval::increase).containsOnly(200L);
        assertThat(merged).allSatisfy(rate -> assertThat(rate.perSecond()).isCloseTo(100, within(1e-9)));
        assertThat(merged.get(4).to()).isEqualTo(time(10));
        assertThat(CounterRates.merged(rates, 100)).isEqualTo(rates);
    }
}

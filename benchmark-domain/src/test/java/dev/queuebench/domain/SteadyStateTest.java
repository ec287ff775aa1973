package dev.queuebench.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SteadyStateTest {

    private static final long START_TICK = 17_000_000_000L;

    @Test
    void an_even_run_is_steady_from_its_tenth_to_its_ninetieth_percentile_at_its_rate() {
        int[] counts = new int[100];
        Arrays.fill(counts, 100);

        SteadyState steady = SteadyState.of(new TickCounts(START_TICK, 100, counts)).orElseThrow();

        Instant start = Instant.ofEpochMilli(START_TICK * 100);
        assertThat(steady.from()).isEqualTo(start.plusSeconds(1));
        assertThat(steady.to()).isEqualTo(start.plusSeconds(9));
        assertThat(steady.events()).isEqualTo(8_000);
        assertThat(steady.perSecond()).isCloseTo(1_000, within(1e-9));
        assertThat(steady.drift()).isCloseTo(0, within(1e-9));
        assertThat(steady.longestPause()).isZero();
    }

    @Test
    void the_longest_stretch_without_an_event_inside_the_middle_is_its_longest_pause() {
        // bursts of 500 every 2 s, a tick each: 1.9 s of nothing between them
        int[] counts = new int[200];
        for (int tick = 0; tick < counts.length; tick += 20) {
            counts[tick] = 500;
        }

        SteadyState steady = SteadyState.of(new TickCounts(START_TICK, 100, counts)).orElseThrow();

        assertThat(steady.longestPause()).isEqualTo(Duration.ofMillis(1_900));
    }

    @Test
    void a_rate_that_falls_over_the_run_drifts() {
        // 200 per tick falling to 100 per tick, evenly: the middle's last quarter goes about 40% slower than its first
        int[] counts = new int[100];
        for (int tick = 0; tick < counts.length; tick++) {
            counts[tick] = 200 - tick;
        }

        SteadyState steady = SteadyState.of(new TickCounts(START_TICK, 100, counts)).orElseThrow();

        assertThat(steady.drift()).isBetween(-0.45, -0.30);
    }

    @Test
    void neither_a_slow_start_nor_a_long_tail_moves_the_steady_rate() {
        // 3 s until the first poll, 10 s at 1,000 jobs/s, then stragglers for 5 s
        int[] counts = new int[180];
        Arrays.fill(counts, 30, 130, 100);
        for (int tick = 130; tick < 180; tick += 10) {
            counts[tick] = 2;
        }

        TickCounts ticks = new TickCounts(START_TICK, 100, counts);
        SteadyState steady = SteadyState.of(ticks).orElseThrow();

        assertThat(steady.perSecond()).isCloseTo(1_000, within(1.0));
        assertThat(steady.drift()).isCloseTo(0, within(0.01));
        double overall = ticks.total() / 18.0;
        assertThat(overall).as("N over the whole window").isLessThan(600);
    }

    @Test
    void a_percentile_inside_a_tick_is_read_in_proportion_to_its_count() {
        // 100 events: the 10th is half-way through tick 0 (20 in it), the 90th half-way through tick 7 (20 in it)
        int[] counts = {20, 30, 0, 0, 0, 0, 30, 20};

        SteadyState steady = SteadyState.of(new TickCounts(START_TICK, 1_000, counts)).orElseThrow();

        assertThat(Duration.between(Instant.ofEpochMilli(START_TICK * 1_000), steady.from()))
                .isEqualTo(Duration.ofMillis(500));
        assertThat(steady.window()).isEqualTo(Duration.ofSeconds(7));
        assertThat(steady.perSecond()).isCloseTo(80 / 7.0, within(1e-9));
    }

    @Test
    void too_few_events_or_a_middle_shorter_than_five_ticks_has_no_steady_state() {
        assertThat(SteadyState.of(new TickCounts(START_TICK, 100, new int[] {5, 5, 5}))).isEmpty();
        assertThat(SteadyState.of(new TickCounts(START_TICK, 100, new int[] {0, 1_000, 1_000, 0}))).isEmpty();
        assertThat(SteadyState.of(TickCounts.empty(100))).isEmpty();
    }

    @Test
    void counts_of_several_nodes_add_up_tick_by_tick() {
        TickCounts first = new TickCounts(10, 100, new int[] {1, 2, 3});
        TickCounts second = new TickCounts(12, 100, new int[] {4, 5});

        TickCounts sum = TickCounts.sum(100, List.of(first, second, TickCounts.empty(100)));

        assertThat(sum).isEqualTo(new TickCounts(10, 100, new int[] {1, 2, 7, 5}));
        assertThat(sum.total()).isEqualTo(15);
    }
}

package dev.queuebench.domain.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.queuebench.domain.CompletionCounts;
import dev.queuebench.domain.NodeId;
import dev.queuebench.domain.RunEnding;
import dev.queuebench.domain.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The rules a run's report reads its figures from, with plain values and no database. */
class RunRulesTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void fairness_is_the_smallest_nodes_executions_over_the_largests_and_shares_add_up_to_one() {
        NodeShare a = new NodeShare(NodeId.of("a"), 300, 300);
        NodeShare b = new NodeShare(NodeId.of("b"), 100, 100);

        assertThat(NodeShare.fairness(List.of(a, b)).getAsDouble()).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(a.shareOf(List.of(a, b)) + b.shareOf(List.of(a, b))).isCloseTo(1, within(1e-9));
        assertThat(NodeShare.fairness(List.of(a))).as("one node: nothing to be fair between").isEmpty();
        NodeShare idle = new NodeShare(NodeId.of("c"), 0, 0);
        assertThat(NodeShare.fairness(List.of(idle, idle))).as("before any job ran").isEmpty();
        assertThat(idle.shareOf(List.of(idle))).isZero();
    }

    @Test
    void a_node_started_for_a_run_that_ran_none_of_its_jobs_makes_it_as_uneven_as_can_be() {
        NodeShare busy = new NodeShare(NodeId.of("a"), 400, 400);

        assertThat(NodeShare.fairness(List.of(busy), 2)).as("the other node recorded nothing").hasValue(0);
        assertThat(NodeShare.fairness(List.of(busy), 1)).isEmpty();
        assertThat(NodeShare.fairness(List.of(), 2)).as("before any job ran").isEmpty();
        assertThat(NodeShare.fairness(List.of(busy, new NodeShare(NodeId.of("b"), 400, 400)), 2)).hasValue(1);
    }

    @Test
    void a_rate_needs_time_between_its_ends() {
        assertThat(Rates.perSecond(500, T0, Optional.of(T0.plusSeconds(2))).getAsDouble()).isEqualTo(250);
        assertThat(Rates.perSecond(500, T0, Optional.of(T0))).isEmpty();
        assertThat(Rates.perSecond(500, T0, Optional.of(T0.minusSeconds(1)))).isEmpty();
        assertThat(Rates.perSecond(500, T0, Optional.empty())).isEmpty();
        assertThat(Rates.perSecond(500, Duration.ofMillis(500)).getAsDouble()).isEqualTo(1_000);
    }

    @Test
    void of_the_missing_jobs_those_the_backend_still_held_are_pending_and_the_rest_lost() {
        CompletionCounts counts = new CompletionCounts(100, 90, 90);
        Optional<RunEnding> counted = Optional.of(new RunEnding(RunStatus.STALLED, "stalled", T0, OptionalInt.of(4)));
        Optional<RunEnding> uncounted = Optional.of(new RunEnding(RunStatus.STALLED, "stalled", T0, OptionalInt.empty()));

        assertThat(counts.pendingAt(counted)).hasValue(4);
        assertThat(counts.lostAt(counted)).hasValue(6);
        assertThat(counts.pendingAt(Optional.of(new RunEnding(RunStatus.STALLED, "stalled", T0, OptionalInt.of(40)))))
                .as("never more pending than missing").hasValue(10);
        assertThat(counts.lostAt(uncounted)).isEmpty();
        assertThat(counts.lostAt(Optional.empty())).as("still running").isEmpty();
        assertThat(new CompletionCounts(100, 100, 100).lostAt(Optional.empty())).as("nothing missing").hasValue(0);
    }

    @Test
    void a_series_recovers_when_three_seconds_in_a_row_are_back_to_nine_tenths_of_the_rate_before() {
        // a partial first second, 100/s, a fault at 4 s drops it to 20/s, back to 95/s from 6 s
        ThroughputSeries series = new ThroughputSeries(T0.getEpochSecond(), new int[] {7, 100, 100, 100, 20, 20, 95, 95, 95});

        assertThat(series.recoveryAfter(T0.plusSeconds(4))).hasValue(Duration.ofSeconds(2));
        assertThat(series.recoveryAfter(T0.plusSeconds(1))).as("no whole second before it").isEmpty();
        assertThat(series.countAt(T0.getEpochSecond() + 4)).isEqualTo(20);
        assertThat(series.countAt(T0.getEpochSecond() - 1)).isZero();
    }
}

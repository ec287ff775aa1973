package dev.queuebench.domain.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceSummaryTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private static ResourceSample sample(int second, long heap, double cpu, long commits, int active) {
        return new ResourceSample(T0.plusSeconds(second), new JvmSample(heap, 2 * heap, cpu, second, 10L * second, 40),
                List.of(new PoolSample("qb-core", active, 10 - active, 0)),
                new DatabaseSample(commits, 0, 0, 0, 1_000, 65_536, second % 2));
    }

    @Test
    void gauges_report_peak_and_mean_and_counters_their_increase_per_second() {
        ResourceSummary summary = ResourceSummary.of(List.of(
                sample(0, 100, 0.2, 1_000, 2),
                sample(1, 300, 0.6, 1_500, 6),
                sample(2, 200, 0.4, 3_000, 4)));

        assertThat(summary.samples()).isEqualTo(3);
        assertThat(summary.window()).isEqualTo(Duration.ofSeconds(2));
        assertThat(summary.heapUsedBytes().peak()).isEqualTo(300);
        assertThat(summary.heapUsedBytes().mean()).isEqualTo(200);
        assertThat(summary.processCpuLoad().mean()).isCloseTo(0.4, within(1e-9));
        assertThat(summary.transactionsCommitted().increase()).isEqualTo(2_000);
        assertThat(summary.transactionsCommitted().perSecond()).isEqualTo(1_000);
        assertThat(summary.gcTimeMillis().increase()).isEqualTo(20);
        assertThat(summary.pools().get("qb-core").active().peak()).isEqualTo(6);
        assertThat(summary.sessionsWaitingOnLocks().peak()).isEqualTo(1);
    }

    @Test
    void summaries_of_several_runs_combine_into_highest_peaks_mean_means_and_total_increases() {
        ResourceSummary first = ResourceSummary.of(List.of(sample(0, 100, 0.2, 1_000, 2), sample(2, 300, 0.6, 3_000, 6)));
        ResourceSummary second = ResourceSummary.of(List.of(sample(0, 500, 0.2, 0, 1), sample(1, 500, 0.2, 500, 1)));

        ResourceSummary combined = ResourceSummary.combine(List.of(first, second, ResourceSummary.NONE));

        assertThat(combined.samples()).isEqualTo(4);
        assertThat(combined.heapUsedBytes().peak()).isEqualTo(500);
        assertThat(combined.heapUsedBytes().mean()).isEqualTo((200 + 500) / 2.0);
        assertThat(combined.transactionsCommitted().increase()).isEqualTo(2_500);
        assertThat(combined.transactionsCommitted().perSecond()).isEqualTo((1_000 + 500) / 2.0);
        assertThat(combined.pools().get("qb-core").active().peak()).isEqualTo(6);
    }

    @Test
    void unknown_values_are_left_out_of_gauges_and_reported_as_unknown_when_all_are() {
        ResourceSample unknownCpu = new ResourceSample(T0, new JvmSample(100, -1, -1, 0, 0, 40), List.of(),
                DatabaseSample.NONE);
        ResourceSample knownCpu = new ResourceSample(T0.plusSeconds(1), new JvmSample(100, -1, 0.5, 0, 0, 40),
                List.of(), DatabaseSample.NONE);

        ResourceSummary summary = ResourceSummary.of(List.of(unknownCpu, knownCpu));

        assertThat(summary.processCpuLoad().mean()).isEqualTo(0.5);
        assertThat(summary.rssBytes().peak()).isEqualTo(-1);
    }

    @Test
    void no_samples_summarise_as_none() {
        assertThat(ResourceSummary.of(List.of())).isEqualTo(ResourceSummary.NONE);
    }
}

package dev.queuebench.ports.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.CompletionCounts;
import dev.queuebench.domain.JobDelay;
import dev.queuebench.domain.JobWork;
import dev.queuebench.domain.JobsCount;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.RunSpec;
import dev.queuebench.domain.RunStatus;
import dev.queuebench.domain.RunTimeline;
import dev.queuebench.domain.SchedulingMode;
import dev.queuebench.domain.TickCounts;
import dev.queuebench.domain.Workload;
import dev.queuebench.domain.measure.LatencySummary;
import dev.queuebench.domain.measure.OfferOutcome;
import dev.queuebench.domain.measure.ThroughputSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunReportWorkloadTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void a_backlog_drains_from_the_workers_start_to_the_last_completion() {
        // 1,000 jobs enqueued in 2 s, workers started at 3 s, last job done at 8 s: 200 jobs/s
        RunReport report = report(Workload.BACKLOG, 1_000, T0.plusSeconds(3), T0.plusSeconds(4), T0.plusSeconds(8),
                series(T0, 500, 500), series(T0.plusSeconds(4), 200, 200, 200, 200, 200));

        assertThat(report.drainRate().getAsDouble()).isCloseTo(200, within(1e-9));
        assertThat(report.enqueueRate().getAsDouble()).isCloseTo(500, within(1e-9));
        assertThat(report.offer()).isEmpty();
    }

    @Test
    void a_delayed_run_has_no_drain_rate() {
        RunReport report = report(Workload.DELAYED, 1_000, T0, T0.plusSeconds(1), T0.plusSeconds(8),
                series(T0, 1_000), series(T0.plusSeconds(1), 1_000));

        assertThat(report.drainRate()).isEmpty();
    }

    @Test
    void a_rate_kept_up_when_completions_follow_the_offer_and_the_backlog_stays_flat() {
        Workload.Rate rate = new Workload.Rate(100, Duration.ofSeconds(6));
        // 100 enqueued and 100 completed every second, completions one second behind
        RunReport report = report(rate, 600, T0, T0.plusMillis(1_005), T0.plusMillis(7_000),
                series(T0, 100, 100, 100, 100, 100, 100), series(T0.plusSeconds(1), 100, 100, 100, 100, 100, 100));

        OfferOutcome offer = report.offer().orElseThrow();
        assertThat(offer.offeredRate()).isEqualTo(100);
        assertThat(offer.achievedRate()).isCloseTo(599 / 5.995, within(1e-9));
        assertThat(offer.maxBacklog()).isEqualTo(100);
        assertThat(offer.backlogBounded()).isTrue();
        assertThat(offer.keptUp()).isTrue();
    }

    @Test
    void a_rate_was_not_kept_up_when_the_backlog_grows_and_completions_trail_off() {
        Workload.Rate rate = new Workload.Rate(100, Duration.ofSeconds(6));
        // 100 offered per second, 50 completed per second: the backlog grows by 50 a second
        RunReport report = report(rate, 600, T0, T0.plusMillis(1_000), T0.plusSeconds(13),
                series(T0, 100, 100, 100, 100, 100, 100),
                series(T0.plusSeconds(1), 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50));

        OfferOutcome offer = report.offer().orElseThrow();
        assertThat(offer.achievedRate()).isCloseTo(50, within(0.1));
        assertThat(offer.maxBacklog()).isEqualTo(350);
        assertThat(offer.backlogBounded()).isFalse();
        assertThat(offer.keptUp()).isFalse();
    }

    @Test
    void throughput_recovers_from_a_fault_when_three_seconds_in_a_row_average_90_percent_of_the_rate_before() {
        // a partial first second, 100 jobs/s, a fault at 4.5 s, 20/s for two seconds, then 95/s
        RunReport report = report(Workload.DELAYED, 1_000, T0, T0.plusSeconds(1), T0.plusSeconds(12),
                series(T0, 1_000), series(T0, 7, 100, 100, 100, 100, 20, 20, 95, 95, 95, 95, 40));

        assertThat(report.throughputRecoveryAfter(T0.plusMillis(4_500))).hasValue(Duration.ofMillis(2_500));
        assertThat(report.throughputRecoveryAfter(T0.plusSeconds(2))).as("no dip: at once").hasValue(Duration.ZERO);
        assertThat(report.throughputRecoveryAfter(T0.plusSeconds(1))).as("no full second before it").isEmpty();
    }

    @Test
    void throughput_that_never_gets_back_to_90_percent_has_no_recovery() {
        // one of two nodes killed at 3 s: the survivor runs at 60% of the pair's rate to the end
        RunReport report = report(Workload.DELAYED, 1_000, T0, T0.plusSeconds(1), T0.plusSeconds(9),
                series(T0, 1_000), series(T0, 50, 100, 100, 60, 60, 60, 60, 60));

        assertThat(report.throughputRecoveryAfter(T0.plusSeconds(3))).isEmpty();
    }

    @Test
    void a_backlogs_jobs_are_all_due_at_the_workers_start_and_wait_until_they_finish() {
        RunReport report = ticks(report(Workload.BACKLOG, 10, T0.plusSeconds(3), T0.plusSeconds(4), T0.plusSeconds(5),
                series(T0, 10), series(T0.plusSeconds(4), 10)), new int[] {10}, T0, new int[] {4, 0, 6},
                T0.plusMillis(3_100));

        TickCounts waiting = report.dueNotFinished();

        assertThat(waiting.startOf(0)).isEqualTo(T0.plusSeconds(3));
        assertThat(waiting.counts()).containsExactly(10, 6, 6, 0);
    }

    @Test
    void a_delayed_runs_jobs_come_due_their_delay_after_each_enqueue() {
        RunReport report = ticks(report(Workload.DELAYED, 5, T0, T0.plusSeconds(10), T0.plusSeconds(11),
                series(T0, 5), series(T0.plusSeconds(10), 5)), new int[] {3, 2}, T0, new int[] {5},
                T0.plusSeconds(10).plusMillis(100));

        TickCounts waiting = report.dueNotFinished();

        assertThat(waiting.startOf(0)).as("the default delay, 10 s, after the first enqueue").isEqualTo(
                T0.plusSeconds(10));
        assertThat(waiting.counts()).containsExactly(3, 0);
    }

    @Test
    void a_rate_runs_jobs_come_due_at_the_offered_rate_from_the_start_of_scheduling() {
        Workload.Rate rate = new Workload.Rate(20, Duration.ofSeconds(1));
        RunReport report = ticks(report(rate, 20, T0, T0.plusMillis(100), T0.plusSeconds(2), series(T0, 20),
                series(T0, 20)), new int[0], T0, new int[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 20}, T0);

        assertThat(report.dueNotFinished().counts()).as("2 more every tenth of a second, all done at the 11th")
                .containsExactly(2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 0);
    }

    /** The report with these enqueues and completions per tenth of a second. */
    private static RunReport ticks(RunReport report, int[] enqueued, Instant enqueuedFrom, int[] completed,
                                   Instant completedFrom) {
        return new RunReport(report.run(), report.status(), report.completions(), report.lastProgressAt(),
                report.firstCompletionAt(), report.lastCompletionAt(), report.pickupLag(), report.endToEnd(),
                report.enqueueLatency(), report.completionsPerSecond(), report.enqueuesPerSecond(),
                report.environment(), report.resourceSamples(), report.faults(), report.nodes(),
                new TickCounts(completedFrom.toEpochMilli() / 100, 100, completed),
                new TickCounts(enqueuedFrom.toEpochMilli() / 100, 100, enqueued), report.busyPerSecond(),
                report.topStatements());
    }

    private static ThroughputSeries series(Instant start, int... counts) {
        return new ThroughputSeries(start.getEpochSecond(), counts);
    }

    private static RunReport report(Workload workload, int jobs, Instant workersStartedAt, Instant firstCompletion,
                                    Instant lastCompletion, ThroughputSeries enqueues, ThroughputSeries completions) {
        RunSpec spec = new RunSpec(BackendId.of("postgres"), JobsCount.of(jobs), SchedulingMode.ONE_BY_ONE,
                workload instanceof Workload.Delayed ? JobDelay.DEFAULT : JobDelay.of(Duration.ZERO), workload,
                JobWork.NONE);
        RunTimeline timeline = RunTimeline.of(T0, lastCompletion, T0, T0, T0.plusSeconds(2), lastCompletion,
                workersStartedAt);
        BenchmarkRun run = new BenchmarkRun(RunId.of(1), spec, timeline, jobs, Optional.empty());
        return new RunReport(run, RunStatus.FINISHED, new CompletionCounts(jobs, jobs, jobs), lastCompletion,
                Optional.of(firstCompletion), Optional.of(lastCompletion), LatencySummary.EMPTY, LatencySummary.EMPTY,
                LatencySummary.EMPTY, completions, enqueues, Map.of(), List.of(), List.of(), List.of(),
                TickCounts.empty(TickCounts.TENTH_OF_A_SECOND), TickCounts.empty(TickCounts.TENTH_OF_A_SECOND),
                TickCounts.empty(1_000), List.of());
    }
}

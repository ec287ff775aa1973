package dev.queuebench.domain.measure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuebench.domain.TickCounts;
import dev.queuebench.domain.measure.Bottleneck.Evidence;
import dev.queuebench.domain.measure.Bottleneck.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Each verdict from the evidence that gives it, and the order in which the rules are asked. */
class BottleneckTest {

    private static final Duration DRAIN = Duration.ofSeconds(10);

    /** A drain of 10 s with 4 threads: 40 s of worker time. */
    private static Evidence evidence(double hostCpu, double busySeconds, double poolWaiting, double lockWaits,
                                     boolean paced, Duration pickupLag, OptionalDouble shortfall) {
        return new Evidence(OptionalDouble.of(hostCpu), OptionalDouble.of(hostCpu / 2), OptionalDouble.empty(), 4,
                Duration.ofMillis((long) (busySeconds * 1_000)), DRAIN, poolWaiting, poolWaiting * 2, "qb-x", lockWaits,
                paced, pickupLag, shortfall, 0, Optional.empty());
    }

    private static Kind verdict(Evidence evidence) {
        return Bottleneck.of(evidence).orElseThrow().kind();
    }

    private static final Duration LATE = Duration.ofSeconds(3);
    private static final OptionalDouble KEPT_UP = OptionalDouble.empty();

    @Test
    void every_thread_busy_with_the_cores_free_is_the_jobs_themselves() {
        Bottleneck bottleneck = Bottleneck.of(evidence(0.2, 38, 0, 0, false, LATE, KEPT_UP)).orElseThrow();

        assertThat(bottleneck.kind()).isEqualTo(Kind.WORKERS);
        assertThat(bottleneck.text()).isEqualTo("workers: the 4 worker threads were busy 95% of the drain with the"
                + " cores 20% busy: the jobs themselves");
    }

    @Test
    void saturated_cores_are_the_cpu_unless_the_workers_were_busy_while_this_process_used_few_of_them() {
        assertThat(Bottleneck.of(evidence(0.95, 4, 0, 0, false, LATE, KEPT_UP)).orElseThrow().text())
                .isEqualTo("cpu: the machine's cores were 95% busy over the drain (this process 48%); the 4 worker"
                        + " threads were busy 10%");
        Evidence ownCoresBusy = new Evidence(OptionalDouble.of(0.95), OptionalDouble.of(0.8), OptionalDouble.empty(),
                4, Duration.ofSeconds(38), DRAIN, 0, 0, "qb-x", 0, false, LATE, KEPT_UP, 0,
                Optional.empty());
        assertThat(verdict(ownCoresBusy)).as("jobs that burn this process's cores").isEqualTo(Kind.CPU);
        assertThat(verdict(evidence(0.95, 38, 0, 0, false, LATE, KEPT_UP)))
                .as("jobs that sleep while something else loads the machine").isEqualTo(Kind.WORKERS);
    }

    @Test
    void the_database_servers_share_of_the_cores_is_named_where_it_is_known() {
        Evidence saturated = new Evidence(OptionalDouble.of(0.95), OptionalDouble.of(0.4), OptionalDouble.of(0.5), 4,
                Duration.ofSeconds(4), DRAIN, 0, 0, "qb-x", 0, false, LATE, KEPT_UP, 0,
                Optional.empty());
        Evidence idle = new Evidence(OptionalDouble.of(0.3), OptionalDouble.of(0.1), OptionalDouble.of(0.15), 4,
                Duration.ofSeconds(2), DRAIN, 0, 0, "qb-x", 0, false, LATE, KEPT_UP, 0,
                Optional.empty());

        assertThat(Bottleneck.of(saturated).orElseThrow().text()).isEqualTo("cpu: the machine's cores were 95% busy"
                + " over the drain (this process 40%, PostgreSQL 50%); the 4 worker threads were busy 10%");
        assertThat(Bottleneck.of(idle).orElseThrow().summary()).contains("with the cores 30% busy (PostgreSQL 15%)");
    }

    @Test
    void threads_waiting_for_connections_come_before_everything_but_the_producer() {
        assertThat(verdict(evidence(0.95, 38, 2.5, 3, false, LATE, KEPT_UP))).isEqualTo(Kind.POOL);
        assertThat(verdict(evidence(0.95, 38, 2.5, 3, true, LATE, OptionalDouble.of(0.6)))).isEqualTo(Kind.ENQUEUE);
        assertThat(verdict(evidence(0.5, 10, 0.9, 0, false, LATE, KEPT_UP))).as("under one thread waiting")
                .isNotEqualTo(Kind.POOL);
    }

    @Test
    void sessions_waiting_on_locks_with_the_cores_and_workers_free_is_the_database() {
        assertThat(verdict(evidence(0.5, 10, 0, 1.5, false, LATE, KEPT_UP))).isEqualTo(Kind.DATABASE);
    }

    @Test
    void paced_jobs_that_start_on_time_with_idle_workers_go_at_the_producers_pace() {
        Bottleneck bottleneck = Bottleneck.of(evidence(0.3, 2, 0, 0, true, Duration.ofMillis(12), KEPT_UP))
                .orElseThrow();

        assertThat(bottleneck.kind()).isEqualTo(Kind.ENQUEUE);
        assertThat(bottleneck.summary()).contains("a median of 12 ms after due");
    }

    @Test
    void idle_workers_while_jobs_were_due_is_the_fetch_cadence() {
        assertThat(verdict(evidence(0.3, 2, 0, 0, false, LATE, KEPT_UP))).isEqualTo(Kind.FETCH);
        assertThat(verdict(evidence(0.3, 2, 0, 0, true, LATE, KEPT_UP))).as("paced, but late").isEqualTo(Kind.FETCH);
        assertThat(Bottleneck.of(evidence(0.3, 2, 0, 0, false, LATE, KEPT_UP)).orElseThrow().summary())
                .startsWith("workers idle 95% of the drain while jobs were due");
    }

    @Test
    void a_fetch_verdict_says_how_much_work_waited_and_how_often_the_library_polls() {
        Evidence polled = new Evidence(OptionalDouble.of(0.3), OptionalDouble.of(0.1), OptionalDouble.empty(), 4,
                Duration.ofSeconds(2), DRAIN, 0, 0, "qb-x", 0, true, LATE, KEPT_UP, 4_200, Optional.of("5s"));

        assertThat(Bottleneck.of(polled).orElseThrow().text()).isEqualTo("fetch: workers idle 95% of the drain while a"
                + " median of 4,200 jobs were due (a median of 3000 ms late), with the cores 30% busy and no pool or"
                + " lock waits: the library's fetch or poll cadence (it polls every 5s)");
    }

    @Test
    void nothing_standing_out_is_said_to_be_mixed_with_the_numbers() {
        Bottleneck bottleneck = Bottleneck.of(evidence(0.6, 26, 0.2, 0.1, false, LATE, KEPT_UP)).orElseThrow();

        assertThat(bottleneck.kind()).isEqualTo(Kind.MIXED);
        assertThat(bottleneck.summary()).isEqualTo("no one resource stood out: cores 60% busy, the 4 worker threads"
                + " were busy 65%, 0.2 threads waiting for a connection, 0.1 sessions waiting on locks");
    }

    @Test
    void a_drain_under_a_second_gives_no_verdict() {
        Evidence brief = new Evidence(OptionalDouble.of(0.99), OptionalDouble.empty(), OptionalDouble.empty(), 1,
                Duration.ofMillis(900), Duration.ofMillis(900), 0, 0, "qb-x", 0, false, LATE, KEPT_UP, 0,
                Optional.empty());

        assertThat(Bottleneck.of(brief)).isEmpty();
    }

    @Test
    void evidence_is_read_from_the_samples_within_the_drain_and_the_busy_time_of_every_tick() {
        Instant t0 = Instant.parse("2026-12-07T10:00:00Z");
        List<ResourceSample> samples = List.of(
                sample(t0.minusSeconds(1), 0.10, 9),
                sample(t0.plusSeconds(1), 0.80, 2),
                sample(t0.plusSeconds(2), -1, 4),
                sample(t0.plusSeconds(5), 0.90, 0));
        TickCounts busy = new TickCounts(t0.getEpochSecond(), 1_000, new int[] {1_000_000, 500_000, 500_000});

        TickCounts due = new TickCounts(t0.toEpochMilli() / 100 - 1, 100, new int[] {99, 10, 30, 20, 40});
        Evidence evidence = Evidence.over(t0, t0.plusSeconds(4), samples, busy, 2, "qb-x", false, LATE, KEPT_UP, due,
                Optional.of("5s"));

        assertThat(evidence.hostCpu()).as("unknown left out; the sample before and after the drain too")
                .hasValue(0.80);
        assertThat(evidence.serverCpu()).hasValue(0.20);
        assertThat(evidence.dueWaiting()).as("the median of 10, 20, 30, 40: the tick before the drain left out")
                .isEqualTo(25);
        assertThat(evidence.pollInterval()).hasValue("5s");
        assertThat(evidence.poolWaiting()).isEqualTo(3.0);
        assertThat(evidence.poolWaitingPeak()).isEqualTo(4.0);
        assertThat(evidence.busy()).isEqualTo(Duration.ofSeconds(2));
        assertThat(evidence.occupancy()).as("2 s of 2 threads x 4 s").isEqualTo(0.25);
    }

    @Test
    void a_producer_short_of_the_offer_is_a_shortfall_one_within_a_percent_is_not() {
        assertThat(Bottleneck.enqueueShortfall(1_000, OptionalDouble.of(600))).hasValue(0.6);
        assertThat(Bottleneck.enqueueShortfall(1_000, OptionalDouble.of(995))).isEmpty();
        assertThat(Bottleneck.enqueueShortfall(1_000, OptionalDouble.empty())).isEmpty();
    }

    private static ResourceSample sample(Instant at, double hostCpu, int waiting) {
        return new ResourceSample(at, new JvmSample(100, 100, hostCpu / 2, 0, 0, 10, hostCpu),
                List.of(new PoolSample("qb-x", 1, 0, waiting), new PoolSample("qb-core", 1, 0, 7)),
                new DatabaseSample(0, 0, 0, 0, 0, 0, 0, hostCpu < 0 ? -1 : hostCpu / 4));
    }
}

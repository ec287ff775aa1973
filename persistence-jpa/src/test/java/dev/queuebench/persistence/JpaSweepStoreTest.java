package dev.queuebench.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.JobDelay;
import dev.queuebench.domain.JobWork;
import dev.queuebench.domain.JobsCount;
import dev.queuebench.domain.NodeId;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.RunSpec;
import dev.queuebench.domain.SchedulingMode;
import dev.queuebench.domain.SweepId;
import dev.queuebench.domain.SweepPlan;
import dev.queuebench.ports.out.SaveRunPort;
import dev.queuebench.ports.out.SweepStorePort;
import dev.queuebench.ports.out.SweepStorePort.StoredPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class JpaSweepStoreTest {

    private static final PersistenceFixture FIXTURE = new PersistenceFixture();
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00.123456Z");

    private final SweepStorePort sweeps = FIXTURE.persistence.sweeps();
    private final SaveRunPort runs = FIXTURE.persistence.saveRuns();

    @AfterAll
    static void close() {
        FIXTURE.close();
    }

    @Test
    void a_sweep_reads_back_with_its_plan_and_its_points_in_the_order_they_ran() {
        SweepPlan plan = new SweepPlan(BackendId.of("postgres"), SweepPlan.Kind.RATES, List.of(100.0, 250.5, 400.0),
                null, Duration.ofSeconds(30), Duration.ofMillis(750), SchedulingMode.ONE_BY_ONE,
                JobWork.parse("sleep:10ms", "4KB"));
        SweepId id = sweeps.nextSweepId();
        sweeps.insertSweep(id, plan, T0);
        RunId first = newRun();
        RunId second = newRun();
        sweeps.addPoint(id, new StoredPoint(100, first, true));
        sweeps.addPoint(id, new StoredPoint(250.5, second, false));

        SweepStorePort.StoredSweep stored = sweeps.loadSweep(id).orElseThrow();

        assertThat(stored.plan()).isEqualTo(plan);
        assertThat(stored.createdAt()).isEqualTo(T0);
        assertThat(stored.points()).containsExactly(new StoredPoint(100, first, true),
                new StoredPoint(250.5, second, false));
        RunId alone = newRun();
        assertThat(sweeps.sweepsOf(List.of(first, second, alone))).as("each point's run leads to its sweep")
                .isEqualTo(Map.of(first, id, second, id));
        assertThat(sweeps.sweepsOf(List.of())).isEmpty();
    }

    @Test
    void storing_a_sweep_or_a_point_again_after_a_dropped_connection_keeps_one_of_each() {
        SweepPlan plan = new SweepPlan(BackendId.of("postgres"), SweepPlan.Kind.THREADS, List.of(1.0, 2.0),
                JobsCount.of(1_000), null, SweepPlan.DEFAULT_SLO, SchedulingMode.IN_BULK, JobWork.NONE);
        SweepId id = sweeps.nextSweepId();
        sweeps.insertSweep(id, plan, T0);
        sweeps.insertSweep(id, plan, T0);
        RunId run = newRun();
        sweeps.addPoint(id, new StoredPoint(1, run, true));
        sweeps.addPoint(id, new StoredPoint(1, run, true));

        assertThat(sweeps.loadSweep(id).orElseThrow().points()).hasSize(1);
        assertThat(sweeps.listSweeps(100)).extracting(SweepStorePort.StoredSweep::id).contains(id);
        assertThat(sweeps.listSweeps(1)).extracting(SweepStorePort.StoredSweep::id).containsExactly(id);
    }

    private RunId newRun() {
        BenchmarkRun run = BenchmarkRun.create(runs.nextRunId(), new RunSpec(BackendId.of("postgres"),
                JobsCount.of(10), SchedulingMode.IN_BULK, JobDelay.of(Duration.ZERO)), T0);
        runs.insertRun(run, NodeId.of("test-node"));
        return run.id();
    }
}

package dev.queuebench.core.internal.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuebench.core.memory.InMemoryResourceSampleStore;
import dev.queuebench.core.memory.InMemoryRunStore;
import dev.queuebench.core.memory.InMemorySnapshotStore;
import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.JobDelay;
import dev.queuebench.domain.JobsCount;
import dev.queuebench.domain.NodeId;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.RunSpec;
import dev.queuebench.domain.RunStatusRule;
import dev.queuebench.domain.SchedulingMode;
import dev.queuebench.domain.measure.DatabaseSample;
import dev.queuebench.domain.measure.PoolSample;
import dev.queuebench.domain.measure.ResourceSample;
import dev.queuebench.domain.measure.StatementCounters;
import dev.queuebench.domain.measure.StatementTime;
import dev.queuebench.ports.out.DatabaseMetricsPort;
import dev.queuebench.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResourceSamplerTest {

    private final MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
    private final InMemoryRunStore runs = new InMemoryRunStore();
    private final InMemoryResourceSampleStore samples = new InMemoryResourceSampleStore();
    private final List<List<String>> sampledTables = new ArrayList<>();
    private StatementCounters statements = StatementCounters.NONE;
    private final ResourceSampler sampler = new ResourceSampler(
            () -> List.of(new PoolSample("qb-core", 1, 9, 0)),
            new DatabaseMetricsPort() {
                @Override
                public DatabaseSample sample(List<String> backendTables) {
                    sampledTables.add(backendTables);
                    return new DatabaseSample(10, 1, 2, 3, 4, 5, 0);
                }

                @Override
                public Map<String, String> facts() {
                    return Map.of();
                }

                @Override
                public StatementCounters statements() {
                    return statements;
                }
            },
            samples, runs, new InMemorySnapshotStore(), new RunStatusRule(clock, Duration.ofSeconds(120)), clock,
            Duration.ofHours(1));

    @AfterEach
    void close() {
        sampler.close();
    }

    private BenchmarkRun scheduledRun() {
        BenchmarkRun run = BenchmarkRun.create(runs.nextRunId(), new RunSpec(BackendId.of("fake"), JobsCount.of(5),
                SchedulingMode.ONE_BY_ONE, JobDelay.DEFAULT), clock.instant());
        runs.insertRun(run, NodeId.of("a"));
        BenchmarkRun submitted = run.submit(clock.instant());
        runs.saveSubmitted(submitted);
        BenchmarkRun started = submitted.startScheduling(clock.instant());
        runs.saveSchedulingStarted(started);
        return started;
    }

    @Test
    void a_tracked_run_is_sampled_with_its_backend_tables_until_it_finished() {
        BenchmarkRun run = scheduledRun();
        sampler.track(run.id(), List.of("scheduled_tasks"));
        assertThat(samples.loadSamples(run.id())).as("the first sample waits one interval").isEmpty();

        sampler.sampleAll();
        clock.advance(Duration.ofSeconds(1));
        sampler.sampleAll();
        assertThat(samples.loadSamples(run.id())).hasSize(2);
        assertThat(sampledTables).containsOnly(List.of("scheduled_tasks"));
        assertThat(sampler.isTracking(run.id())).isTrue();

        BenchmarkRun scheduled = run.finishScheduling(clock.instant());
        runs.saveSchedulingFinished(scheduled);
        runs.saveRunFinished(scheduled.finish(clock.instant(), clock.instant()));
        sampler.sampleAll();

        assertThat(samples.loadSamples(run.id())).as("one last sample when it ended").hasSize(3);
        assertThat(sampler.isTracking(run.id())).isFalse();
        ResourceSample last = samples.loadSamples(run.id()).get(2);
        assertThat(last.pools()).containsExactly(new PoolSample("qb-core", 1, 9, 0));
        assertThat(last.jvm().heapUsedBytes()).isPositive();
        assertThat(last.jvm().liveThreads()).isPositive();
    }

    @Test
    void a_run_shorter_than_the_interval_gets_its_last_sample_when_it_is_finished() {
        BenchmarkRun run = scheduledRun();
        sampler.track(run.id(), List.of("scheduled_tasks"));

        sampler.finish(run.id());

        assertThat(samples.loadSamples(run.id())).hasSize(1);
        assertThat(sampledTables).containsExactly(List.of("scheduled_tasks"));
        assertThat(sampler.isTracking(run.id())).isFalse();
        sampler.finish(run.id());
        sampler.sampleAll();
        assertThat(samples.loadSamples(run.id())).as("no sample after the last one").hasSize(1);
    }

    @Test
    void finishing_a_run_tracked_elsewhere_samples_nothing() {
        BenchmarkRun run = scheduledRun();

        sampler.finish(run.id());

        assertThat(samples.loadSamples(run.id())).isEmpty();
    }

    @Test
    void a_stalled_run_is_no_longer_sampled() {
        RunId runId = scheduledRun().id();
        sampler.track(runId, List.of());

        clock.advance(Duration.ofSeconds(121));
        sampler.sampleAll();

        assertThat(sampler.isTracking(runId)).isFalse();
    }

    @Test
    void a_run_keeps_the_statements_that_ran_between_its_start_and_its_end() {
        String fetch = "select * from scheduled_tasks for update skip locked";
        statements = new StatementCounters(Map.of(1L, new StatementCounters.Counter(fetch, 10, 10.0, 0)));
        BenchmarkRun run = scheduledRun();
        sampler.track(run.id(), List.of("scheduled_tasks"));
        statements = new StatementCounters(Map.of(1L, new StatementCounters.Counter(fetch, 60, 110.0, 500),
                2L, new StatementCounters.Counter("select 1", 3, 0.5, 3)));

        sampler.finish(run.id());

        assertThat(samples.loadStatements(List.of(run.id())).get(run.id())).containsExactly(
                new StatementTime(fetch, 50, 100.0, 500, true),
                new StatementTime("select 1", 3, 0.5, 3, false));
    }

    @Test
    void a_server_without_statement_statistics_leaves_the_run_without_statements() {
        BenchmarkRun run = scheduledRun();
        sampler.track(run.id(), List.of("scheduled_tasks"));

        sampler.finish(run.id());

        assertThat(samples.loadStatements(List.of(run.id()))).isEmpty();
    }
}

package dev.queuebench.domain;

import java.time.Instant;

/** Runs in given states, for tests of the rules. */
final class TestRuns {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private TestRuns() {
    }

    static RunSpec spec(int jobs) {
        return new RunSpec(BackendId.of("db-scheduler"), JobsCount.of(jobs), SchedulingMode.ONE_BY_ONE, JobDelay.DEFAULT);
    }

    static BenchmarkRun pending(long id) {
        return BenchmarkRun.create(RunId.of(id), spec(100), T0);
    }

    static BenchmarkRun submitted(long id) {
        return pending(id).submit(T0);
    }

    static BenchmarkRun scheduling(long id, Instant startedAt) {
        return submitted(id).startScheduling(startedAt);
    }

    static BenchmarkRun scheduled(long id, Instant startedAt, Instant finishedAt) {
        return scheduling(id, startedAt).finishScheduling(finishedAt);
    }
}

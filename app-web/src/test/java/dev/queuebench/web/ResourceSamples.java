package dev.queuebench.web;

import dev.queuebench.domain.measure.DatabaseSample;
import dev.queuebench.domain.measure.JvmSample;
import dev.queuebench.domain.measure.PoolSample;
import dev.queuebench.domain.measure.ResourceSample;
import java.time.Instant;
import java.util.List;

/** Resource samples for chart tests: only what a test sets differs from a quiet machine. */
final class ResourceSamples {

    static final Instant START = Instant.parse("2026-11-23T10:00:00Z");
    private static final long MB = 1024L * 1024L;

    private ResourceSamples() {
    }

    static ResourceSample at(Instant time) {
        return new ResourceSample(time, jvm(64, 0.1), List.of(), DatabaseSample.NONE);
    }

    /** A sample {@code second}s after {@link #START} with PostgreSQL's commit counter at {@code commits}. */
    static ResourceSample commits(double second, long commits) {
        return new ResourceSample(time(second), jvm(64, 0.1), List.of(),
                new DatabaseSample(commits, 0, 0, 0, 0, 0, 0));
    }

    static ResourceSample jvmAt(double second, long heapMb, double cpuLoad) {
        return new ResourceSample(time(second), jvm(heapMb, cpuLoad), List.of(), DatabaseSample.NONE);
    }

    static ResourceSample poolsAt(double second, PoolSample... pools) {
        return new ResourceSample(time(second), jvm(64, 0.1), List.of(pools), DatabaseSample.NONE);
    }

    static Instant time(double second) {
        return START.plusNanos(Math.round(second * 1e9));
    }

    private static JvmSample jvm(long heapMb, double cpuLoad) {
        return new JvmSample(heapMb * MB, 2 * heapMb * MB, cpuLoad, 0, 0, 20);
    }
}

package dev.queuebench.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.queuebench.domain.measure.DatabaseSample;
import dev.queuebench.domain.measure.JvmSample;
import dev.queuebench.domain.measure.PoolSample;
import dev.queuebench.domain.measure.ResourceSample;
import dev.queuebench.domain.measure.ResourceSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The resources of a run's JSON are its summary as the domain computes it, under the keys they have always had. */
class RunJsonResourcesTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void a_summary_is_written_with_its_window_and_gc_time_in_milliseconds_and_its_keys_in_order() {
        ResourceSummary summary = ResourceSummary.of(List.of(
                sample(T0, 100, 10, 1_000),
                sample(T0.plusMillis(2_500), 300, 60, 1_500)));

        JsonNode json = RunJson.mapper().valueToTree(RunJson.sampled(summary));

        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("samples", "window_ms", "heap_used_bytes", "rss_bytes", "process_cpu_load", "host_cpu_load",
                "gc_count", "gc_time_ms", "live_threads", "pools", "transactions_committed", "tuples_inserted",
                "tuples_updated", "tuples_deleted", "backend_table_rows", "backend_table_bytes",
                "sessions_waiting_on_locks", "server_cpu_load");
        assertThat(json.get("window_ms").asLong()).isEqualTo(2_500);
        assertThat(json.get("gc_time_ms").get("increase").asLong()).isEqualTo(50);
        assertThat(json.get("gc_time_ms").get("per_second").asDouble()).isEqualTo(20);
        assertThat(json.get("heap_used_bytes").get("peak").asDouble()).isEqualTo(300);
        assertThat(json.get("transactions_committed").get("increase").asLong()).isEqualTo(500);
        assertThat(json.get("pools").get("qb-postgres").get("active").get("peak").asDouble()).isEqualTo(3);
    }

    @Test
    void nothing_sampled_is_null() {
        assertThat(RunJson.sampled(ResourceSummary.NONE)).isNull();
    }

    private static ResourceSample sample(Instant at, long heap, long gcMillis, long commits) {
        return new ResourceSample(at, new JvmSample(heap, -1, 0.5, 1, gcMillis, 20),
                List.of(new PoolSample("qb-postgres", (int) (heap / 100), 1, 0)),
                new DatabaseSample(commits, 0, 0, 0, 0, 0, 0));
    }
}

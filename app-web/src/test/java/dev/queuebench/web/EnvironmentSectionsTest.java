package dev.queuebench.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class EnvironmentSectionsTest {

    @Test
    void facts_are_grouped_by_what_they_describe_known_ones_first_in_a_fixed_order() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("run.jobs_count", "1000");
        environment.put("backend.id", "db-scheduler");
        environment.put("backend.library_version", "16.12.0");
        environment.put("backend.poll-interval", "1s");
        environment.put("postgres.synchronous_commit", "on");
        environment.put("database.kind", "embedded");
        environment.put("queue_bench.version", "0.1.0");
        environment.put("jvm.max_heap_mb", "3972");
        environment.put("machine.cores", "8");

        List<RunView.EnvironmentGroup> groups = EnvironmentSections.of(environment);

        assertThat(groups).extracting(RunView.EnvironmentGroup::title)
                .containsExactly("Queue Bench, JVM and machine", "PostgreSQL", "Backend", "Run");
        assertThat(groups.get(0).facts()).extracting(RunView.Fact::name, RunView.Fact::value).containsExactly(
                Tuple.tuple("Queue Bench", "0.1.0"),
                Tuple.tuple("Max heap", "3,972 MB"),
                Tuple.tuple("Cores", "8"));
        assertThat(groups.get(2).facts()).extracting(RunView.Fact::name)
                .containsExactly("Backend", "Library version", "poll-interval");
        assertThat(groups.get(1).facts()).extracting(RunView.Fact::name)
                .containsExactly("Server", "synchronous_commit");
        assertThat(groups.get(3).facts()).extracting(RunView.Fact::value).containsExactly("1,000");
        assertThat(groups.get(2).facts().get(2).key()).isEqualTo("backend.poll-interval");
    }

    @Test
    void keys_the_page_does_not_know_are_shown_as_they_are() {
        List<RunView.EnvironmentGroup> groups = EnvironmentSections.of(Map.of("ci.runner", "github"));

        assertThat(groups).singleElement().satisfies(group -> {
            assertThat(group.title()).isEqualTo("Other");
            assertThat(group.facts()).extracting(RunView.Fact::name).containsExactly("ci.runner");
        });
    }

    @Test
    void a_run_without_a_fingerprint_has_no_groups() {
        assertThat(EnvironmentSections.of(Map.of())).isEmpty();
    }
}

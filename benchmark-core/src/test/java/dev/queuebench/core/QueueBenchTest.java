package dev.queuebench.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.queuebench.core.memory.InMemoryRunLock;
import dev.queuebench.core.memory.InMemoryRunStore;
import dev.queuebench.core.memory.InMemorySnapshotStore;
import dev.queuebench.domain.RunStatus;
import dev.queuebench.domain.SchedulingMode;
import dev.queuebench.ports.in.RunListFilter;
import dev.queuebench.ports.in.RunListener;
import dev.queuebench.ports.in.RunReport;
import dev.queuebench.ports.in.StartRunCommand;
import dev.queuebench.ports.in.UnknownBackendException;
import dev.queuebench.testing.FakeQueueBackend;
import dev.queuebench.testing.NoDatabase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The facade as an embedder uses it: built over in-memory stores, one backend, a run to its end. */
@Timeout(30)
class QueueBenchTest {

    private static QueueBench.Builder inMemory() {
        return QueueBench.builder()
                .dataSource(new NoDatabase())
                .runStore(new InMemoryRunStore())
                .snapshots(new InMemorySnapshotStore())
                .runLock(new InMemoryRunLock())
                .providers(List.of(FakeQueueBackend.provider()));
    }

    @Test
    void an_embedder_runs_a_benchmark_to_its_report_with_nothing_but_the_builder_and_in_memory_stores() {
        try (QueueBench bench = inMemory().build()) {
            RunReport report = bench.runToEnd(StartRunCommand.of("fake", 500, SchedulingMode.IN_BULK, Duration.ZERO),
                    RunListener.SILENT);

            assertThat(report.status()).isEqualTo(RunStatus.FINISHED);
            assertThat(report.completions().distinctCompleted()).isEqualTo(500);
            assertThat(bench.listRuns(RunListFilter.newest(10))).extracting(r -> r.run().id())
                    .containsExactly(report.run().id());
        }
    }

    @Test
    void a_builder_without_a_run_store_says_what_is_missing() {
        assertThatThrownBy(() -> QueueBench.builder().dataSource(new NoDatabase()).build())
                .isInstanceOf(NullPointerException.class)
                .hasMessage("a run store is required");
    }

    @Test
    void an_unknown_backend_is_refused_before_anything_is_stored() {
        InMemoryRunStore runs = new InMemoryRunStore();
        try (QueueBench bench = inMemory().runStore(runs).build()) {
            assertThatThrownBy(() -> bench.startRun(StartRunCommand.of("sidekiq", 10)))
                    .isInstanceOf(UnknownBackendException.class);
            assertThat(runs.size()).isZero();
        }
    }
}

package dev.queuebench.core.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.RunStatus;
import dev.queuebench.domain.SchedulingMode;
import dev.queuebench.ports.in.StartRunCommand;
import dev.queuebench.ports.in.UnknownBackendException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StartRunServiceTest {

    private final InMemoryCore core = new InMemoryCore();

    @AfterEach
    void close() {
        core.close();
    }

    @Test
    void a_started_run_is_persisted_pending_and_its_scheduling_job_submitted() {
        BenchmarkRun run = core.startRun(StartRunCommand.of("fake", 1_000, SchedulingMode.IN_BULK, Duration.ofSeconds(5)));

        assertThat(core.runs.loadRun(run.id())).contains(run);
        assertThat(run.timeline().createdAt()).isEqualTo(core.clock.instant());
        assertThat(run.spec().schedulingMode()).isEqualTo(SchedulingMode.IN_BULK);
        assertThat(core.backend().submittedSchedulingJobs()).containsExactly(run.id());
        assertThat(core.runReport(run.id()).orElseThrow().status()).isEqualTo(RunStatus.PENDING);
    }

    @Test
    void a_started_run_keeps_a_fingerprint_of_what_it_ran_on() {
        BenchmarkRun run = core.startRun(StartRunCommand.of("fake", 1_000, SchedulingMode.IN_BULK, Duration.ofSeconds(5)));

        assertThat(core.runReport(run.id()).orElseThrow().environment())
                .containsEntry("queue_bench.version", "test")
                .containsEntry("database.kind", "in-memory")
                .containsEntry("postgres.version", "PostgreSQL 99")
                .containsEntry("postgres.fsync", "on")
                .containsEntry("backend.id", "fake")
                .containsEntry("backend.library_version", "0.0")
                .containsEntry("run.jobs_count", "1000")
                .containsEntry("run.scheduling_mode", "in_bulk")
                .containsEntry("run.job_delay", "5s")
                .containsEntry("jvm.version", Runtime.version().toString())
                .containsEntry("machine.cores", Integer.toString(Runtime.getRuntime().availableProcessors()))
                .containsKeys("os.name", "jvm.vendor", "jvm.max_heap_mb", "machine.memory_mb");
    }

    @Test
    void an_unknown_backend_is_rejected_naming_the_registered_ones_and_nothing_is_persisted() {
        assertThatThrownBy(() -> core.startRun(StartRunCommand.of("sidekiq", 10)))
                .isInstanceOf(UnknownBackendException.class)
                .hasMessage("unknown backend 'sidekiq'; registered backends: fake");
        assertThat(core.runs.size()).isZero();
    }

    @Test
    void a_jobs_count_out_of_range_is_rejected_before_anything_is_persisted() {
        assertThatIllegalArgumentException().isThrownBy(() -> StartRunCommand.of("fake", 0));
        assertThatIllegalArgumentException().isThrownBy(() -> StartRunCommand.of("fake", 10_000_001));
        assertThat(core.runs.size()).isZero();
    }

    @Test
    void a_run_whose_scheduling_job_cannot_be_submitted_is_removed_again() {
        core.backend().failSubmissionsWith(new IllegalStateException("queue is down"));

        assertThatThrownBy(() -> core.startRun(StartRunCommand.of("fake", 10)))
                .hasMessage("queue is down");
        assertThat(core.runs.size()).isZero();
        assertThat(core.runs.writes()).containsExactly("insert 1", "submitted 1", "delete 1");
    }
}

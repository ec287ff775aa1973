package dev.queuebench.core.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.RunStatus;
import dev.queuebench.domain.SchedulingMode;
import dev.queuebench.ports.in.RunListFilter;
import dev.queuebench.ports.in.RunReport;
import dev.queuebench.ports.in.StartRunCommand;
import dev.queuebench.ports.spi.PretendJob;
import dev.queuebench.testing.FakeQueueBackend;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CoreServicesTest {

    private final InMemoryCore core = new InMemoryCore();

    @AfterEach
    void close() {
        core.close();
    }

    @Test
    void a_run_goes_from_pending_to_finished_with_every_job_counted_once() {
        BenchmarkRun run = core.startRun(StartRunCommand.of("fake", 300, SchedulingMode.ONE_BY_ONE, Duration.ofSeconds(10)));
        FakeQueueBackend backend = core.backend();
        assertThat(report(run).status()).isEqualTo(RunStatus.PENDING);

        backend.runNextSchedulingJob();
        assertThat(report(run).status()).isEqualTo(RunStatus.RUNNING);

        core.clock.advance(Duration.ofSeconds(11));
        backend.runAllPretendJobs();
        core.flushCompletions();

        RunReport report = report(run);
        assertThat(report.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(report.completions().distinctCompleted()).isEqualTo(300);
        assertThat(report.completions().duplicateExecutions()).isZero();
        assertThat(report.completions().missingJobs()).isZero();
        assertThat(report.run().timeline().runFinishedAt()).contains(core.clock.instant());
        assertThat(report.runDuration()).contains(Duration.ofSeconds(11));
        assertThat(report.pickupLag().count()).isEqualTo(300);
        assertThat(report.pickupLag().p50()).isCloseTo(1_000_000, withinPercentage(0.1));
        assertThat(report.enqueueLatency().count()).isEqualTo(300);
        assertThat(report.completionsPerSecond().total()).isEqualTo(300);
        assertThat(report.enqueuesPerSecond().total()).isEqualTo(300);
    }

    @Test
    void duplicate_executions_are_counted_and_do_not_finish_a_run_early() {
        BenchmarkRun run = core.startRun(StartRunCommand.of("fake", 3));
        FakeQueueBackend backend = core.backend();
        backend.runNextSchedulingJob();
        PretendJob first = backend.enqueuedJobs().get(0);

        backend.run(first);
        backend.run(first);
        backend.run(first);
        core.flushCompletions();

        RunReport report = report(run);
        assertThat(report.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(report.completions().distinctCompleted()).isEqualTo(1);
        assertThat(report.completions().executions()).isEqualTo(3);
        assertThat(report.completions().duplicateExecutions()).isEqualTo(2);
        assertThat(report.completions().missingJobs()).isEqualTo(2);
    }

    @Test
    void a_run_with_missing_jobs_stalls_and_reports_what_is_missing() {
        BenchmarkRun run = core.startRun(StartRunCommand.of("fake", 10));
        FakeQueueBackend backend = core.backend();
        backend.runNextSchedulingJob();
        backend.enqueuedJobs().subList(0, 7).forEach(backend::run);
        core.flushCompletions();

        core.clock.advance(Duration.ofSeconds(121));

        RunReport report = report(run);
        assertThat(report.status()).isEqualTo(RunStatus.STALLED);
        assertThat(report.completions().missingJobs()).isEqualTo(3);
    }

    @Test
    void runs_are_listed_newest_first_and_paged() {
        for (int i = 0; i < 5; i++) {
            core.startRun(StartRunCommand.of("fake", 10));
            core.clock.advance(Duration.ofSeconds(1));
        }

        List<RunReport> page = core.listRuns(RunListFilter.newest(2));
        assertThat(page).extracting(r -> r.run().id().value()).containsExactly(5L, 4L);

        List<RunReport> older = core.listRuns(RunListFilter.newest(2).olderThan(page.get(1).run().id()));
        assertThat(older).extracting(r -> r.run().id().value()).containsExactly(3L, 2L);
    }

    @Test
    void a_status_filter_reads_page_after_page_of_the_store_until_its_page_is_full_or_the_store_is_done() {
        for (int i = 0; i < 5; i++) {
            core.startRun(StartRunCommand.of("fake", 10));
            core.clock.advance(Duration.ofSeconds(1));
        }

        assertThat(core.listRuns(RunListFilter.newest(2).inStatus(RunStatus.PENDING)))
                .extracting(r -> r.run().id().value()).containsExactly(5L, 4L);
        assertThat(core.listRuns(RunListFilter.newest(2).inStatus(RunStatus.STALLED)))
                .as("the store offers unfinished runs as maybe stalled; none is, as pending runs do not stall")
                .isEmpty();
        assertThat(core.listRuns(RunListFilter.newest(2).inStatus(RunStatus.FINISHED))).isEmpty();
    }

    @Test
    void the_registered_backends_are_listed_with_their_library_versions() {
        assertThat(core.backends()).singleElement().satisfies(backend -> {
            assertThat(backend.id()).isEqualTo(FakeQueueBackend.ID);
            assertThat(backend.libraryVersion()).isEqualTo("0.0");
        });
    }

    private RunReport report(BenchmarkRun run) {
        return core.runReport(run.id()).orElseThrow();
    }
}

package dev.queuebench.core.internal.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.NodeId;
import dev.queuebench.domain.RunStatus;
import dev.queuebench.ports.in.RunReport;
import dev.queuebench.ports.in.StartRunCommand;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunSupervisorTest {

    private final InMemoryCore core = new InMemoryCore(NodeId.of("node-a"));
    /** A second process on the same database. */
    private final InMemoryCore other = core.anotherNode(NodeId.of("node-b"));

    @AfterEach
    void close() {
        other.close();
        core.close();
    }

    private RunReport report(BenchmarkRun run) {
        return core.runReport(run.id()).orElseThrow();
    }

    @Test
    void the_run_of_a_killed_process_is_interrupted_once_it_has_been_gone_for_the_grace_period() {
        BenchmarkRun run = core.startRun(StartRunCommand.of("fake", 10));
        core.leases.kill(NodeId.of("node-a"));

        core.clock.advance(Duration.ofSeconds(4));
        other.superviseRuns();
        assertThat(report(run).status()).as("4s after the kill").isEqualTo(RunStatus.PENDING);

        core.clock.advance(Duration.ofSeconds(1));
        other.superviseRuns();
        assertThat(report(run).status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(report(run).endReason()).contains("the process that started it (node-a) is gone");
    }

    @Test
    void a_run_whose_owner_keeps_beating_is_not_taken_for_an_orphan() {
        BenchmarkRun run = core.startRun(StartRunCommand.of("fake", 10));

        for (int second = 0; second < 30; second++) {
            core.clock.advance(Duration.ofSeconds(1));
            core.superviseRuns();
            other.superviseRuns();
        }

        assertThat(report(run).status()).isEqualTo(RunStatus.PENDING);
    }

    @Test
    void a_submitted_run_whose_job_no_worker_picks_up_in_its_turn_is_interrupted_after_the_start_timeout() {
        BenchmarkRun run = core.startRun(StartRunCommand.of("fake", 10));

        core.superviseRuns();
        core.clock.advance(Duration.ofSeconds(59));
        core.superviseRuns();
        assertThat(report(run).status()).as("59s into its turn").isEqualTo(RunStatus.PENDING);

        core.clock.advance(Duration.ofSeconds(1));
        core.superviseRuns();
        assertThat(report(run).status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(report(run).endReason()).contains("no worker of fake picked up its scheduling job within 60s; are the backend's workers running?");
    }

    @Test
    void a_run_waiting_behind_a_running_one_is_not_timed_out() {
        core.startRun(StartRunCommand.of("fake", 10));
        BenchmarkRun waiting = core.startRun(StartRunCommand.of("fake", 10));
        core.backend().runNextSchedulingJob();

        for (int second = 0; second < 100; second++) {
            core.clock.advance(Duration.ofSeconds(1));
            core.superviseRuns();
        }

        assertThat(report(waiting).status()).isEqualTo(RunStatus.PENDING);
    }

    @Test
    void a_stalled_run_is_ended_as_stalled_by_its_owner() {
        BenchmarkRun run = core.startRun(StartRunCommand.of("fake", 10));
        core.backend().runNextSchedulingJob();

        core.clock.advance(Duration.ofSeconds(120));
        core.superviseRuns();

        assertThat(report(run).run().ending()).hasValueSatisfying(ending -> {
            assertThat(ending.status()).isEqualTo(RunStatus.STALLED);
            assertThat(ending.reason()).isEqualTo("no progress for 120s");
        });
    }

    @Test
    void a_stopping_process_ends_its_active_runs_and_no_other_run() {
        BenchmarkRun mine = core.startRun(StartRunCommand.of("fake", 10));
        BenchmarkRun theirs = other.startRun(StartRunCommand.of("fake", 10));

        other.close();

        assertThat(report(theirs).status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(report(theirs).endReason()).contains("the process that started it stopped before it ended");
        assertThat(report(mine).status()).isEqualTo(RunStatus.PENDING);
    }
}

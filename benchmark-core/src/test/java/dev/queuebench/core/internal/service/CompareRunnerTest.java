package dev.queuebench.core.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.FaultSpec;
import dev.queuebench.domain.Profile;
import dev.queuebench.domain.RunStatus;
import dev.queuebench.domain.TrialPlan;
import dev.queuebench.ports.in.CompareListener;
import dev.queuebench.ports.in.ComparePlan;
import dev.queuebench.ports.in.Comparison;
import dev.queuebench.ports.in.RunFault;
import dev.queuebench.ports.in.RunListener;
import dev.queuebench.ports.in.RunReport;
import dev.queuebench.ports.in.StartRunCommand;
import dev.queuebench.ports.in.TrialResult;
import dev.queuebench.testing.Await;
import dev.queuebench.testing.FakeQueueBackend;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Compare in the core: node counts, profiles and faults, over the fake backend and fake worker nodes. */
class CompareRunnerTest {

    private final InMemoryCore core = new InMemoryCore();
    private final List<String> heard = new ArrayList<>();

    @AfterEach
    void close() {
        core.close();
    }

    @Test
    void each_node_count_runs_with_its_extra_nodes_up_for_its_runs_only() {
        ComparePlan plan = new ComparePlan(List.of(command(20)), List.of(Profile.SHIPPED), List.of(1, 3), List.of(),
                Optional.empty(), new TrialPlan(0, 1));

        Comparison comparison = core.compare(plan, listener());

        assertThat(comparison.overNodeCounts()).isTrue();
        assertThat(comparison.byNodeCount()).containsOnlyKeys(1, 3);
        assertThat(comparison.allFinished()).isTrue();
        assertThat(heard).containsExactly("starting fake shipped on 1", "ended fake: 1 trials",
                "starting fake shipped on 3", "ended fake: 1 trials");
        assertThat(core.nodes.starts).singleElement().satisfies(start -> {
            assertThat(start.count()).as("this node and two workers").isEqualTo(2);
            assertThat(start.backend()).isEqualTo(FakeQueueBackend.ID);
            assertThat(start.settings().profile()).isEqualTo(Profile.SHIPPED);
        });
        assertThat(core.nodes.events()).containsExactly("started 2", "stopped 2");
        RunReport onThree = comparison.byNodeCount().get(3).get(0).trials().get(0);
        assertThat(onThree.environment()).containsEntry(RunReport.NODES_FACT, "3");
        assertThat(onThree.nodes()).as("the fake worker nodes record nothing").hasSize(1);
        assertThat(onThree.nodesWithoutAJob()).isEqualTo(2);
        assertThat(onThree.fairness()).as("two of three nodes ran none of its jobs").hasValue(0);
        RunReport onOne = comparison.byNodeCount().get(1).get(0).trials().get(0);
        assertThat(onOne.nodesStarted()).isEqualTo(1);
        assertThat(onOne.fairness()).isEmpty();
    }

    @Test
    void each_profile_runs_in_turn_and_the_extra_nodes_get_the_profile_of_the_runs() {
        ComparePlan plan = new ComparePlan(List.of(command(20)), List.of(Profile.SHIPPED, Profile.TUNED),
                List.of(2), List.of(), Optional.empty(), new TrialPlan(0, 1));

        Comparison comparison = core.compare(plan, listener());

        assertThat(comparison.results()).hasSize(2);
        assertThat(heard).containsExactly("starting fake shipped on 2", "ended fake: 1 trials",
                "starting fake tuned on 2", "ended fake: 1 trials");
        assertThat(core.nodes.starts).extracting(start -> start.settings().profile())
                .containsExactly(Profile.SHIPPED, Profile.TUNED);
    }

    @Test
    void a_fault_fires_while_the_run_is_active_and_is_stored_with_the_run() throws Exception {
        // in the profile the backend runs in already: the same instance runs, and holds its jobs
        FakeQueueBackend backend = core.backend();
        backend.holdPretendJobs(true);
        ComparePlan plan = new ComparePlan(List.of(command(20)), List.of(Profile.DEFAULT), List.of(1),
                List.of(FaultSpec.parse("drop-connections@0s")), Optional.empty(), new TrialPlan(0, 1));

        CompletableFuture<Comparison> compared = CompletableFuture.supplyAsync(() -> core.compare(plan, listener()));
        Await.until(() -> core.nodes.drops() == 1);
        backend.holdPretendJobs(false);
        Comparison comparison = compared.get(20, TimeUnit.SECONDS);

        RunReport report = comparison.results().get(0).trials().get(0);
        assertThat(report.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(report.injectedFaults()).singleElement().satisfies(fault -> {
            assertThat(fault.kind()).isEqualTo("drop_connections");
            assertThat(fault.node()).isEqualTo("database");
            assertThat(fault.detail()).startsWith("pg_terminate_backend of 3 sessions of the qb-fake pools")
                    .contains("at 0% (0 of 20 jobs completed)");
        });
    }

    @Test
    void a_killed_node_is_stored_with_its_run_and_replaced_before_the_next_trial() throws Exception {
        FakeQueueBackend backend = core.backend();
        backend.holdPretendJobs(true);
        ComparePlan plan = new ComparePlan(List.of(command(20)), List.of(Profile.DEFAULT), List.of(2),
                List.of(FaultSpec.parse("kill-node@0s")), Optional.empty(), new TrialPlan(0, 2));

        CompletableFuture<Comparison> compared = CompletableFuture.supplyAsync(() -> core.compare(plan, listener()));
        for (String kill : List.of("killed 4001", "killed 4002")) {
            // each trial's node is killed while its jobs are held; then its jobs run
            Await.until(() -> core.nodes.events().contains(kill) && backend.enqueuedJobs().size() == 20);
            backend.runAllPretendJobs();
        }
        Comparison comparison = compared.get(20, TimeUnit.SECONDS);

        assertThat(core.nodes.events()).containsExactly("started 1", "killed 4001", "replaced by 4002",
                "killed 4002", "replaced by 4003", "stopped 1");
        List<RunReport> trials = comparison.results().get(0).trials();
        assertThat(trials).hasSize(2).allSatisfy(report -> assertThat(report.injectedFaults())
                .singleElement().extracting(RunFault::kind).isEqualTo("kill_node"));
        assertThat(trials.get(0).injectedFaults().get(0).node()).isEqualTo("worker-4001");
        assertThat(trials.get(0).injectedFaults().get(0).detail()).startsWith("SIGKILL of pid 4001 at 0%");
        assertThat(trials.get(1).injectedFaults().get(0).node()).isEqualTo("worker-4002");
    }

    @Test
    void a_comparison_in_the_background_waits_for_the_runs_started_before_it_and_none_starts_until_it_ended()
            throws Exception {
        FakeQueueBackend backend = core.backend();
        backend.holdPretendJobs(true);
        BenchmarkRun before = core.startBenchmark(command(10));
        Await.until(() -> backend.enqueuedJobs().size() == 10);
        ComparePlan plan = new ComparePlan(List.of(command(20)), List.of(Profile.DEFAULT), List.of(1), List.of(),
                Optional.empty(), new TrialPlan(0, 2));

        CompletableFuture<Comparison> compared = core.compareInBackground(plan, listener());

        assertThatIllegalStateException().as("a run created now would be older than the comparison's runs")
                .isThrownBy(() -> core.startBenchmark(command(5)))
                .withMessageStartingWith("a comparison of fake started on this node has not ended");
        assertThat(compared).as("the run before it holds its jobs").isNotDone();
        assertThat(heard).isEmpty();
        backend.holdPretendJobs(false);
        backend.runAllPretendJobs();
        Comparison comparison = compared.get(20, TimeUnit.SECONDS);
        Instant firstFinished = core.runReport(before.id()).orElseThrow().run().timeline().runFinishedAt()
                .orElseThrow();
        assertThat(comparison.results()).singleElement().satisfies(result -> assertThat(result.trials())
                .hasSize(2).allSatisfy(trial -> {
                    assertThat(trial.status()).isEqualTo(RunStatus.FINISHED);
                    assertThat(trial.run().timeline().createdAt()).isAfterOrEqualTo(firstFinished);
                }));
        assertThat(core.runs.size()).as("the refused run was not stored").isEqualTo(3);
        BenchmarkRun after = core.startBenchmark(command(5));
        Await.until(() -> core.runReport(after.id()).orElseThrow().status() == RunStatus.FINISHED);
    }

    @Test
    void a_comparison_of_a_backend_not_registered_is_refused_before_it_goes_to_the_background() {
        ComparePlan plan = new ComparePlan(List.of(StartRunCommand.of("no-such-backend", 20)),
                List.of(Profile.DEFAULT), List.of(1), List.of(), Optional.empty(), new TrialPlan(0, 1));

        assertThatIllegalArgumentException().isThrownBy(() -> core.compareInBackground(plan, listener()));
        assertThat(core.runs.size()).isZero();
    }

    @Test
    void a_backend_listed_twice_or_node_counts_that_do_not_rise_are_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ComparePlan(List.of(command(20), command(30)),
                List.of(Profile.SHIPPED), List.of(1), List.of(), Optional.empty(), new TrialPlan(0, 1)))
                .withMessage("a backend is listed twice");
        assertThatIllegalArgumentException().isThrownBy(() -> new ComparePlan(List.of(command(20)),
                List.of(Profile.SHIPPED), List.of(2, 2), List.of(), Optional.empty(), new TrialPlan(0, 1)))
                .withMessageContaining("node counts rise");
        assertThatIllegalArgumentException().isThrownBy(() -> new ComparePlan(List.of(command(20)),
                List.of(Profile.SHIPPED), List.of(1), List.of(FaultSpec.parse("pause-node@10%:5s")),
                Optional.empty(), new TrialPlan(0, 1)))
                .withMessage("a fault that hits a worker node needs 2 nodes or more");
        assertThat(core.runs.size()).isZero();
    }

    private static StartRunCommand command(int jobs) {
        return StartRunCommand.of(FakeQueueBackend.ID.value(), jobs);
    }

    private CompareListener listener() {
        return new CompareListener() {
            @Override
            public RunListener starting(BackendId backend, Profile profile, int nodes) {
                heard.add("starting " + backend + " " + profile.wireName() + " on " + nodes);
                return RunListener.SILENT;
            }

            @Override
            public void ended(TrialResult result) {
                heard.add("ended " + result.backend() + ": " + result.trials().size() + " trials");
            }
        };
    }
}

package dev.queuebench.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.queuebench.common.ExitCode;
import dev.queuebench.common.Launcher;
import dev.queuebench.testing.TestPostgres.TestDatabase;
import dev.queuebench.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The faults, clusters and every-backend cases that take minutes, run on purpose: {@code QB_SLOW_FAULT_TESTS=1 ./mvnw -pl app-dist -am
 * verify -Dtest=SlowFaultsTest -Dsurefire.failIfNoSpecifiedTests=false} (README, "Faults"). Each asserts what the
 * library promises: every job ran, on every node, and the fault is stored with the run. The fast suite runs the same
 * cases on the reference queue ({@code CliFaultsTest}, {@code CliEndToEndTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIfEnvironmentVariable(named = "QB_SLOW_FAULT_TESTS", matches = "1|true")
@Timeout(1200)
class SlowFaultsTest {

    private final TestDatabase database = TestPostgres.newDatabase();
    private final CliRunner cli = new CliRunner(database);

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    @Test
    void dropped_connections_mid_run_cost_no_job_on_any_backend() {
        CliFaultsTest.assertDroppedConnectionsCostNoJob(cli, CliEndToEndTest.registeredBackends());
    }

    @Test
    void every_backend_runs_on_two_nodes_through_its_own_clustering_and_both_nodes_do_work() {
        // an idle node looks for work another node scheduled every poll interval (db-scheduler 10 s) or idle wait
        // (Quartz 30 s) by default: shorter here, so that the second node joins a run of a few seconds
        CliRunner.Result result = cli.run("compare", "--jobs", "2000", "--delay", "1s", "--job-work", "sleep:20ms",
                "--nodes", "2", "-o", "quartz.idle-wait=2s", "-o", "db-scheduler.poll-interval=1s",
                "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> backends = new ArrayList<>();
        for (JsonNode backend : result.json()) {
            JsonNode run = backend.get("trials").get(0);
            String id = run.get("backend").asText();
            backends.add(id);
            assertThat(run.get("completed_jobs").asInt()).as(id).isEqualTo(2_000);
            assertThat(run.get("nodes")).as(id).hasSize(2);
            for (JsonNode node : run.get("nodes")) {
                assertThat(node.get("completed_jobs").asInt()).as("jobs of %s on %s", id, node.get("node"))
                        .isPositive();
            }
        }
        assertThat(backends).as("every registered backend").containsExactlyInAnyOrderElementsOf(CliEndToEndTest.registeredBackends());
    }

    @Test
    void with_db_schedulers_default_heartbeat_a_killed_nodes_jobs_are_still_pending_when_the_run_stalls() {
        CliRunner.Result result = cli.run("run", "--backend", "db-scheduler", "--jobs", "1000", "--delay", "1s",
                "--job-work", "sleep:100ms", "--nodes", "2", "--fault", "kill-node@20%", "--stall-timeout", "10s",
                "-o", "poll-interval=200ms", "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.RUN_FAILED);
        JsonNode run = result.json();
        assertThat(run.get("status").asText()).isEqualTo("stalled");
        JsonNode kill = CliFaultsTest.faultsOf(run, "kill_node").get(0);
        assertThat(kill.get("recovered").asBoolean()).as("its executions are dead for 30 minutes").isFalse();
        int missing = run.get("missing_jobs").asInt();
        assertThat(missing).as("the jobs the killed node was running").isPositive();
        assertThat(run.get("pending_jobs").asInt()).as("still in db-scheduler's table, picked by a dead node")
                .isEqualTo(missing);
        assertThat(run.get("lost_jobs").asInt()).isZero();
    }

    @Test
    void every_backend_takes_an_offered_rate_and_its_jobs_do_their_work_with_their_payload() {
        CliRunner.Result result = cli.run("compare", "--workload", "rate", "--rate", "20", "--duration", "2s",
                "--job-work", "sleep:2ms", "--payload", "512B", "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> backends = new ArrayList<>();
        for (JsonNode backend : result.json()) {
            backends.add(backend.get("backend").asText());
            CliEndToEndTest.assertRateRunDidItsWork(backend);
        }
        assertThat(backends).as("every registered backend")
                .containsExactlyInAnyOrderElementsOf(CliEndToEndTest.registeredBackends());
    }

    @Test
    void a_killed_jobrunr_or_quartz_node_loses_no_job() {
        CliRunner.Result result = cli.run("compare", "--backends", "jobrunr,quartz", "--jobs", "2000", "--delay", "1s",
                "--job-work", "sleep:50ms", "--nodes", "2", "--fault", "kill-node@30%", "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        for (JsonNode backend : result.json()) {
            JsonNode run = backend.get("trials").get(0);
            assertThat(run.get("status").asText()).as(run.get("backend").asText()).isEqualTo("finished");
            assertThat(run.get("missing_jobs").asInt()).isZero();
            assertThat(CliFaultsTest.faultsOf(run, "kill_node").get(0).get("recovered").asBoolean()).isTrue();
        }
    }

    @Test
    void a_paused_node_comes_back_and_no_job_is_lost() {
        CliRunner.Result result = cli.run("run", "--backend", "postgres", "--jobs", "3000", "--delay", "1s",
                "--job-work", "sleep:20ms", "--nodes", "2", "--fault", "pause-node@30%:10s", "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode run = result.json();
        assertThat(run.get("missing_jobs").asInt()).isZero();
        JsonNode pause = CliFaultsTest.faultsOf(run, "pause_node").get(0);
        assertThat(pause.get("duration_ms").asLong()).isBetween(10_000L, 15_000L);
    }

    @Test
    void a_restart_of_the_embedded_database_mid_run_costs_no_job_on_any_backend(@TempDir Path home) throws Exception {
        QueueBenchMain.commandLine(); // registers the program to start
        List<String> command = new ArrayList<>(Launcher.relaunchCommand().orElseThrow());
        command.addAll(List.of("compare", "--jobs", "2000", "--delay", "1s", "--job-work", "sleep:10ms",
                "--fault", "restart-db@40%", "--format", "json"));
        Path out = home.resolve("out.json");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(home.resolve("err.txt").toFile());
        builder.environment().put("QB_HOME", home.toString());
        Process compare = builder.start();
        try {
            assertThat(compare.waitFor(15, TimeUnit.MINUTES)).isTrue();
        } finally {
            compare.destroyForcibly();
        }

        assertThat(compare.exitValue()).as(Files.readString(home.resolve("err.txt"))).isZero();
        for (JsonNode backend : new ObjectMapper().readTree(Files.readString(out, StandardCharsets.UTF_8))) {
            JsonNode run = backend.get("trials").get(0);
            assertThat(run.get("status").asText()).as(run.get("backend").asText()).isEqualTo("finished");
            assertThat(run.get("missing_jobs").asInt()).isZero();
            assertThat(CliFaultsTest.faultsOf(run, "restart_db").get(0).get("detail").asText())
                    .contains("started the embedded PostgreSQL");
        }
    }
}

package dev.queuebench.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.queuebench.testing.TestPostgres;
import dev.queuebench.testing.TestPostgres.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Faults injected on purpose ({@code --fault}) into runs on a real PostgreSQL, with worker processes as a user starts
 * them. The slower faults (kill-node on JobRunr and Quartz, pause-node, restart-db) are in {@link SlowFaultsTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(600)
class CliFaultsTest {

    private final TestDatabase database = TestPostgres.newDatabase();
    private final CliRunner cli = new CliRunner(database);

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    @Test
    void a_killed_db_scheduler_node_loses_no_job_and_its_running_jobs_run_again_elsewhere() {
        CliRunner.Result result = cli.run("run", "--backend", "db-scheduler", "--jobs", "2000", "--delay", "1s",
                "--job-work", "sleep:50ms", "--nodes", "2", "--fault", "kill-node@30%",
                // a dead execution is revived after 4 missed heartbeats of 1 s, not the default 30 minutes
                "-o", "heartbeat-interval=1s", "-o", "missed-heartbeats-limit=4", "-o", "poll-interval=200ms",
                "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode run = result.json();
        assertThat(run.get("status").asText()).isEqualTo("finished");
        assertThat(run.get("completed_jobs").asInt()).isEqualTo(2_000);
        assertThat(run.get("missing_jobs").asInt()).isZero();
        assertThat(run.get("executions").asLong())
                .as("each re-execution counts once, as a duplicate")
                .isEqualTo(2_000 + run.get("duplicate_executions").asLong());
        JsonNode kill = faultsOf(run, "kill_node").get(0);
        assertThat(kill.get("recovered").asBoolean()).as(kill.toString()).isTrue();
        assertThat(kill.get("detail").asText()).contains("SIGKILL of pid", "completions beyond its last snapshot",
                        "they all ran on other nodes")
                .as("fired at the first progress report past 30%").containsPattern(" at ([3-9]\\d)% ");
        JsonNode killedNode = nodeNamed(run, kill.get("node").asText());
        assertThat(killedNode.get("executions").asLong())
                .as("the killed node's completions, merged from its journal").isPositive();
        long executionsOfNodes = StreamSupport.stream(run.get("nodes").spliterator(), false)
                .mapToLong(node -> node.get("executions").asLong()).sum();
        assertThat(executionsOfNodes).isEqualTo(run.get("executions").asLong());
    }

    @Test
    void dropped_connections_mid_run_cost_no_job() {
        // the reference queue here; every backend in SlowFaultsTest (each library's own reconnects are in its contract)
        assertDroppedConnectionsCostNoJob(cli, List.of("postgres"));
    }

    /**
     * Drops the backends' sessions at 30% of a compare of these backends and checks that every job ran and the fault
     * is stored with each run.
     */
    static void assertDroppedConnectionsCostNoJob(CliRunner cli, List<String> backendIds) {
        // jobs of 20 ms on 10 threads: two seconds of work at least, so that progress reports see 30% on every backend,
        // including those that pick up all their due jobs in one poll
        CliRunner.Result result = cli.run("compare", "--backends", String.join(",", backendIds), "--jobs", "1000",
                "--delay", "1s", "--job-work", "sleep:20ms", "--fault", "drop-connections@30%", "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> backends = new ArrayList<>();
        for (JsonNode backend : result.json()) {
            JsonNode run = backend.get("trials").get(0);
            backends.add(run.get("backend").asText());
            assertThat(run.get("status").asText()).as(run.get("backend").asText()).isEqualTo("finished");
            assertThat(run.get("completed_jobs").asInt()).isEqualTo(1_000);
            assertThat(run.get("missing_jobs").asInt()).isZero();
            JsonNode drop = faultsOf(run, "drop_connections").get(0);
            assertThat(drop.get("node").asText()).isEqualTo("database");
            assertThat(drop.get("detail").asText()).as("sessions of the backend's pool were terminated")
                    .containsPattern("pg_terminate_backend of [1-9]\\d* sessions of the qb-");
        }
        assertThat(backends).containsExactlyElementsOf(backendIds);
    }

    @Test
    void faults_that_cannot_be_injected_are_bad_input() {
        int runsBefore = cli.run("list", "--format", "json").json().size();
        CliEndToEndTest.assertBadInput(cli.run("run", "--backend", "postgres", "--jobs", "10", "--fault", "kill-node@40%"),
                "--fault kill-node@40% hits a worker node: give --nodes 2 or more");
        CliEndToEndTest.assertBadInput(cli.run("run", "--backend", "postgres", "--jobs", "10", "--fault", "restart-db@40%"),
                "restarts the embedded PostgreSQL: leave out --jdbc-url");
        CliEndToEndTest.assertBadInput(cli.run("compare", "--jobs", "10", "--fault", "unplug@40%"), "unknown fault 'unplug'");
        CliEndToEndTest.assertBadInput(cli.run("run", "--backend", "postgres", "--jobs", "10", "--fault", "pause-node@40%",
                "--nodes", "2"), "pause-node needs how long the node stays stopped");
        assertThat(cli.run("list", "--format", "json").json()).as("nothing was run").hasSize(runsBefore);
    }

    static List<JsonNode> faultsOf(JsonNode run, String kind) {
        List<JsonNode> faults = StreamSupport.stream(run.get("faults").get("list").spliterator(), false)
                .filter(fault -> fault.get("kind").asText().equals(kind)).toList();
        assertThat(faults).as("faults of kind %s in %s", kind, run.get("faults")).isNotEmpty();
        return faults;
    }

    private static JsonNode nodeNamed(JsonNode run, String node) {
        return StreamSupport.stream(run.get("nodes").spliterator(), false)
                .filter(candidate -> candidate.get("node").asText().equals(node))
                .findFirst().orElseThrow(() -> new AssertionError("no node " + node + " in " + run.get("nodes")));
    }
}

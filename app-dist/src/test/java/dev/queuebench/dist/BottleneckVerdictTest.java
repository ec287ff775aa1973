package dev.queuebench.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.queuebench.testing.TestPostgres;
import dev.queuebench.testing.TestPostgres.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Runs whose bottleneck is known get that verdict, on a 2-core machine and with other tests beside them (the verdicts
 * that read the machine's load are chosen to hold when another test JVM loads it too).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class BottleneckVerdictTest {

    private final TestDatabase database = TestPostgres.newDatabase();
    private final CliRunner cli = new CliRunner(database);

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    private JsonNode bottleneckOf(String... args) {
        JsonNode bottleneck = runJson(args).get("bottleneck");
        assertThat(bottleneck).as("a verdict").isNotNull();
        return bottleneck;
    }

    private JsonNode runJson(String... args) {
        List<String> all = new ArrayList<>(List.of("run"));
        all.addAll(List.of(args));
        all.addAll(List.of("--format", "json"));
        CliRunner.Result result = cli.run(all.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result.json();
    }

    /**
     * The statement that took the most of the database's time is the backend's, on a server that keeps statement
     * statistics; on one that does not (the external PostgreSQL of .ci/run's last pass), the fingerprint says why.
     */
    private static void assertTopStatementIsTheBackends(JsonNode run, String table) {
        JsonNode statements = run.get("top_statements");
        String kept = run.get("fingerprint").get("postgres.pg_stat_statements").asText();
        if (kept.equals("on")) {
            assertThat(statements.size()).as(statements.toString()).isPositive();
            JsonNode top = statements.get(0);
            assertThat(top.get("source").asText()).isEqualTo("backend");
            assertThat(top.get("query").asText().toLowerCase(Locale.ROOT)).contains(table);
            assertThat(top.get("calls").asLong()).isPositive();
            assertThat(top.get("total_ms").asDouble()).isPositive();
        } else {
            assertThat(kept).startsWith("off: ");
            assertThat(statements.size()).isZero();
        }
    }

    @Test
    void one_thread_with_jobs_that_sleep_is_bound_by_the_workers() {
        JsonNode bottleneck = bottleneckOf("--backend", "postgres", "--workload", "backlog", "--jobs", "400",
                "--threads", "1", "--job-work", "sleep:20ms");

        assertThat(bottleneck.get("kind").asText()).as(bottleneck.toString()).isEqualTo("workers");
        assertThat(bottleneck.get("worker_threads").asInt()).isEqualTo(1);
        assertThat(bottleneck.get("occupancy").asDouble()).isGreaterThanOrEqualTo(0.8).isLessThanOrEqualTo(1);
        assertThat(bottleneck.get("summary").asText()).startsWith("the 1 worker thread was busy");
    }

    @Test
    void jobs_that_burn_the_cores_on_more_threads_than_cores_are_bound_by_the_cpu() {
        JsonNode bottleneck = bottleneckOf("--backend", "postgres", "--workload", "backlog", "--jobs", "1500",
                "--threads", "8", "--job-work", "cpu:5ms");

        assertThat(bottleneck.get("kind").asText()).as(bottleneck.toString()).isEqualTo("cpu");
        assertThat(bottleneck.get("host_cpu").asDouble()).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void many_threads_on_a_pool_far_below_them_are_bound_by_the_pool() {
        // a drain of several seconds, so that several of the once-a-second samples see the threads waiting: 8,000
        // jobs drained in 1.7 s once, and the one sample within it saw no thread waiting
        JsonNode run = runJson("--backend", "db-scheduler", "--workload", "backlog", "--jobs", "30000",
                "--mode", "in_bulk", "--threads", "16", "--db-pool-size", "2", "--allow-small-pool");
        JsonNode bottleneck = run.get("bottleneck");
        assertTopStatementIsTheBackends(run, "scheduled_tasks");

        assertThat(bottleneck.get("kind").asText()).as(bottleneck.toString()).isEqualTo("pool");
        assertThat(bottleneck.get("pool").asText()).isEqualTo("qb-db-scheduler");
        assertThat(bottleneck.get("pool_waiting_mean").asDouble()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void jobs_due_later_that_a_poller_moves_every_few_seconds_are_bound_by_its_fetch() {
        JsonNode run = runJson("--backend", "jobrunr", "--jobs", "500", "--delay", "2s");
        JsonNode bottleneck = run.get("bottleneck");
        assertTopStatementIsTheBackends(run, "jobrunr_");

        assertThat(bottleneck.get("kind").asText()).as(bottleneck.toString()).isEqualTo("fetch");
        assertThat(bottleneck.get("median_pickup_lag_ms").asLong()).isGreaterThan(1_000);
        assertThat(bottleneck.get("due_waiting_median").asDouble()).as("jobs waited while the workers idled")
                .isPositive();
        assertThat(bottleneck.get("summary").asText()).contains("jobs were due", "(it polls every "
                + run.get("fingerprint").get("backend.poll-interval").asText() + ")");
    }

    @Test
    void an_offer_the_producer_cannot_enqueue_is_bound_by_the_enqueue() {
        // far above what one process enqueues on two cores (a JVM warmed by the tests before kept up with 12,000/s)
        JsonNode bottleneck = bottleneckOf("--backend", "postgres", "--workload", "rate", "--rate", "40000",
                "--duration", "1s");

        assertThat(bottleneck.get("kind").asText()).as(bottleneck.toString()).isEqualTo("enqueue");
        assertThat(bottleneck.get("summary").asText()).startsWith("the producer enqueued");
    }
}

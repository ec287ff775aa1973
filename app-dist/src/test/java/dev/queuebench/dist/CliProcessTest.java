package dev.queuebench.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.queuebench.testing.TestPostgres.TestDatabase;
import dev.queuebench.testing.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** Several {@code queue-bench} processes on one database, as users start them: at once, and one killed. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class CliProcessTest {

    private static final Duration A_WHILE = Duration.ofMinutes(3);

    private final TestDatabase database = TestPostgres.newDatabase();
    private final CliRunner cli = new CliRunner(database);

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    private CliProcess run(int jobs, String delay) {
        return CliProcess.start(database, "run", "--backend", "db-scheduler", "--jobs", Integer.toString(jobs),
                "--delay", delay, "-o", "poll-interval=200ms", "--format", "json");
    }

    @Test
    void two_run_processes_started_half_a_second_apart_both_finish_one_after_the_other() throws Exception {
        try (CliProcess first = run(3_000, "1s")) {
            Thread.sleep(500);
            try (CliProcess second = run(500, "1s")) {
                int firstExit = first.await(A_WHILE);
                int secondExit = second.await(A_WHILE);

                assertThat(firstExit).as("first: %s", first.err()).isZero();
                assertThat(secondExit).as("second: %s", second.err()).isZero();
                JsonNode a = first.json();
                JsonNode b = second.json();
                assertThat(a.get("completed_jobs").asInt()).isEqualTo(3_000);
                assertThat(b.get("completed_jobs").asInt()).isEqualTo(500);
                assertThat(a.get("duplicate_executions").asLong() + b.get("duplicate_executions").asLong()).isZero();
                JsonNode earlier = a.get("id").asLong() < b.get("id").asLong() ? a : b;
                JsonNode later = earlier == a ? b : a;
                assertThat(Instant.parse(later.get("scheduling_started_at").asText()))
                        .as("the later run started scheduling after the earlier one finished")
                        .isAfterOrEqualTo(Instant.parse(earlier.get("run_finished_at").asText()));
            }
        }
    }

    @Test
    void a_run_process_killed_mid_run_is_interrupted_within_seconds_and_the_next_run_does_not_wait_for_it()
            throws Exception {
        long killedRun;
        try (CliProcess doomed = run(20_000, "1s")) {
            killedRun = awaitScheduling();
            doomed.kill();
        }

        JsonNode run;
        try (CliProcess next = run(1_000, "1s")) {
            int exit = next.await(A_WHILE);

            assertThat(exit).as("next: %s", next.err()).isZero();
            run = next.json();
            assertThat(run.get("completed_jobs").asInt()).isEqualTo(1_000);
            assertThat(run.get("duplicate_executions").asLong()).isZero();
            assertThat(run.get("lock_wait_ms").asLong()).as("waited for its turn, ms").isLessThan(30_000);
        }
        JsonNode killed = cli.run("show", Long.toString(killedRun), "--format", "json").json();
        assertThat(killed.get("status").asText()).isEqualTo("interrupted");
        assertThat(killed.get("end_reason").asText()).startsWith("the process that started it (").endsWith(") is gone");
        // ended by the next process as soon as it looked, whatever its JVM took to start on a busy machine
        assertThat(Instant.parse(killed.get("ended_at").asText()))
                .as("the killed run ended before the next one started scheduling")
                .isBeforeOrEqualTo(Instant.parse(run.get("scheduling_started_at").asText()));
    }

    /** @return the id of the run that is scheduling */
    private long awaitScheduling() throws InterruptedException {
        long deadline = System.nanoTime() + A_WHILE.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode run : cli.run("list", "--limit", "5", "--format", "json").json()) {
                if (run.get("status").asText().equals("scheduling") && run.get("scheduled_jobs").asInt() > 0) {
                    return run.get("id").asLong();
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no run started scheduling");
    }
}

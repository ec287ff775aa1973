package dev.queuebench.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.queuebench.common.ExitCode;
import dev.queuebench.core.QueueBench;
import dev.queuebench.testing.TestPostgres.TestDatabase;
import dev.queuebench.testing.TestPostgres;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** The CLI with db-scheduler against a real PostgreSQL, as a user runs it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class CliEndToEndTest {

    private static final String[] FAST_POLLING = {"-o", "poll-interval=200ms"};

    private final TestDatabase database = TestPostgres.newDatabase();
    private final CliRunner cli = new CliRunner(database);

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    private CliRunner.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(FAST_POLLING));
        return cli.run(all.toArray(String[]::new));
    }

    @Test
    void a_500_job_db_scheduler_run_finishes_with_500_distinct_completions_and_no_duplicates() {
        CliRunner.Result result = run("run", "--backend", "db-scheduler", "--jobs", "500", "--delay", "1s",
                "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode run = result.json();
        assertThat(run.get("status").asText()).isEqualTo("finished");
        assertThat(run.get("completed_jobs").asInt()).isEqualTo(500);
        assertThat(run.get("duplicate_executions").asLong()).isZero();
        assertThat(run.get("missing_jobs").asInt()).isZero();
        assertThat(run.get("executions").asLong()).isEqualTo(500);
        assertThat(run.get("pickup_lag_ms").get("count").asLong()).isEqualTo(500);
    }

    @Test
    void a_second_run_started_while_the_first_is_running_waits_and_runs_after_it() throws Exception {
        CompletableFuture<CliRunner.Result> first = CompletableFuture.supplyAsync(() ->
                run("run", "--backend", "db-scheduler", "--jobs", "500", "--delay", "3s", "--format", "json"));
        awaitARunningRun();
        CompletableFuture<CliRunner.Result> second = CompletableFuture.supplyAsync(() ->
                run("run", "--backend", "db-scheduler", "--jobs", "500", "--delay", "1s", "--format", "json"));

        CliRunner.Result a = first.get(4, TimeUnit.MINUTES);
        CliRunner.Result b = second.get(4, TimeUnit.MINUTES);

        assertThat(a.exitCode()).as(a.err()).isZero();
        assertThat(b.exitCode()).as(b.err()).isZero();
        JsonNode firstRun = a.json();
        JsonNode secondRun = b.json();
        assertThat(firstRun.get("completed_jobs").asInt()).isEqualTo(500);
        assertThat(secondRun.get("completed_jobs").asInt()).isEqualTo(500);
        assertThat(secondRun.get("duplicate_executions").asLong()).isZero();
        Instant firstFinished = Instant.parse(firstRun.get("run_finished_at").asText());
        Instant secondStarted = Instant.parse(secondRun.get("scheduling_started_at").asText());
        assertThat(secondStarted).as("the second run started scheduling after the first finished")
                .isAfterOrEqualTo(firstFinished);
        assertThat(secondRun.get("lock_wait_ms").asLong()).isPositive();
    }

    @Test
    void show_prints_one_run_with_every_documented_key() {
        CliRunner.Result started = run("run", "--backend", "db-scheduler", "--jobs", "20", "--delay", "0s",
                "--mode", "in_bulk", "--format", "json");
        long id = started.json().get("id").asLong();

        CliRunner.Result shown = cli.run("show", Long.toString(id), "--format", "json");

        assertThat(shown.exitCode()).isZero();
        JsonNode run = shown.json();
        assertThat(run.fieldNames()).toIterable().contains("id", "backend", "jobs_count", "scheduling_mode",
                "created_at", "scheduling_started_at", "scheduling_finished_at", "run_finished_at",
                "scheduling_duration_ms", "run_duration_ms", "status", "scheduled_jobs", "completed_jobs",
                "executions", "duplicate_executions", "missing_jobs", "jobs_per_second", "pickup_lag_ms",
                "end_to_end_ms");
        assertThat(run.get("pickup_lag_ms").fieldNames()).toIterable().contains("p50", "p95", "p99", "max");
        assertThat(run.get("scheduling_mode").asText()).isEqualTo("in_bulk");
        assertThat(run.get("jobs_count").asInt()).isEqualTo(20);
    }

    @Test
    void list_prints_runs_newest_first_as_a_json_array_and_as_a_table() {
        run("run", "--backend", "db-scheduler", "--jobs", "10", "--delay", "0s", "--format", "json");
        run("run", "--backend", "db-scheduler", "--jobs", "11", "--delay", "0s", "--format", "json");

        JsonNode runs = cli.run("list", "--backend", "db-scheduler", "--limit", "2", "--format", "json").json();
        assertThat(runs.isArray()).isTrue();
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).get("jobs_count").asInt()).isEqualTo(11);
        assertThat(runs.get(1).get("jobs_count").asInt()).isEqualTo(10);
        assertThat(runs.get(0).get("id").asLong()).isGreaterThan(runs.get(1).get("id").asLong());

        CliRunner.Result table = cli.run("list", "--limit", "2");
        assertThat(table.out()).contains("BACKEND", "db-scheduler", "finished");
    }

    @Test
    void bad_input_exits_with_2_and_one_line_on_stderr_and_persists_nothing() {
        int runsBefore = cli.run("list", "--limit", "500", "--format", "json").json().size();

        assertBadInput(cli.run("run", "--backend", "sidekiq", "--jobs", "10"), "unknown backend 'sidekiq'");
        assertBadInput(cli.run("run", "--backend", "db-scheduler", "--jobs", "0"), "jobs count must be between 1");
        assertBadInput(cli.run("run", "--backend", "db-scheduler", "--jobs", "10000001"), "10000001");
        assertBadInput(cli.run("run", "--backend", "db-scheduler", "--jobs", "lots"), "'lots'");
        assertBadInput(cli.run("run", "--backend", "db-scheduler", "--jobs", "10", "--delay", "2h"), "between 0s and 1h");
        assertBadInput(cli.run("run", "--backend", "db-scheduler", "--jobs", "10", "--delay", "soon"), "not a duration");
        assertBadInput(cli.run("run", "--backend", "db-scheduler", "--jobs", "10", "--mode", "fast"), "one_by_one, in_bulk");
        assertBadInput(cli.run("run", "--backend", "db-scheduler", "--jobs", "10", "-o", "workers=3"), "unknown backend option");
        assertBadInput(cli.run("show", "999999"), "no benchmark run with id 999999");
        assertBadInput(cli.run("show", "abc"), "run id must be a positive whole number");
        assertBadInput(CliRunner.runExactly("list", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/nowhere"),
                "cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/nowhere");

        assertThat(cli.run("list", "--limit", "500", "--format", "json").json()).hasSize(runsBefore);
    }

    @Test
    void compare_runs_each_chosen_backend_from_clean_tables_and_prints_their_runs() {
        CliRunner.Result result = cli.run("compare", "--jobs", "200", "--backends", "db-scheduler", "--delay", "1s",
                "-o", "db-scheduler.poll-interval=200ms", "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode backends = result.json();
        assertThat(backends.isArray()).isTrue();
        assertThat(backends).hasSize(1);
        JsonNode dbScheduler = backends.get(0);
        assertThat(dbScheduler.get("backend").asText()).isEqualTo("db-scheduler");
        assertThat(dbScheduler.get("trials")).hasSize(1);
        assertThat(dbScheduler.get("trials").get(0).get("completed_jobs").asInt()).isEqualTo(200);
        assertThat(dbScheduler.get("statistics").get("run_duration_ms").get("n").asInt()).isEqualTo(1);
        assertThat(dbScheduler.get("fingerprint").get("backend.id").asText()).isEqualTo("db-scheduler");

        CliRunner.Result table = cli.run("compare", "--jobs", "50", "--backends", "db-scheduler", "--delay", "0s",
                "-o", "db-scheduler.poll-interval=200ms");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("jobs/s", "pickup lag p99", "duplicates", "db-scheduler");
    }

    /** Whatever this distribution ships: a new backend's dependency line puts it through these tests too. */
    @Test
    void compare_without_a_choice_runs_every_registered_backend_to_every_job() {
        JsonNode backends = compareEveryBackend(20, "--jobs", "20", "--delay", "0s");

        for (JsonNode backend : backends) {
            assertThat(backend.get("trials").get(0).get("workload").get("name").asText()).isEqualTo("delayed");
        }
    }

    @Test
    void every_backend_drains_a_backlog_that_was_enqueued_while_no_worker_ran() {
        JsonNode backends = compareEveryBackend(60, "--workload", "backlog", "--jobs", "60", "--mode", "in_bulk");

        for (JsonNode backend : backends) {
            JsonNode run = backend.get("trials").get(0);
            assertThat(run.get("workload").get("name").asText()).isEqualTo("backlog");
            assertThat(run.get("drain_rate").asDouble()).as(backend.get("backend").asText()).isPositive();
            assertThat(run.get("enqueue_rate").asDouble()).isPositive();
            assertThat(Instant.parse(run.get("workers_started_at").asText()))
                    .isAfterOrEqualTo(Instant.parse(run.get("scheduling_finished_at").asText()));
        }
    }

    @Test
    void a_rate_run_offers_its_rate_and_its_jobs_do_their_work_with_their_payload() {
        // the reference queue here; every backend in SlowFaultsTest (each library's rate and payload are in its contract)
        CliRunner.Result result = cli.run("compare", "--backends", "postgres", "--workload", "rate", "--rate", "20",
                "--duration", "2s", "--job-work", "sleep:2ms", "--payload", "512B", "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertRateRunDidItsWork(result.json().get(0));
    }

    /** A rate run of 20 jobs/s for 2 s of 2 ms jobs with 512-byte payloads finished every job once, on offer. */
    static void assertRateRunDidItsWork(JsonNode backend) {
        JsonNode run = backend.get("trials").get(0);
        String id = backend.get("backend").asText();
        assertThat(run.get("status").asText()).as(id).isEqualTo("finished");
        assertThat(run.get("completed_jobs").asInt()).as(id).isEqualTo(40);
        assertThat(run.get("duplicate_executions").asInt()).as(id).isZero();
        assertThat(run.get("workload").get("rate").asDouble()).isEqualTo(20);
        assertThat(run.get("workload").get("duration_ms").asLong()).isEqualTo(2_000);
        assertThat(run.get("job_work").asText()).isEqualTo("sleep:2ms");
        assertThat(run.get("payload_bytes").asInt()).isEqualTo(512);
        assertThat(run.get("offer").get("offered_rate").asDouble()).isEqualTo(20);
        assertThat(run.get("offer").get("achieved_rate").asDouble()).as(id).isPositive();
    }

    /** Runs {@code compare} with the options on every registered backend; each finishes every job exactly once. */
    private JsonNode compareEveryBackend(int jobs, String... options) {
        List<String> registered = QueueBench.availableBackends().stream()
                .map(backend -> backend.descriptor().id().value())
                .toList();
        List<String> args = new ArrayList<>(List.of("compare", "--format", "json"));
        args.addAll(List.of(options));

        CliRunner.Result result = cli.run(args.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> compared = new ArrayList<>();
        for (JsonNode backend : result.json()) {
            compared.add(backend.get("backend").asText());
            JsonNode run = backend.get("trials").get(0);
            assertThat(run.get("status").asText()).as(backend.get("backend").asText()).isEqualTo("finished");
            assertThat(run.get("completed_jobs").asInt()).isEqualTo(jobs);
            assertThat(run.get("duplicate_executions").asInt()).isZero();
        }
        assertThat(compared).isEqualTo(registered).hasSizeGreaterThanOrEqualTo(4);
        return result.json();
    }

    @Test
    void a_run_on_two_nodes_is_executed_by_both_and_reports_each_nodes_share() {
        CliRunner.Result result = run("run", "--backend", "db-scheduler", "--jobs", "2000", "--delay", "2s",
                "--nodes", "2", "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode run = result.json();
        assertThat(run.get("status").asText()).isEqualTo("finished");
        assertThat(run.get("completed_jobs").asInt()).isEqualTo(2_000);
        assertThat(run.get("nodes")).as("this process and one worker process").hasSize(2);
        long executions = 0;
        double shares = 0;
        for (JsonNode node : run.get("nodes")) {
            assertThat(node.get("executions").asLong()).as("executions on %s", node.get("node")).isPositive();
            executions += node.get("executions").asLong();
            shares += node.get("share").asDouble();
        }
        assertThat(executions).isEqualTo(run.get("executions").asLong());
        assertThat(shares).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.002));
        assertThat(run.get("fairness").asDouble()).isPositive().isLessThanOrEqualTo(1.0);
    }

    /** The ids of the backends on this runner's classpath, found as the runner finds them. */
    static List<String> registeredBackends() {
        return QueueBench.availableBackends().stream().map(backend -> backend.descriptor().id().value()).toList();
    }

    @Test
    void compare_over_node_counts_runs_each_and_prints_the_scaling_table() {
        // jobs of 20 ms, so that no node can claim them all before the other polls: 400 no-op jobs once drained on
        // the first node within the worker's first 10 ms poll interval, and a node that ran nothing is not listed
        CliRunner.Result json = cli.run("compare", "--backends", "postgres", "--jobs", "400", "--delay", "0s",
                "--job-work", "sleep:20ms", "--nodes", "1,2", "--format", "json");

        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(json.json()).hasSize(2);
        assertThat(json.json().get(0).get("trials").get(0).get("nodes")).hasSize(1);
        assertThat(json.json().get(1).get("trials").get(0).get("nodes")).hasSize(2);
        assertThat(json.json().get(1).get("trials").get(0).get("nodes_started").asInt()).isEqualTo(2);

        // jobs of 20 ms on 10 threads per node: 4 s of work on one node, so that the second node's fresh JVM, which
        // can take a second or two under load to claim its first jobs, gets a share (a 1.5 s run once left it none)
        CliRunner.Result table = cli.run("compare", "--backends", "postgres", "--jobs", "2000", "--delay", "0s",
                "--job-work", "sleep:20ms", "--nodes", "1,2");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("1 node:", "2 nodes:");
        assertThat(table.out().lines().filter(line -> line.startsWith("postgres")).reduce((a, b) -> b).orElseThrow())
                .as("the scaling row: the second count as a ratio to the first, with its fairness")
                .containsPattern("x, fairness \\d\\.\\d\\d\\)");
    }

    @Test
    void a_worker_whose_parent_was_killed_stops_itself() throws Exception {
        QueueBenchMain.commandLine(); // registers the program that --nodes starts again
        Process parent = new ProcessBuilder("sleep", "300").start();
        List<String> command = new ArrayList<>(dev.queuebench.common.Launcher.relaunchCommand().orElseThrow());
        command.addAll(List.of("worker", "--backend", "postgres", "--parent-pid", Long.toString(parent.pid())));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(java.util.Map.of("QB_JDBC_URL", database.jdbcUrl(), "QB_DB_USER", database.user(),
                "QB_DB_PASSWORD", database.password() == null ? "" : database.password()));
        Process worker = builder.start();
        try {
            java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(
                    worker.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
            String line = out.readLine();
            while (line != null && !line.startsWith("ready")) {
                line = out.readLine();
            }
            assertThat(line).as("the worker's ready line, before it exits").isNotNull();

            parent.destroyForcibly();

            assertThat(worker.waitFor(60, TimeUnit.SECONDS)).as("the worker stopped after its parent died").isTrue();
        } finally {
            worker.destroyForcibly();
            parent.destroyForcibly();
        }
    }

    @Test
    void nodes_out_of_range_or_with_a_backlog_are_bad_input() {
        assertBadInput(cli.run("run", "--backend", "postgres", "--jobs", "10", "--nodes", "0"),
                "--nodes must be between 1 and 16, was 0");
        assertBadInput(cli.run("run", "--backend", "postgres", "--workload", "backlog", "--jobs", "10", "--nodes",
                "2"), "--nodes takes the delayed or the rate workload");
        assertBadInput(cli.run("run", "--backend", "postgres", "--jobs", "10", "--nodes", "1,2"),
                "run takes one node count");
        assertBadInput(cli.run("compare", "--jobs", "10", "--nodes", "2,1"), "--nodes takes node counts that rise");
    }

    @Test
    void a_thread_sweep_drains_a_backlog_at_each_count_and_stores_each_point_as_a_run() {
        CliRunner.Result result = cli.run("sweep", "--backend", "postgres", "--threads", "1,4", "--jobs", "200",
                "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode sweep = result.json();
        assertThat(sweep.get("kind").asText()).isEqualTo("threads");
        assertThat(sweep.get("points")).hasSize(2);
        for (JsonNode point : sweep.get("points")) {
            JsonNode run = point.get("run");
            assertThat(run.get("status").asText()).isEqualTo("finished");
            assertThat(run.get("completed_jobs").asInt()).isEqualTo(200);
            assertThat(run.get("fingerprint").get("backend.threads").asText())
                    .isEqualTo(Integer.toString(point.get("value").asInt()));
            assertThat(point.get("figure").asDouble()).isEqualTo(run.get("drain_rate").asDouble()).isPositive();
            CliRunner.Result shown = cli.run("show", run.get("id").asText(), "--format", "json");
            assertThat(shown.json().get("workload").get("name").asText()).isEqualTo("backlog");
        }
        assertThat(sweep.get("peak").get("figure").asDouble()).isEqualTo(Math.max(
                sweep.get("points").get(0).get("figure").asDouble(), sweep.get("points").get(1).get("figure").asDouble()));
    }

    @Test
    void a_rate_sweep_stops_after_two_points_in_a_row_miss_the_slo_and_exits_1_without_a_peak() {
        CliRunner.Result result = cli.run("sweep", "--backend", "postgres", "--rates", "10,20,40", "--duration", "1s",
                "--slo", "1ms", "--format", "csv");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.RUN_FAILED);
        List<String> rows = result.out().lines().toList();
        assertThat(rows).as("a header and the two points that ran").hasSize(3);
        assertThat(rows.get(0)).startsWith("sweep_id,sweep_kind,value,figure,passed,run_id,");
        assertThat(rows.get(1)).contains(",rates,10.0,").contains(",false,");
        assertThat(rows.get(2)).contains(",rates,20.0,").contains(",false,");
    }

    @Test
    void sweep_options_that_do_not_fit_are_bad_input() {
        assertBadInput(cli.run("sweep", "--backend", "postgres"), "--threads");
        assertBadInput(cli.run("sweep", "--backend", "postgres", "--threads", "1", "--rates", "5"),
                "mutually exclusive");
        assertBadInput(cli.run("sweep", "--backend", "postgres", "--threads", "4,2"), "a sweep's points must rise");
        assertBadInput(cli.run("sweep", "--backend", "postgres", "--threads", "2", "-o", "threads=3"),
                "a thread sweep sets the worker threads itself");
        assertBadInput(cli.run("sweep", "--backend", "nope", "--rates", "5"), "unknown backend 'nope'");
    }

    @Test
    void workload_options_that_do_not_fit_together_are_bad_input() {
        assertBadInput(cli.run("run", "--backend", "postgres", "--workload", "rate", "--jobs", "10"),
                "the rate workload's jobs are --rate x --duration: leave out --jobs");
        assertBadInput(cli.run("run", "--backend", "postgres", "--workload", "rate", "--rate", "10"),
                "the rate workload needs --rate and --duration");
        assertBadInput(cli.run("run", "--backend", "postgres", "--workload", "backlog", "--jobs", "10", "--delay",
                "1s"), "a backlog's jobs are due when they are enqueued: leave out --delay");
        assertBadInput(cli.run("run", "--backend", "postgres", "--jobs", "10", "--rate", "5"),
                "--rate and --duration belong to the rate workload");
        assertBadInput(cli.run("run", "--backend", "postgres", "--workload", "burst", "--jobs", "10"),
                "workload must be one of delayed, backlog, rate, was 'burst'");
        assertBadInput(cli.run("run", "--backend", "postgres", "--jobs", "10", "--job-work", "sleep:2h"),
                "job work must take between 1ms and 1m, was 2h");
        assertBadInput(cli.run("run", "--backend", "postgres", "--jobs", "10", "--payload", "2MB"),
                "payload must be between 0 and 1MB");
    }

    @Test
    void compare_rejects_unknown_repeated_or_misaddressed_backends() {
        assertBadInput(cli.run("compare", "--jobs", "10", "--backends", "nope"), "unknown backend 'nope'");
        assertBadInput(cli.run("compare", "--jobs", "10", "--backends", "db-scheduler,db-scheduler"), "listed twice");
        assertBadInput(cli.run("compare", "--jobs", "10", "--backends", "db-scheduler", "-o", "threads=3"),
                "must start with one of the compared backends");
        assertBadInput(cli.run("compare", "--jobs", "0"), "jobs count must be between 1");
    }

    @Test
    void backends_lists_db_scheduler_with_its_library_version() {
        CliRunner.Result result = cli.run("backends", "--format", "json");

        assertThat(result.exitCode()).isZero();
        JsonNode dbScheduler = null;
        for (JsonNode backend : result.json()) {
            if (backend.get("id").asText().equals("db-scheduler")) {
                dbScheduler = backend;
            }
        }
        assertThat(dbScheduler).isNotNull();
        assertThat(dbScheduler.get("library_version").asText()).matches("\\d+\\.\\d+\\.\\d+");
    }

    private void awaitARunningRun() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            for (JsonNode run : cli.run("list", "--limit", "5", "--format", "json").json()) {
                String status = run.get("status").asText();
                if (status.equals("scheduling") || status.equals("running")) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the first run never started");
    }

    /** Exit code 2, one line on stderr that says {@code message}, nothing on stdout. */
    static void assertBadInput(CliRunner.Result result, String message) {
        assertThat(result.exitCode()).as("exit code; stderr: %s", result.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(result.err()).contains(message);
        assertThat(result.err().lines().filter(line -> line.startsWith("queue-bench:")).count()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
    }
}

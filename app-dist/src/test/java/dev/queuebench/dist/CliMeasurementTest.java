package dev.queuebench.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.queuebench.common.ExitCode;
import dev.queuebench.testing.TestPostgres.TestDatabase;
import dev.queuebench.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Trials, statistics, fingerprints, resources, exports and the regression check, through the CLI. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class CliMeasurementTest {

    private final TestDatabase database = TestPostgres.newDatabase();
    private final CliRunner cli = new CliRunner(database);

    @TempDir
    Path files;

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    private CliRunner.Result compare(String... args) {
        List<String> all = new ArrayList<>(List.of("compare", "--backends", "db-scheduler", "--jobs", "150",
                "--delay", "0s", "-o", "db-scheduler.poll-interval=200ms"));
        all.addAll(List.of(args));
        return cli.run(all.toArray(String[]::new));
    }

    @Test
    void bencher_metric_format_names_each_benchmark_stably_and_bounds_its_means_by_their_interval() throws Exception {
        CliRunner.Result result = compare("--trials", "3", "--format", "bmf");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode benchmarks = new ObjectMapper().readTree(result.out());
        assertBencherMetricFormat(benchmarks);
        String name = "queue-bench/db-scheduler/delayed-150-due-after-0s/one_by_one/tuned/10-threads";
        assertThat(benchmarks.fieldNames()).toIterable().containsExactly(name);
        JsonNode duration = benchmarks.get(name).get("run_duration_ms");
        assertThat(duration.get("lower_value").asDouble()).isPositive()
                .isLessThanOrEqualTo(duration.get("value").asDouble());
        assertThat(duration.get("upper_value").asDouble()).isGreaterThanOrEqualTo(duration.get("value").asDouble());
        assertThat(benchmarks.get(name).get("missing_jobs").get("value").asDouble()).isZero();
        assertThat(benchmarks.get(name).get("duplicate_executions").get("value").asDouble()).isZero();

        long runId = cli.run("list", "--limit", "1", "--format", "json").json().get(0).get("id").asLong();
        CliRunner.Result shown = cli.run("show", Long.toString(runId), "--format", "bmf");
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        JsonNode one = new ObjectMapper().readTree(shown.out());
        assertBencherMetricFormat(one);
        assertThat(one.fieldNames()).toIterable().as("the same command, the same benchmark").containsExactly(name);
        assertThat(one.get(name).get("run_duration_ms").has("lower_value")).as("one run: no interval").isFalse();
    }

    /** The shape of https://bencher.dev/bmf.json: benchmark -> measure -> {value, lower_value?, upper_value?}. */
    private static void assertBencherMetricFormat(JsonNode benchmarks) {
        assertThat(benchmarks.isObject()).isTrue();
        assertThat(benchmarks.size()).isPositive();
        benchmarks.fields().forEachRemaining(benchmark -> {
            assertThat(benchmark.getKey()).isNotBlank().hasSizeLessThanOrEqualTo(1_024);
            assertThat(benchmark.getValue().isObject()).isTrue();
            benchmark.getValue().fields().forEachRemaining(measure -> {
                assertThat(measure.getKey()).isNotBlank().hasSizeLessThanOrEqualTo(64);
                JsonNode metric = measure.getValue();
                assertThat(metric.get("value").isNumber()).as(measure.getKey()).isTrue();
                metric.fieldNames().forEachRemaining(field -> assertThat(field)
                        .isIn("value", "lower_value", "upper_value"));
                metric.fields().forEachRemaining(field -> assertThat(field.getValue().isNumber()).isTrue());
            });
        });
    }

    @Test
    void trials_after_discarded_warm_ups_come_with_statistics_resources_and_a_fingerprint() {
        int runsBefore = cli.run("list", "--limit", "500", "--format", "json").json().size();

        CliRunner.Result result = compare("--trials", "3", "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode backend = result.json().get(0);
        assertThat(backend.get("warmups").asInt()).as("one warm-up by default before several trials").isEqualTo(1);
        assertThat(backend.get("trials")).hasSize(3);
        JsonNode runDuration = backend.get("statistics").get("run_duration_ms");
        assertThat(runDuration.get("n").asInt()).isEqualTo(3);
        assertThat(runDuration.get("ci95_low").asDouble()).as("a duration's interval stays above zero").isPositive()
                .isLessThanOrEqualTo(runDuration.get("ci95_high").asDouble());
        assertThat(runDuration.get("ci95_low").asDouble()).isLessThanOrEqualTo(runDuration.get("max").asDouble());
        assertThat(runDuration.get("ci95_high").asDouble()).isGreaterThanOrEqualTo(runDuration.get("min").asDouble());
        assertThat(backend.get("statistics").fieldNames()).toIterable()
                .contains("run_duration_ms", "jobs_per_second", "pickup_lag_p99_ms");
        assertThat(backend.get("resources").get("samples").asInt()).isPositive();
        assertThat(backend.get("resources").get("heap_used_bytes").get("peak").asDouble()).isPositive();
        assertThat(backend.get("fingerprint").get("postgres.fsync")).isNotNull();
        assertThat(backend.get("fingerprint").get("jvm.version").asText()).isEqualTo(Runtime.version().toString());
        assertThat(cli.run("list", "--limit", "500", "--format", "json").json())
                .as("the warm-up was discarded, the three trials kept").hasSize(runsBefore + 3);
    }

    @Test
    void a_run_sized_by_time_is_calibrated_on_discarded_runs_and_its_steady_middle_lasts() {
        int runsBefore = cli.run("list", "--limit", "500", "--format", "json").json().size();

        CliRunner.Result result = cli.run("run", "--backend", "postgres", "--workload", "backlog", "--mode",
                "in_bulk", "--min-duration", "2s", "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("calibration on postgres: 1000 jobs (discarded)")
                .containsPattern("calibration on postgres: [\\d,]+ jobs/s steady, so [\\d,]+ jobs per run");
        JsonNode run = result.json();
        assertThat(run.get("jobs_count").asInt()).as("sized from the calibration").isGreaterThan(1_000);
        // the calibration's rate is an estimate: the middle lasts about the minimum, at least half of it
        assertThat(run.get("steady").get("window_ms").asLong()).isGreaterThanOrEqualTo(1_000);
        assertThat(run.get("steady").get("rate").asDouble()).isPositive();
        assertThat(cli.run("list", "--limit", "500", "--format", "json").json())
                .as("the calibration runs were discarded").hasSize(runsBefore + 1);
    }

    @Test
    void two_trials_are_too_few_for_an_interval_and_say_so() {
        CliRunner.Result json = compare("--trials", "2", "--warmup", "0", "--format", "json");
        JsonNode runDuration = json.json().get(0).get("statistics").get("run_duration_ms");
        assertThat(runDuration.get("n").asInt()).isEqualTo(2);
        assertThat(runDuration.get("ci95_low").isNull()).isTrue();
        assertThat(runDuration.get("ci95_high").isNull()).isTrue();

        CliRunner.Result table = compare("--trials", "2", "--warmup", "0");
        assertThat(table.out()).contains("too few trials (3+)").doesNotContain(" +- ");
    }

    @Test
    void a_run_shows_its_phases_percentiles_resources_and_fingerprint() {
        CliRunner.Result run = cli.run("run", "--backend", "db-scheduler", "--jobs", "300", "--delay", "1s",
                "-o", "poll-interval=200ms", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("lock_wait_ms").isNumber()).isTrue();
        assertThat(json.get("scheduling_phase_ms").isNumber()).isTrue();
        assertThat(json.get("draining_ms").isNumber()).isTrue();
        assertThat(json.get("pickup_lag_ms").fieldNames()).toIterable()
                .contains("count", "p50", "p90", "p95", "p99", "p999", "max");
        assertThat(json.get("enqueue_latency_ms").get("count").asLong()).isEqualTo(300);
        assertThat(json.get("completions_per_second").get("counts")).isNotEmpty();
        assertThat(json.get("enqueues_per_second").get("counts")).isNotEmpty();
        JsonNode resources = json.get("resources");
        assertThat(resources.get("samples").asInt()).isPositive();
        assertThat(resources.get("heap_used_bytes").get("peak").asDouble()).isPositive();
        assertThat(resources.get("transactions_committed").get("increase").asLong()).isNotNegative();
        assertThat(resources.get("pools").fieldNames()).toIterable().contains("qb-core", "qb-db-scheduler");
        assertThat(json.get("fingerprint").get("backend.threads").asText()).isEqualTo("10");
        assertThat(json.get("fingerprint").get("backend.poll-interval").asText()).isEqualTo("200ms");
        assertThat(json.get("fingerprint").get("run.job_delay").asText()).isEqualTo("1s");
        assertThat(json.get("fingerprint").get("database.kind").asText()).isEqualTo("external");

        CliRunner.Result table = cli.run("show", json.get("id").asText());
        assertThat(table.out()).contains("phases", "resources", "environment", "pickup lag");

        CliRunner.Result hgrm = cli.run("show", json.get("id").asText(), "--format", "hgrm", "--latency", "enqueue");
        assertThat(hgrm.exitCode()).as(hgrm.err()).isZero();
        List<String> lines = hgrm.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("       Value     Percentile TotalCount 1/(1-Percentile)");
        assertThat(lines).last().asString().startsWith("#[Buckets =");
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("#\\[Max .*Total count += +300]"));
        List<Double> millis = lines.stream().filter(line -> line.matches(" +[0-9.]+ +[0-9.]+ +[0-9]+.*"))
                .map(line -> Double.parseDouble(line.trim().split(" +")[0])).toList();
        assertThat(millis).as("values in milliseconds, ascending with the percentile").hasSizeGreaterThan(10)
                .isSorted();
        assertThat(millis.get(millis.size() - 1))
                .isCloseTo(json.get("enqueue_latency_ms").get("max").asDouble(), within(0.01));
    }

    @Test
    void html_reports_are_one_self_contained_file_of_a_comparison_of_picked_runs_or_of_one_run() {
        CliRunner.Result compared = cli.run("compare", "--backends", "db-scheduler,postgres", "--workload", "rate",
                "--rate", "100", "--duration", "2s", "-o", "db-scheduler.poll-interval=200ms", "--trials", "2",
                "--warmup", "0", "--format", "html");

        assertThat(compared.exitCode()).as(compared.err()).isZero();
        String html = compared.out();
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n")
                .doesNotContain("<script", "src=", "<link", "url(")
                .contains("<style>", "Over the trials: end-to-end p99 (ms)", "1.00x",
                        "Completions per second", "End-to-end latency by percentile",
                        "queue-bench compare --backends db-scheduler,postgres --workload rate --rate 100 --duration 2s"
                                + " -o db-scheduler.poll-interval=200ms --trials 2 --warmup 0 --format html"
                                + " --jdbc-url")
                .as("a report is passed on: no password in it").doesNotContain("--db-password");
        assertThat(html.split("class=\"run-title\"", -1)).as("a section per run").hasSize(5);

        JsonNode listed = cli.run("list", "--limit", "4", "--format", "json").json();
        String newest = listed.get(0).get("id").asText();
        String before = StreamSupport.stream(listed.spliterator(), false)
                .filter(run -> !run.get("backend").asText().equals(listed.get(0).get("backend").asText()))
                .findFirst().orElseThrow().get("id").asText();
        CliRunner.Result picked = cli.run("report", before, newest);
        assertThat(picked.exitCode()).as(picked.err()).isZero();
        assertThat(picked.out()).startsWith("<!DOCTYPE html>").doesNotContain("Over the trials")
                .contains("id=\"run-" + before + "\"", "id=\"run-" + newest + "\"",
                        "queue-bench run --backend postgres --workload rate --rate 100 --duration 2s",
                        "queue-bench run --backend db-scheduler --workload rate --rate 100 --duration 2s"
                                + " --mode one_by_one --threads 10 --profile tuned -o poll-interval=200ms");

        CliRunner.Result one = cli.run("show", newest, "--format", "html");
        assertThat(one.exitCode()).as(one.err()).isZero();
        assertThat(one.out()).contains("<title>Run " + newest + ": ", "id=\"run-" + newest + "\"");

        assertBadInput(cli.run("report", newest, newest), "run " + newest + " is listed twice");
        assertBadInput(cli.run("report", "999999"), "999999");
        assertBadInput(cli.run("report", newest, "--format", "bmf"), "report prints html, json or csv, not bmf");
    }

    @Test
    void csv_output_has_one_row_per_run_with_flattened_columns() {
        compare("--format", "json");
        CliRunner.Result csv = cli.run("list", "--limit", "1", "--format", "csv");

        List<String> lines = csv.out().lines().toList();
        assertThat(lines).as("a header and one run").hasSize(2);
        assertThat(lines.get(0)).startsWith("id,backend,profile,").contains("pickup_lag_ms_p99", "steady",
                "resources_heap_used_bytes_peak", "fingerprint_jvm.version");
    }

    @Test
    void a_results_log_gets_one_json_line_per_kept_run() throws Exception {
        Path log = files.resolve("results.jsonl");

        compare("--trials", "2", "--results-log", log.toString());
        compare("--results-log", log.toString());

        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSize(3);
        for (String line : lines) {
            assertThat(new ObjectMapper().readTree(line).get("status").asText()).isEqualTo("finished");
        }
        assertBadInput(compare("--results-log", files.resolve("no/such/dir/log.jsonl").toString()), "no directory");
    }

    @Test
    void a_baseline_far_better_than_now_is_a_regression_with_exit_code_3() throws Exception {
        CliRunner.Result now = compare("--trials", "3", "--format", "json");
        ArrayNode baseline = (ArrayNode) now.json();
        ObjectNode runDuration = (ObjectNode) baseline.get(0).get("statistics").get("run_duration_ms");
        double mean = runDuration.get("mean").asDouble();
        runDuration.put("mean", mean / 10).put("ci95_low", mean / 10 - 1).put("ci95_high", mean / 10 + 1);
        Path better = files.resolve("better.json");
        Files.writeString(better, baseline.toString());
        Path same = files.resolve("same.json");
        Files.writeString(same, now.out());

        // three trials, the fewest with an interval
        CliRunner.Result regressed = compare("--trials", "3", "--baseline", better.toString());
        assertThat(regressed.exitCode()).as(regressed.err()).isEqualTo(ExitCode.REGRESSION);
        assertThat(regressed.out()).contains("run_duration_ms").contains("regression");

        CliRunner.Result tooFew = compare("--trials", "2", "--baseline", better.toString());
        assertThat(tooFew.exitCode()).as("two trials cannot tell a regression").isZero();
        assertThat(tooFew.out()).contains("too few trials to tell").doesNotContain(" regression");

        Path garbage = files.resolve("garbage.json");
        Files.writeString(garbage, "{\"not\": \"a compare result\"}");
        assertBadInput(compare("--baseline", garbage.toString()), "is not a result of `compare --format json`");
        assertBadInput(compare("--baseline", files.resolve("missing.json").toString()), "cannot read the baseline");
    }

    @Test
    void export_prints_runs_since_a_time_as_csv_or_json() {
        compare("--format", "json");
        JsonNode all = cli.run("export", "--format", "json").json();
        assertThat(all.size()).isPositive();

        assertThat(cli.run("export", "--since", "2999-01-01", "--format", "json").json()).isEmpty();
        assertThat(cli.run("export").out().lines().count()).isEqualTo(all.size() + 1);
        assertBadInput(cli.run("export", "--since", "yesterday"), "--since must be a day like 2026-11-01");
        assertBadInput(cli.run("export", "--format", "table"), "export prints csv or json");
    }

    @Test
    void trials_and_warm_ups_out_of_range_are_refused() {
        assertBadInput(compare("--trials", "0"), "--trials must be between 1 and 100");
        assertBadInput(cli.run("run", "--backend", "db-scheduler", "--jobs", "10", "--warmup", "-1"),
                "--warmup must be between 0 and 100");
    }

    private static void assertBadInput(CliRunner.Result result, String message) {
        assertThat(result.exitCode()).as("exit code; stderr: %s", result.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(result.err()).contains(message);
        assertThat(result.out()).isEmpty();
    }
}

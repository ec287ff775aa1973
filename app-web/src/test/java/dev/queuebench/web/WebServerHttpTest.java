package dev.queuebench.web;

import static dev.queuebench.web.HttpBrowser.startRun;
import static dev.queuebench.web.HttpBrowser.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.queuebench.common.RunJson;
import dev.queuebench.common.Text;
import dev.queuebench.core.QueueBench;
import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.JobWork;
import dev.queuebench.domain.JobsCount;
import dev.queuebench.domain.NodeId;
import dev.queuebench.domain.RunEnding;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.RunStatus;
import dev.queuebench.domain.SchedulingMode;
import dev.queuebench.domain.SweepId;
import dev.queuebench.domain.SweepPlan;
import dev.queuebench.domain.measure.DatabaseSample;
import dev.queuebench.domain.measure.JvmSample;
import dev.queuebench.domain.measure.PoolSample;
import dev.queuebench.domain.measure.ResourceSample;
import dev.queuebench.persistence.JpaPersistence;
import dev.queuebench.ports.in.BenchmarkSettings;
import dev.queuebench.ports.in.RunFault;
import dev.queuebench.ports.in.RunListFilter;
import dev.queuebench.ports.in.RunListener;
import dev.queuebench.ports.in.RunReport;
import dev.queuebench.ports.in.StartRunCommand;
import dev.queuebench.ports.in.SweepResult;
import dev.queuebench.ports.spi.BackendSettings;
import dev.queuebench.ports.spi.PretendJob;
import dev.queuebench.ports.spi.QueueBackend;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import dev.queuebench.testing.Await;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every route over HTTP, against a real server on the real stores, with db-scheduler as the web command runs it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class WebServerHttpTest {

    private static final String SCRIPT = "<script>alert(1)</script>";

    private RunningWeb web;
    private HttpBrowser browser;

    @BeforeAll
    void startServer() {
        // jobs due at once: runs started here finish in about a second
        web = RunningWeb.start(WebSettings.defaults().withJobDelay(Duration.ZERO));
        browser = new HttpBrowser(web);
    }

    @AfterEach
    void endPendingRuns() {
        web.endPendingRuns();
    }

    @AfterAll
    void stopServer() {
        web.close();
    }

    @Test
    void the_home_page_shows_each_backend_with_its_preset_buttons_and_custom_form() {
        HttpResponse<String> page = browser.get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html"));
        String html = page.body();
        for (var backend : web.core.backends()) {
            assertThat(html).contains("id=\"backend-" + backend.id() + "\"", backend.libraryVersion());
        }
        assertThat(html).contains(
                "value=\"1000\">1k</button>", "value=\"10000\">10k</button>",
                "value=\"100000\">100k</button>", "value=\"1000000\">1M</button>",
                "name=\"benchmark_run[backend]\" value=\"db-scheduler\"",
                "name=\"benchmark_run[scheduling_mode]\"",
                "name=\"authenticity_token\"",
                "/assets/live.js", "/assets/style.css");
        String nav = html.substring(html.indexOf("<nav>"), html.indexOf("</nav>"));
        assertThat(nav).as("the navigation is for people").contains("href=\"/\"", "href=\"/sweeps\"")
                .doesNotContain("/api/", "/health");
        String footer = html.substring(html.indexOf("<footer"));
        assertThat(footer).contains("href=\"/api/runs\"", "href=\"/api/sweeps\"", "href=\"/health\"");
    }

    @Test
    void pages_forbid_scripts_and_styles_from_anywhere_but_this_server() {
        HttpResponse<String> page = browser.get("/");

        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("script-src 'self'", "frame-ancestors 'none'"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void the_script_and_the_stylesheet_are_served() {
        HttpResponse<String> script = browser.get("/assets/live.js");
        HttpResponse<String> style = browser.get("/assets/style.css");

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("/api/runs/");
        assertThat(style.statusCode()).isEqualTo(200);
        assertThat(style.body()).contains(".status-finished");
    }

    @Test
    void a_valid_form_starts_a_run_redirects_with_303_and_the_next_page_names_the_run_once() throws Exception {
        int before = web.runCount();

        HttpResponse<String> response = browser.submit("/benchmark_runs", with(startRun("db-scheduler", "20"),
                "benchmark_run[scheduling_mode]", "in_bulk"));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).contains("/");
        assertThat(web.runCount()).isEqualTo(before + 1);
        RunReport run = newestRun();
        assertThat(run.run().jobsCount()).isEqualTo(20);
        assertThat(run.run().spec().schedulingMode().wireName()).isEqualTo("in_bulk");
        assertThat(run.run().spec().jobDelay().value()).isZero();

        String next = browser.get("/").body();
        assertThat(next).contains("Run " + run.run().id() + " started: 20 jobs on db-scheduler, scheduled in bulk.");
        assertThat(browser.get("/").body()).doesNotContain("started: 20 jobs");
        web.awaitFinished(run.run().id(), Duration.ofSeconds(60));
    }

    @Test
    void a_run_from_the_page_runs_as_one_from_the_command_line_from_clean_tables_with_its_workers_stopped_after()
            throws Exception {
        QueueBackend dbScheduler = web.core.backend(RunningWeb.DB_SCHEDULER);
        // a job of no run, far in the future, left in the backend's table by an earlier run
        dbScheduler.enqueue(new PretendJob(RunId.of(999_999), 0, Instant.now().plusSeconds(3_600)));
        assertThat(dbScheduler.workersRunning()).isFalse();

        browser.submit("/benchmark_runs", startRun("db-scheduler", "15"));
        RunReport run = web.awaitFinished(newestRun().run().id(), Duration.ofSeconds(60));

        assertThat(run.completions().distinctCompleted()).isEqualTo(15);
        assertThat(run.run().timeline().submittedAt()).as("submitted when its turn came").isPresent();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (dbScheduler.workersRunning() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(dbScheduler.workersRunning()).as("workers stopped once the run ended").isFalse();
        try (Connection connection = web.database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet stale = statement.executeQuery(
                     "select count(*) from scheduled_tasks where task_instance = '999999-0'")) {
            stale.next();
            assertThat(stale.getInt(1)).as("the earlier job was cleared before the run").isZero();
        }
    }

    @Test
    void the_scheduling_mode_may_be_left_out_and_is_then_one_by_one() throws Exception {
        HttpResponse<String> response = browser.submit("/benchmark_runs", startRun("db-scheduler", "3"));

        assertThat(response.statusCode()).isEqualTo(303);
        RunReport run = newestRun();
        assertThat(run.run().spec().schedulingMode().wireName()).isEqualTo("one_by_one");
        web.awaitFinished(run.run().id(), Duration.ofSeconds(60));
    }

    static Stream<Arguments> bad_forms() {
        return Stream.of(
                Arguments.of("an unknown backend", startRun("sidekiq", "10"),
                        "Unknown backend 'sidekiq'; registered backends: db-scheduler"),
                Arguments.of("a backend id of the wrong shape", startRun("DB Scheduler!", "10"),
                        "Unknown backend 'DB Scheduler!'"),
                Arguments.of("no backend", startRun(null, "10"), "Choose a backend: db-scheduler"),
                Arguments.of("no jobs count", startRun("db-scheduler", null),
                        "Enter a jobs count between 1 and 10,000,000"),
                Arguments.of("a blank jobs count", startRun("db-scheduler", "  "),
                        "Enter a jobs count between 1 and 10,000,000"),
                Arguments.of("zero jobs", startRun("db-scheduler", "0"),
                        "Jobs count must be between 1 and 10,000,000, was 0"),
                Arguments.of("too many jobs", startRun("db-scheduler", "10000001"),
                        "Jobs count must be between 1 and 10,000,000, was 10000001"),
                Arguments.of("negative jobs", startRun("db-scheduler", "-5"),
                        "Jobs count must be between 1 and 10,000,000, was -5"),
                Arguments.of("a count beyond any integer", startRun("db-scheduler", "99999999999999999999999"),
                        "Jobs count must be a whole number between 1 and 10,000,000, was '99999999999999999999999'"),
                Arguments.of("a count that is not a number", startRun("db-scheduler", "lots"),
                        "Jobs count must be a whole number between 1 and 10,000,000, was 'lots'"),
                Arguments.of("a fractional count", startRun("db-scheduler", "1.5"),
                        "Jobs count must be a whole number"),
                Arguments.of("an unknown scheduling mode",
                        with(startRun("db-scheduler", "10"), "benchmark_run[scheduling_mode]", "fast"),
                        "Scheduling mode must be one of one_by_one, in_bulk, was 'fast'"),
                Arguments.of("an unknown workload",
                        with(startRun("db-scheduler", "10"), "benchmark_run[workload]", "burst"),
                        "Workload must be one of delayed, backlog, rate, was 'burst'"),
                Arguments.of("a rate without its duration",
                        with(with(startRun("db-scheduler", null), "benchmark_run[workload]", "rate"),
                                "benchmark_run[rate]", "50"),
                        "The rate workload needs a duration, e.g. 60s"),
                Arguments.of("a rate with neither its rate nor its duration",
                        with(startRun("db-scheduler", null), "benchmark_run[workload]", "rate"),
                        "The rate workload needs a rate in jobs per second, e.g. 200; the rate workload needs a"
                                + " duration, e.g. 60s."),
                Arguments.of("two bad fields, both named",
                        with(startRun("db-scheduler", "lots"), "benchmark_run[scheduling_mode]", "fast"),
                        "Scheduling mode must be one of one_by_one, in_bulk, was 'fast'; jobs count must be a whole"
                                + " number between 1 and 10,000,000, was 'lots'."),
                Arguments.of("a rate that is not a number",
                        with(with(with(startRun("db-scheduler", null), "benchmark_run[workload]", "rate"),
                                "benchmark_run[rate]", "fast"), "benchmark_run[duration]", "10s"),
                        "Rate must be a number of jobs per second, was 'fast'"),
                Arguments.of("a backlog without a count",
                        with(startRun("db-scheduler", null), "benchmark_run[workload]", "backlog"),
                        "Enter a jobs count between 1 and 10,000,000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad_forms")
    void a_bad_form_gets_422_with_the_reason_on_the_page_and_persists_nothing(String what, Map<String, String> form,
                                                                             String message) {
        int before = web.runCount();

        HttpResponse<String> response = browser.submit("/benchmark_runs", form);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(text(response.body())).contains(message);
        assertThat(response.body()).contains("class=\"alert\"", "id=\"backend-db-scheduler\"");
        if ("db-scheduler".equals(form.get("benchmark_run[backend]"))) {
            assertThat(response.body()).as("the browser lands on the refused form, not at the top of the page")
                    .containsPattern("aria-label=\"(Jobs count|Rate, jobs per second)\"\\s+autofocus");
        }
        assertThat(web.runCount()).isEqualTo(before);
    }

    @Test
    void the_custom_form_starts_a_backlog_and_a_rate_and_their_pages_say_how_they_came_out() throws Exception {
        HttpResponse<String> backlog = browser.submit("/benchmark_runs", with(startRun("db-scheduler", "30"),
                "benchmark_run[workload]", "backlog"));
        assertThat(backlog.statusCode()).isEqualTo(303);
        RunReport drained = web.awaitFinished(newestRun().run().id(), Duration.ofSeconds(60));
        assertThat(drained.run().spec().workload().wireName()).isEqualTo("backlog");
        String drainedPage = text(browser.get("/runs/" + drained.run().id()).body());
        assertThat(drainedPage)
                .contains("a backlog: every job enqueued, due at once, with no worker running, then drained",
                        "drained at");
        if (drained.environment().get(RunReport.STATEMENTS_FACT).equals("on")) {
            // the statements are stored just after the run is marked finished
            Await.until(() -> !web.core.runReport(drained.run().id()).orElseThrow().topStatements().isEmpty());
            String html = browser.get("/runs/" + drained.run().id()).body();
            assertThat(text(html)).contains("Where the time went", "Database time by statement",
                    "from scheduled_tasks");
            assertThat(html).contains("<tr data-source=\"backend\">");
        } else {
            assertThat(drainedPage).contains("No statements were recorded: pg_stat_statements off: ");
        }

        HttpResponse<String> rate = browser.submit("/benchmark_runs", with(with(with(startRun("db-scheduler", null),
                "benchmark_run[workload]", "rate"), "benchmark_run[rate]", "10"), "benchmark_run[duration]", "2s"));
        assertThat(rate.statusCode()).isEqualTo(303);
        RunReport offered = web.awaitFinished(newestRun().run().id(), Duration.ofSeconds(60));
        assertThat(offered.run().jobsCount()).isEqualTo(20);
        assertThat(text(browser.get("/runs/" + offered.run().id()).body()))
                .contains("offered at 10.0 jobs/s for 2.00 s", "10.0 jobs/s offered");
    }

    @Test
    void a_run_that_two_nodes_executed_lists_each_nodes_share_on_its_page() throws Exception {
        try (JpaPersistence stores = JpaPersistence.open(web.database.dataSource());
             QueueBench second = QueueBench.builder().stores(stores.stores())
                     .dataSource(web.database.dataSource())
                     .settings(BenchmarkSettings.defaults().withNodeId(NodeId.of("second-node"))
                             .withFlushInterval(Duration.ofMillis(200)))
                     .backendSettings(RunningWeb.DB_SCHEDULER, BackendSettings.of(Map.of("poll-interval", "200ms")))
                     .build()) {
            second.serveWorkers(RunningWeb.DB_SCHEDULER);

            RunReport report = web.core.runToEnd(StartRunCommand.of(RunningWeb.DB_SCHEDULER.value(), 1_000,
                    SchedulingMode.ONE_BY_ONE, Duration.ofSeconds(2)), RunListener.SILENT);

            assertThat(report.completions().distinctCompleted()).isEqualTo(1_000);
            assertThat(report.nodes()).extracting(node -> node.node().value()).contains("second-node")
                    .contains(web.core.settings().nodeId().value());
            String page = browser.get("/runs/" + report.run().id()).body();
            assertThat(text(page)).contains("Nodes", "second-node", web.core.settings().nodeId().value(), "fairness");
        }
    }

    @Test
    void a_refused_form_is_shown_again_next_to_its_backend_with_what_was_typed() {
        HttpResponse<String> response = browser.submit("/benchmark_runs", with(startRun("db-scheduler", "lots"),
                "benchmark_run[scheduling_mode]", "in_bulk"));

        String panel = response.body().substring(response.body().indexOf("id=\"backend-db-scheduler\""));
        assertThat(panel).contains("value=\"lots\"", "<option value=\"in_bulk\" selected>", "role=\"alert\"");
    }

    @Test
    void a_post_without_a_token_is_forbidden_and_changes_nothing() {
        browser.get("/");
        int before = web.runCount();

        HttpResponse<String> response = browser.post("/benchmark_runs", startRun("db-scheduler", "10"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(text(response.body())).contains("security token is missing or out of date");
        assertThat(web.runCount()).isEqualTo(before);
    }

    @Test
    void a_post_with_a_wrong_token_is_forbidden_and_changes_nothing() {
        browser.get("/");
        int before = web.runCount();

        HttpResponse<String> response = browser.post("/benchmark_runs",
                with(startRun("db-scheduler", "10"), "authenticity_token", "forged"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(web.runCount()).isEqualTo(before);
    }

    @Test
    void a_token_is_good_only_for_the_browser_it_was_given_to() {
        String othersToken = new HttpBrowser(web).token();
        browser.get("/");
        int before = web.runCount();

        HttpResponse<String> response = browser.post("/benchmark_runs",
                with(startRun("db-scheduler", "10"), "authenticity_token", othersToken));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(web.runCount()).isEqualTo(before);
    }

    @Test
    void a_token_without_its_cookie_is_forbidden() {
        String token = browser.token();
        HttpBrowser cookieless = new HttpBrowser(web);
        int before = web.runCount();

        HttpResponse<String> response = cookieless.post("/benchmark_runs",
                with(startRun("db-scheduler", "10"), "authenticity_token", token));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(web.runCount()).isEqualTo(before);
    }

    @Test
    void an_oversized_body_gets_413_and_changes_nothing() {
        int before = web.runCount();
        Map<String, String> form = with(startRun("db-scheduler", "10"), "authenticity_token", browser.token());
        form.put("padding", "x".repeat(WebServer.MAX_REQUEST_BYTES));

        HttpResponse<String> response = browser.post("/benchmark_runs", form);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(text(response.body())).contains("larger than this server accepts");
        assertThat(web.runCount()).isEqualTo(before);
    }

    @Test
    void the_run_page_shows_phases_counts_percentiles_and_the_chart_of_a_finished_run() throws Exception {
        RunId id = startRunAndAwaitFinished("50");

        HttpResponse<String> page = browser.get("/runs/" + id);

        assertThat(page.statusCode()).isEqualTo(200);
        String html = text(page.body());
        assertThat(html).contains("Run #" + id, "finished", "Waiting for the lock", "Scheduling", "Draining",
                "Distinct", "Duplicates", "Missing", "jobs/s", "Pickup lag", "End-to-end", "Enqueue",
                "p50", "p90", "p95", "p99", "p99.9", "Max");
        assertThat(html).containsPattern("<th>Distinct</th><td class=\"num\">50</td>");
        assertThat(html).containsPattern("<th>Missing</th><td class=\"num\">0</td>");
        assertThat(html).contains("<svg", "class=\"area completions\" d=\"M");
        assertThat(html).containsPattern("<th>Scheduling <span class=\"hint\">[^<]*</span></th>\\s*"
                + "<td class=\"num\">[0-9.]+ m?s</td>\\s*<td class=\"num\">[0-9,.]+ jobs/s</td>");
        assertThat(html).doesNotContain("Pending");
    }

    @Test
    void the_run_page_draws_the_latency_distribution_and_serves_it_as_hdrhistogram_text() throws Exception {
        RunId id = startRunAndAwaitFinished("50");

        String html = text(browser.get("/runs/" + id).body());
        assertThat(html).contains("<h3>Distribution</h3>", "aria-label=\"Latency by percentile, log scale of",
                ">p0</text>", ">p90</text>", "class=\"line c1\" d=\"M", "class=\"line c2\" d=\"M");
        assertThat(html).containsPattern("pickup lag from -?[0-9.]+ (µs|ms|s) to -?[0-9.]+ (µs|ms|s) at p98");

        HttpResponse<String> enqueue = browser.get("/api/runs/" + id + "/latency.hgrm?latency=enqueue");
        assertThat(enqueue.statusCode()).isEqualTo(200);
        assertThat(enqueue.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/plain"));
        assertThat(enqueue.body()).startsWith("       Value     Percentile TotalCount 1/(1-Percentile)")
                .containsPattern("Total count += +50]");
        assertThat(html).contains("/api/runs/" + id + "/latency.hgrm?latency=enqueue");

        HttpResponse<String> unknown = browser.get("/api/runs/" + id + "/latency.hgrm?latency=lag");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(json(unknown).get("error").asText()).contains("choose one of pickup-lag, end-to-end, enqueue");
        assertThat(browser.get("/api/runs/999999/latency.hgrm").statusCode()).isEqualTo(404);
    }

    @Test
    void the_run_page_of_a_finished_run_plots_its_resources_and_lists_its_environment() throws Exception {
        // long enough for several samples: the first one comes one sampling interval after scheduling starts
        RunId id = startRunAndAwaitFinished("1500");
        RunReport report = web.core.runReport(id).orElseThrow();
        String libraryVersion = web.core.backends().get(0).libraryVersion();

        String html = browser.get("/runs/" + id).body();

        assertThat(report.resourceSamples()).hasSizeGreaterThanOrEqualTo(2);
        String resources = section(html, "resources");
        assertThat(resources).contains("<h2>Resources</h2>", "samples over", "Peak", "Mean", "Increase",
                "Per second", "Heap used", "Commits", "Tuples inserted", "Sessions waiting on locks",
                "Memory (MB)", "Process CPU", "Machine CPU", "PostgreSQL CPU", "PostgreSQL commits per second",
                "PostgreSQL tuple changes per second",
                "Connection pools", "Backend table rows", "Backend table size (MB)");
        assertThat(resources).doesNotContain("No resources were sampled");
        assertThat(Pattern.compile("<svg ").matcher(resources).results().count()).isEqualTo(7);
        assertThat(resources).containsPattern("<path class=\"line c1\" d=\"M[0-9., LM]+\">");
        String timeWent = section(html, "time-went");
        assertThat(timeWent).contains("<h2>Where the time went</h2>", "Workers busy (% of 10 threads)",
                "CPU (% of all cores)", "this process", "the machine");
        assertThat(timeWent).contains("Jobs due, not yet finished");
        assertThat(Pattern.compile("<svg ").matcher(timeWent).results().count()).isEqualTo(3);
        String environment = section(html, "environment");
        assertThat(environment).contains("<h2>Environment</h2>", "Queue Bench, JVM and machine", "PostgreSQL",
                "Backend", "Run");
        assertThat(environment).contains("<th title=\"backend.library_version\">Library version</th><td>"
                + libraryVersion + "</td>");
        assertThat(environment).contains("<th title=\"postgres.synchronous_commit\">synchronous_commit</th>");
        assertThat(environment).contains("<th title=\"run.jobs_count\">Jobs</th><td>1,500</td>");
    }

    @Test
    void the_run_page_marks_each_fault_on_the_chart_and_lists_it_in_a_table() throws Exception {
        RunId id = startRunAndAwaitFinished("50");
        // the chart's time axis starts at the second of the first enqueue and is at least a second wide
        Instant zero = Instant.ofEpochSecond(web.core.runReport(id).orElseThrow().enqueuesPerSecond()
                .startEpochSecond());
        web.persistence.runFaults().saveFaults(id, List.of(
                new RunFault(RunFault.DATABASE_UNREACHABLE, zero.plusMillis(200), zero.plusMillis(700), "node-a",
                        "Connection refused"),
                new RunFault("kill_node", zero.plusMillis(900), zero.plusMillis(900), "node-b", SCRIPT)));

        String html = browser.get("/runs/" + id).body();

        assertThat(Pattern.compile("<g class=\"marker\">").matcher(html).results().count()).isEqualTo(2);
        assertThat(html).contains("2 faults marked",
                "<title>database unreachable on node-a for 500 ms: Connection refused</title>",
                "<title>kill node on node-b: &lt;script&gt;alert(1)&lt;/script&gt;</title>",
                ">database unreachable</text>", ">kill node</text>", "<rect class=\"marker-band\"");
        String faults = section(html, "faults");
        assertThat(faults).contains("<h2>Faults</h2>", "seconds since the first enqueue")
                .containsPattern(cells("database unreachable", "node-a", "200 ms", "500 ms", "Connection refused"))
                .containsPattern(cells("kill node", "node-b", "900 ms", "-", "&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertThat(html).doesNotContain("<script>alert");
    }

    @Test
    void a_run_without_faults_has_neither_markers_nor_a_faults_table() throws Exception {
        RunId id = startRunAndAwaitFinished("20");

        String html = browser.get("/runs/" + id).body();

        assertThat(html).contains("class=\"area completions\" d=\"M")
                .doesNotContain("class=\"marker", "id=\"faults\"", "<h2>Faults</h2>", "faults marked");
    }

    @Test
    void a_run_without_samples_or_fingerprint_says_so() {
        RunId id = web.insertPendingRun(10);

        String html = browser.get("/runs/" + id).body();

        assertThat(section(html, "resources")).contains("No resources were sampled for this run.")
                .doesNotContain("<svg");
        assertThat(section(html, "environment")).contains("No fingerprint was stored for this run.");
    }

    @Test
    void a_stalled_run_says_why_it_stalled_and_what_became_of_its_jobs_instead_of_pending_for_ever() {
        RunId id = web.insertPendingRun(10);
        BenchmarkRun run = web.persistence.loadRuns().loadRun(id).orElseThrow();
        web.persistence.saveRuns().saveEnding(run.end(RunEnding.stalled(Duration.ofSeconds(120), Instant.now())
                .withPendingJobs(4)));

        String html = text(browser.get("/runs/" + id).body());

        assertThat(html).contains("This run stalled: no progress for 120s; the last progress was at ",
                "10 of 10 jobs never ran (4 still in the backend's queue when it ended, 6 gone from it).",
                "A run stalls when none of its jobs finishes for the stall timeout (--stall-timeout, 120s unless"
                        + " set)");
        assertThat(html).contains("never ended").doesNotContain("Pending");
    }

    @Test
    void fingerprints_and_pool_names_never_reach_the_page_unescaped() {
        RunId id = web.insertPendingRun(10);
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("backend.id", SCRIPT);
        environment.put("backend." + SCRIPT, "1s");
        environment.put(SCRIPT, SCRIPT);
        web.persistence.environments().saveEnvironment(id, environment);
        Instant now = Instant.now();
        for (int second = 0; second < 2; second++) {
            web.persistence.resourceSamples().saveSample(id, new ResourceSample(now.plusSeconds(second),
                    new JvmSample(1L << 26, 1L << 27, 0.25, 0, 0, 20), List.of(new PoolSample(SCRIPT, 1, 0, 1)),
                    new DatabaseSample(100L * second, 0, 0, 0, 0, 0, 0)));
        }

        HttpResponse<String> page = browser.get("/runs/" + id);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)");
        assertThat(section(page.body(), "environment")).contains("Other");
        assertThat(section(page.body(), "resources")).contains("<svg ", "seconds since scheduling started");
    }

    @Test
    void picked_runs_are_compared_side_by_side_at_an_address_of_their_own_and_offered_as_one_file() throws Exception {
        RunId first = startRunAndAwaitFinished("50");
        RunId second = startRunAndAwaitFinished("60");

        HttpResponse<String> page = browser.get("/compare?runs=" + first + "&runs=" + second);

        assertThat(page.statusCode()).isEqualTo(200);
        String html = text(page.body());
        assertThat(html).contains("<h1>db-scheduler: 2 runs</h1>", "href=\"/runs/" + first + "\"",
                "href=\"/runs/" + second + "\"", "Completions per second", "End-to-end latency by percentile",
                "Where the time went", "Resources", "Settings that differ", "run.jobs_count",
                "queue-bench run --backend db-scheduler --workload delayed --jobs 50",
                "queue-bench run --backend db-scheduler --workload delayed --jobs 60",
                "href=\"/compare/report.html?runs=" + first + "," + second + "\"");
        assertThat(html).as("one backend's runs share its colour, the second dashed")
                .contains("class=\"line c1\" d=\"M", "class=\"line c1 dashed\" d=\"M");
        assertThat(text(browser.get("/compare?runs=" + first + "," + second + "," + first).body()))
                .as("a run asked for twice is shown once").contains("<h1>db-scheduler: 2 runs</h1>");

        HttpResponse<String> file = browser.get("/compare/report.html?runs=" + first + "," + second);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"queue-bench-runs-"
                + first + "-" + second + ".html\"");
        assertThat(file.headers().firstValue("Content-Security-Policy")).hasValue(ComparePage.REPORT_POLICY);
        assertThat(file.body()).startsWith("<!DOCTYPE html>").contains("<style>", "id=\"run-" + first + "\"")
                .doesNotContain("<script", "<link", "src=");

        String home = browser.get("/").body();
        assertThat(home).contains("<form id=\"compare-runs\" class=\"compare-pick\" method=\"get\" action=\"/compare\">",
                "<input type=\"checkbox\" name=\"runs\" value=\"" + first + "\" form=\"compare-runs\"");
    }

    static Stream<Arguments> bad_comparisons() {
        return Stream.of(
                Arguments.of("/compare", 422, "Pick the runs to compare"),
                Arguments.of("/compare?runs=,", 422, "Pick the runs to compare"),
                Arguments.of("/compare?runs=1,x", 422, "Run ids are positive whole numbers; 'x' is not one."),
                Arguments.of("/compare?runs=0&runs=-2", 422, "'0', '-2' are not."),
                Arguments.of("/compare?runs=" + String.join(",", java.util.stream.IntStream.rangeClosed(1, 25)
                        .mapToObj(Integer::toString).toList()), 422, "at most 24 runs, not 25"),
                Arguments.of("/compare?runs=999999", 404, "There is no run 999999."),
                Arguments.of("/compare/report.html?runs=x", 422, "'x' is not one."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad_comparisons")
    void a_comparison_of_runs_that_cannot_be_compared_says_why(String path, int status, String message) {
        HttpResponse<String> page = browser.get(path);

        assertThat(page.statusCode()).isEqualTo(status);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html"));
        assertThat(text(page.body())).contains(message);
    }

    @Test
    void an_unknown_run_is_a_404_page() {
        HttpResponse<String> page = browser.get("/runs/999999");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html"));
        assertThat(page.body()).contains("There is no run 999999.");
    }

    @Test
    void a_run_id_that_is_not_a_number_is_a_404_page() {
        assertThat(browser.get("/runs/abc").statusCode()).isEqualTo(404);
        assertThat(browser.get("/runs/-1").statusCode()).isEqualTo(404);
        assertThat(browser.get("/runs/0").statusCode()).isEqualTo(404);
        assertThat(browser.get("/runs/99999999999999999999999").statusCode()).isEqualTo(404);
    }

    @Test
    void an_unknown_address_is_a_404_page_and_an_unknown_api_address_a_404_json_error() throws Exception {
        HttpResponse<String> page = browser.get("/nowhere");
        HttpResponse<String> api = browser.get("/api/nowhere");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("There is no page at this address.");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(json(api).get("status").asInt()).isEqualTo(404);
    }

    @Test
    void the_api_returns_a_run_exactly_as_the_cli_prints_it() throws Exception {
        RunId id = startRunAndAwaitFinished("10");

        HttpResponse<String> response = browser.get("/api/runs/" + id);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/json"));
        String cliJson = RunJson.mapper().writeValueAsString(RunJson.of(web.core.runReport(id).orElseThrow()));
        assertThat(response.body()).isEqualTo(cliJson);
        assertThat(json(response).get("status").asText()).isEqualTo("finished");
    }

    @Test
    void the_api_lists_runs_newest_first_with_the_keys_of_a_run() throws Exception {
        RunId older = web.insertPendingRun(7);
        RunId newer = web.insertPendingRun(8);

        JsonNode runs = json(browser.get("/api/runs?backend=db-scheduler&limit=2"));

        assertThat(runs.isArray()).isTrue();
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).get("id").asLong()).isEqualTo(newer.value());
        assertThat(runs.get(1).get("id").asLong()).isEqualTo(older.value());
        JsonNode expected = RunJson.mapper().valueToTree(RunJson.of(web.core.runReport(newer).orElseThrow()));
        assertThat(fieldNames(runs.get(0))).isEqualTo(fieldNames(expected));
    }

    @Test
    void the_api_pages_with_before() throws Exception {
        RunId older = web.insertPendingRun(7);
        RunId newer = web.insertPendingRun(8);

        JsonNode runs = json(browser.get("/api/runs?limit=1&before=" + newer));

        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).get("id").asLong()).isEqualTo(older.value());
    }

    static Stream<Arguments> bad_queries() {
        return Stream.of(
                Arguments.of("/api/runs?limit=0", "Limit must be between 1 and 500, was 0"),
                Arguments.of("/api/runs?limit=501", "Limit must be between 1 and 500, was 501"),
                Arguments.of("/api/runs?limit=many", "Limit must be a whole number between 1 and 500, was 'many'"),
                Arguments.of("/api/runs?before=yesterday", "Before must be a run id"),
                Arguments.of("/api/runs?before=0", "Before must be a run id"),
                Arguments.of("/api/runs?backend=sidekiq",
                        "Unknown backend 'sidekiq'; registered backends: db-scheduler"),
                Arguments.of("/api/runs?backend=%3Cscript%3E", "Unknown backend '<script>'"),
                Arguments.of("/api/runs?status=lost", "Status must be one of pending, scheduling, running, finished,"
                        + " stalled, interrupted, was 'lost'"),
                Arguments.of("/api/runs?workload=burst", "Workload must be one of delayed, backlog, rate, was 'burst'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad_queries")
    void a_bad_api_query_gets_422_with_a_json_message(String path, String message) throws Exception {
        HttpResponse<String> response = browser.get(path);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/json"));
        JsonNode error = json(response);
        assertThat(error.get("status").asInt()).isEqualTo(422);
        assertThat(error.get("error").asText()).contains(message);
    }

    @Test
    void an_unknown_run_in_the_api_is_a_404_json_error() throws Exception {
        HttpResponse<String> unknown = browser.get("/api/runs/999999");
        HttpResponse<String> garbage = browser.get("/api/runs/abc");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("error").asText()).isEqualTo("There is no run 999999.");
        assertThat(garbage.statusCode()).isEqualTo(404);
        assertThat(json(garbage).get("error").asText()).contains("run ids are positive whole numbers");
    }

    @Test
    void health_reports_the_database_and_each_backends_workers() throws Exception {
        HttpResponse<String> response = browser.get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = json(response);
        assertThat(health.get("status").asText()).isEqualTo("ok");
        assertThat(health.get("database").get("status").asText()).isEqualTo("up");
        assertThat(health.get("database").get("version").asText()).startsWith("PostgreSQL");
        JsonNode backend = health.get("backends").get(0);
        assertThat(backend.get("id").asText()).isEqualTo("db-scheduler");
        assertThat(backend.get("workers_running").asBoolean()).as("workers run only while a run of theirs runs")
                .isFalse();
        assertThat(backend.get("library_version").asText()).matches("\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void health_is_503_when_the_database_does_not_answer() throws Exception {
        try (WebServer failing = WebServer.start(web.core, WebSettings.defaults().withPort(0), () -> {
            throw new SQLException("Connection to 127.0.0.1:5432 refused");
        })) {
            HttpResponse<String> response = new HttpBrowser(web).get(failing.uri().resolve("/health"));

            assertThat(response.statusCode()).isEqualTo(503);
            JsonNode health = json(response);
            assertThat(health.get("status").asText()).isEqualTo("unavailable");
            assertThat(health.get("database").get("status").asText()).isEqualTo("down");
            assertThat(health.get("database").get("error").asText()).contains("refused");
            assertThat(health.get("backends")).hasSize(web.core.backends().size());
        }
    }

    @Test
    void a_port_in_use_is_refused_with_a_message_that_says_so() {
        WebSettings taken = WebSettings.defaults().withPort(web.server.port());

        assertThatThrownBy(() -> WebServer.start(web.core, taken, () -> "PostgreSQL"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot listen on 127.0.0.1:" + web.server.port());
    }

    @Test
    void user_input_never_reaches_a_page_unescaped() {
        List<HttpResponse<String>> responses = new ArrayList<>();
        responses.add(browser.submit("/benchmark_runs", startRun(SCRIPT, "10")));
        responses.add(browser.submit("/benchmark_runs", startRun("db-scheduler", SCRIPT)));
        responses.add(browser.submit("/benchmark_runs", with(startRun("db-scheduler", "10"),
                "benchmark_run[scheduling_mode]", SCRIPT)));
        responses.add(browser.get("/?backend=%3Cscript%3Ealert(1)%3C%2Fscript%3E&before=1"));
        responses.add(browser.get("/?backend=db-scheduler&before=%3Cscript%3Ealert(1)%3C%2Fscript%3E"));
        responses.add(browser.get("/runs/%3Cscript%3Ealert(1)"));

        for (HttpResponse<String> response : responses) {
            assertThat(response.statusCode()).as(response.uri().toString()).isIn(404, 422);
            assertThat(response.body()).doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)");
        }
    }

    @Test
    void a_bad_list_query_on_the_home_page_gets_422_with_the_reason() {
        HttpResponse<String> unknownBackend = browser.get("/?backend=sidekiq&before=3");
        HttpResponse<String> garbage = browser.get("/?backend=db-scheduler&before=yesterday");
        HttpResponse<String> status = browser.get("/?status=lost");
        HttpResponse<String> workload = browser.get("/?workload=burst");

        assertThat(unknownBackend.statusCode()).isEqualTo(422);
        assertThat(text(unknownBackend.body())).contains("Unknown backend 'sidekiq'");
        assertThat(garbage.statusCode()).isEqualTo(422);
        assertThat(text(garbage.body())).contains("Before must be a run id (a positive whole number), was 'yesterday'");
        assertThat(status.statusCode()).isEqualTo(422);
        assertThat(text(status.body())).contains("Status must be one of pending, scheduling, running, finished,"
                + " stalled, interrupted, was 'lost'");
        assertThat(workload.statusCode()).isEqualTo(422);
        assertThat(text(workload.body())).contains("Workload must be one of delayed, backlog, rate, was 'burst'");
    }

    @Test
    void the_home_page_lists_25_runs_newest_first_and_links_to_the_older_ones_under_the_same_filters() {
        List<RunId> inserted = new ArrayList<>();
        for (int i = 0; i < HomePage.RUNS_PER_PAGE + 1; i++) {
            inserted.add(web.insertPendingRun(100 + i));
        }
        RunId newest = inserted.get(inserted.size() - 1);

        String first = browser.get("/?status=pending").body();
        List<Long> firstIds = runIds(first);
        Matcher older = Pattern.compile("href=\"(/\\?status=pending&amp;before=(\\d+)#runs)\"").matcher(first);

        assertThat(firstIds).hasSize(HomePage.RUNS_PER_PAGE).startsWith(newest.value()).isSortedAccordingTo(
                (a, b) -> Long.compare(b, a));
        assertThat(first).contains("Older runs").doesNotContain("Newest runs")
                .contains("<option value=\"pending\" selected>pending</option>");
        assertThat(older.find()).isTrue();
        assertThat(Long.parseLong(older.group(2))).isEqualTo(firstIds.get(firstIds.size() - 1));

        HttpResponse<String> second = browser.get(text(older.group(1)));
        assertThat(second.statusCode()).isEqualTo(200);
        List<Long> secondIds = runIds(second.body());
        assertThat(secondIds).isNotEmpty().allMatch(id -> id < firstIds.get(firstIds.size() - 1));
        assertThat(secondIds).contains(inserted.get(0).value());
        assertThat(second.body()).contains("Newest runs");
    }

    @Test
    void the_list_filters_by_status_and_workload_and_tags_what_sets_a_run_apart() throws Exception {
        RunId finished = startRunAndAwaitFinished("30");
        RunId pending = web.insertPendingRun(20);

        assertThat(runIds(browser.get("/?status=finished").body())).contains(finished.value())
                .doesNotContain(pending.value());
        assertThat(runIds(browser.get("/?status=pending").body())).contains(pending.value())
                .doesNotContain(finished.value());
        assertThat(runIds(browser.get("/?workload=delayed&backend=db-scheduler").body()))
                .contains(finished.value(), pending.value());
        assertThat(text(browser.get("/?workload=rate&status=interrupted").body()))
                .contains("No run matches these filters.");
        JsonNode api = json(browser.get("/api/runs?status=finished&workload=delayed"));
        assertThat(api.findValuesAsText("id")).contains(finished.toString()).doesNotContain(pending.toString());

        String finishedRow = row(browser.get("/").body(), finished);
        assertThat(finishedRow).contains(">db-scheduler<", ">delayed", "class=\"tag\">delay ")
                .containsPattern("<td class=\"num\">[0-9,.]+</td>\\s*<td class=\"num\">[0-9.]+ m?s</td>");
    }

    @Test
    void each_row_shows_jobs_created_time_both_durations_and_a_live_status() throws Exception {
        RunId finished = startRunAndAwaitFinished("30");
        RunId pending = web.insertPendingRun(12_345);

        String html = browser.get("/").body();

        String finishedRow = row(html, finished);
        assertThat(finishedRow).contains("data-status=\"finished\"", ">30<",
                "status-finished\" data-field=\"status\">finished<");
        assertThat(finishedRow).containsPattern("data-field=\"scheduling_duration\">[0-9.]+ m?s<");
        assertThat(finishedRow).containsPattern("data-field=\"run_duration\">[0-9.]+ m?s<");
        assertThat(finishedRow)
                .containsPattern("<time datetime=\"[0-9T:.Z-]+\">\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d<");
        String pendingRow = row(html, pending);
        assertThat(pendingRow).contains("data-live-run=\"" + pending + "\"", ">12,345<",
                "data-field=\"scheduling_duration\">Pending<", "data-field=\"run_duration\">Pending<", ">pending<");
    }

    @Test
    void an_unexpected_failure_is_a_500_page_without_a_stack_trace() throws Exception {
        JpaPersistence closed = JpaPersistence.open(web.database.dataSource());
        try (QueueBench broken = QueueBench.builder()
                .dataSource(web.database.dataSource())
                .runStore(closed.loadRuns(), closed.saveRuns())
                .snapshots(closed.snapshots())
                .runLock(closed.runLock())
                .build();
             WebServer server = WebServer.start(broken, WebSettings.defaults().withPort(0), () -> "PostgreSQL")) {
            closed.close();
            HttpBrowser client = new HttpBrowser(web);

            HttpResponse<String> page = client.get(server.uri().resolve("/"));
            HttpResponse<String> api = client.get(server.uri().resolve("/api/runs"));

            assertThat(page.statusCode()).isEqualTo(500);
            assertThat(page.body()).contains("Something went wrong on the server")
                    .doesNotContain("Exception", "at dev.queuebench", "at org.");
            assertThat(api.statusCode()).isEqualTo(500);
            assertThat(json(api).get("error").asText()).startsWith("Something went wrong");
            assertThat(api.body()).doesNotContain("Exception");
        }
    }

    @Test
    void a_malformed_request_is_refused_without_a_stack_trace() throws IOException {
        String response = rawRequest("GET /runs/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 4");
        assertThat(response).doesNotContain("at org.eclipse", "Exception");
    }

    private String rawRequest(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", web.server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private RunId startRunAndAwaitFinished(String jobs) throws InterruptedException {
        HttpResponse<String> response = browser.submit("/benchmark_runs", startRun("db-scheduler", jobs));
        assertThat(response.statusCode()).isEqualTo(303);
        RunId id = newestRun().run().id();
        // finished means every job's completion is in the stored snapshots the page reads
        web.awaitFinished(id, Duration.ofSeconds(60));
        awaitLastResourceSample(id);
        return id;
    }

    /** The sampler takes one last sample at its first tick after the run finished; pages read a settled run. */
    private void awaitLastResourceSample(RunId id) throws InterruptedException {
        int samples = -1;
        int stableChecks = 0;
        while (stableChecks < 3) {
            Thread.sleep(250);
            int now = web.core.runReport(id).orElseThrow().resourceSamples().size();
            stableChecks = now == samples ? stableChecks + 1 : 0;
            samples = now;
        }
    }

    private RunReport newestRun() {
        return web.core.listRuns(RunListFilter.newest(1)).get(0);
    }

    private static String row(String html, RunId id) {
        int start = html.indexOf("<tr data-live-run=\"" + id + "\"");
        assertThat(start).as("row of run %s", id).isNotNegative();
        return html.substring(start, html.indexOf("</tr>", start));
    }

    /** A pattern of a table row's cells, in order, each with or without a class. */
    private static String cells(String... values) {
        return Stream.of(values).map(value -> "<td[^>]*>" + Pattern.quote(value) + "</td>")
                .collect(Collectors.joining("\\s*"));
    }

    /** The page's {@code <section id="...">}, up to the next section. */
    private static String section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("section %s", id).isNotNegative();
        int end = html.indexOf("<section", start);
        return html.substring(start, end < 0 ? html.length() : end);
    }

    @Test
    void a_sweep_has_a_page_with_its_curve_and_each_point_linked_to_its_run_and_the_same_as_json() throws Exception {
        SweepResult threads = web.core.runSweep(new SweepPlan(RunningWeb.DB_SCHEDULER, SweepPlan.Kind.THREADS,
                List.of(1.0, 2.0), JobsCount.of(40), null, SweepPlan.DEFAULT_SLO, SchedulingMode.IN_BULK,
                JobWork.NONE), RunListener.SILENT);
        SweepResult rates = web.core.runSweep(new SweepPlan(RunningWeb.DB_SCHEDULER, SweepPlan.Kind.RATES,
                List.of(10.0), null, Duration.ofSeconds(1), Duration.ofSeconds(30), SchedulingMode.ONE_BY_ONE,
                JobWork.NONE), RunListener.SILENT);

        String list = browser.get("/sweeps").body();
        assertThat(list).contains("href=\"/sweeps/" + threads.id() + "\"", "href=\"/sweeps/" + rates.id() + "\"",
                "threads 1,2", "rates 10");
        assertThat(list.indexOf("/sweeps/" + rates.id())).as("newest first")
                .isLessThan(list.indexOf("/sweeps/" + threads.id()));

        HttpResponse<String> page = browser.get("/sweeps/" + threads.id());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<svg", "Drain rate", "Worker threads", "Peak: ");
        assertThat(page.body()).as("the y axis says its unit").contains(">0/s</text>");
        assertThat(threads.peak()).as("40 jobs drained at 1 and 2 threads").isPresent();
        assertThat(page.body()).as("the peak is marked on the curve").contains("<text class=\"marker-label\"",
                ">peak</text>");
        for (SweepResult.Point point : threads.points()) {
            assertThat(page.body()).contains("href=\"/runs/" + point.report().run().id() + "\"");
        }
        RunId point = threads.points().get(0).report().run().id();
        String pointPage = browser.get("/runs/" + point).body();
        assertThat(pointPage).as("a point's run leads back to its sweep")
                .contains("A point of <a href=\"/sweeps/" + threads.id() + "\">sweep #" + threads.id() + "</a>.");
        String drained = Text.rate(threads.points().get(0).report().drainRate().orElseThrow());
        assertThat(pointPage).as("one throughput figure per meaning: the card is the drain rate the sweep charts")
                .contains(">Drain rate</span>", "data-field=\"headline\">" + drained + " <small>jobs/s",
                        "drained at " + drained + " jobs/s");
        assertThat(page.body()).contains(drained);
        assertThat(browser.get("/runs/" + rates.points().get(0).report().run().id()).body())
                .contains(">Achieved rate</span>");
        assertThat(row(browser.get("/?workload=backlog").body(), point))
                .contains("class=\"tag\">sweep #" + threads.id() + "<");
        assertThat(browser.get("/sweeps/" + rates.id()).body()).contains("Achieved rate", "Offered", "End-to-end p99");

        JsonNode json = json(browser.get("/api/sweeps/" + threads.id()));
        assertThat(json.get("kind").asText()).isEqualTo("threads");
        assertThat(json.get("points")).hasSize(2);
        assertThat(json.get("points").get(1).get("run").get("completed_jobs").asInt()).isEqualTo(40);
        assertThat(json(browser.get("/api/sweeps"))).hasSizeGreaterThanOrEqualTo(2);

        assertThat(browser.get("/sweeps/abc").statusCode()).isEqualTo(404);
        assertThat(browser.get("/sweeps/99999").statusCode()).isEqualTo(404);
        assertThat(browser.get("/api/sweeps/99999").statusCode()).isEqualTo(404);
    }

    @Test
    void a_comparison_started_on_the_page_waits_its_turn_shows_its_progress_and_leads_to_its_runs_compared()
            throws Exception {
        RunId before = web.insertPendingRun(10);

        HttpResponse<String> started = browser.submit("/comparisons", compareForm("db-scheduler", "20", "2"));

        assertThat(started.statusCode()).as(started.body()).isEqualTo(303);
        String progress = started.headers().firstValue("Location").orElseThrow();
        assertThat(progress).matches("/comparisons/\\d+");
        HttpResponse<String> waiting = browser.get(progress);
        long waitUntil = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!waiting.body().contains("waits for run " + before) && System.nanoTime() < waitUntil) {
            Thread.sleep(100);
            waiting = browser.get(progress);
        }
        assertThat(waiting.statusCode()).isEqualTo(200);
        assertThat(text(waiting.body())).as("its first run waits for the run created before it")
                .contains("db-scheduler: 20 jobs, backlog, 2 trials", "waits for run " + before, "pending");
        int runs = web.runCount();
        assertThat(waiting.body()).as("it reloads itself while it runs")
                .contains("<meta http-equiv=\"refresh\" content=\"2\">");
        HttpResponse<String> refused = browser.submit("/benchmark_runs", startRun("db-scheduler", "10"));
        assertThat(refused.statusCode()).as("a run created now would be older than the comparison's runs")
                .isEqualTo(409);
        assertThat(text(refused.body())).contains("A comparison of db-scheduler started on this node has not ended");
        assertThat(web.runCount()).as("nothing stored meanwhile").isEqualTo(runs);
        assertThat(text(browser.get("/compare/new").body())).as("the form lists it")
                .contains("#" + progress.substring(progress.lastIndexOf('/') + 1), "20 jobs, backlog");

        web.endPendingRuns();
        String comparedAt = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (comparedAt == null && System.nanoTime() < deadline) {
            HttpResponse<String> now = browser.get(progress);
            if (now.statusCode() == 303) {
                comparedAt = now.headers().firstValue("Location").orElseThrow();
            } else {
                assertThat(now.statusCode()).isEqualTo(200);
                assertThat(text(now.body())).doesNotContain("failed");
                Thread.sleep(200);
            }
        }
        assertThat(comparedAt).as("the comparison ended within 90 s").isNotNull()
                .matches("/compare\\?runs=\\d+,\\d+");
        List<String> kept = List.of(comparedAt.substring(comparedAt.indexOf('=') + 1).split(","));
        for (String id : kept) {
            RunReport trial = web.core.runReport(RunId.of(Long.parseLong(id))).orElseThrow();
            assertThat(trial.status()).isEqualTo(RunStatus.FINISHED);
            assertThat(trial.run().jobsCount()).isEqualTo(20);
            assertThat(trial.run().id().value()).isGreaterThan(before.value());
        }
        HttpResponse<String> compared = browser.get(comparedAt);
        assertThat(compared.statusCode()).isEqualTo(200);
        assertThat(text(compared.body())).as("the two trials as one benchmark, with their statistics")
                .contains("Over the trials", "db-scheduler");
        assertThat(compared.body()).containsPattern("<td>db-scheduler</td>\\s*<td class=\"num\">2</td>");
        assertThat(browser.submit("/benchmark_runs", startRun("db-scheduler", "10")).statusCode())
                .as("runs start again once it ended").isEqualTo(303);
    }

    @Test
    void a_comparison_that_fails_in_the_background_says_why_on_its_page_and_runs_start_again() throws Exception {
        // this server has no worker processes to start (the queue-bench program starts them)
        HttpResponse<String> started = browser.submit("/comparisons", with(with(compareForm("db-scheduler", "20", "1"),
                "benchmark_run[workload]", "delayed"), "benchmark_run[nodes]", "2"));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(303);
        String progress = started.headers().firstValue("Location").orElseThrow();

        String page = browser.get(progress).body();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!page.contains("status-failed") && System.nanoTime() < deadline) {
            Thread.sleep(100);
            page = browser.get(progress).body();
        }

        assertThat(page).contains("status-failed").doesNotContain("http-equiv=\"refresh\"");
        assertThat(text(page)).contains("A run on 2 nodes needs a program that starts worker processes",
                "failed before its first run");
        HttpResponse<String> run = browser.submit("/benchmark_runs", startRun("db-scheduler", "10"));
        assertThat(run.statusCode()).as("a failed comparison holds nothing up").isEqualTo(303);
        web.awaitFinished(newestRun().run().id(), Duration.ofSeconds(60));
    }

    @Test
    void a_run_with_nodes_or_a_fault_from_the_run_form_goes_through_a_comparison_of_one_and_says_what_its_fault_did()
            throws Exception {
        int runs = web.runCount();
        HttpResponse<String> bad = browser.submit("/benchmark_runs", with(with(startRun("db-scheduler", "lots"),
                "benchmark_run[nodes]", "two"), "benchmark_run[fault]", "boom"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(text(bad.body())).as("every bad field named").contains("Jobs count must be a whole number",
                "; nodes must be a whole number, was 'two'; 'boom' is not a fault");
        assertThat(bad.body()).as("shown again, unfolded").containsPattern("<details class=\"spread\" open")
                .contains("value=\"two\"", "value=\"boom\"");
        assertThat(web.runCount()).isEqualTo(runs);

        HttpResponse<String> started = browser.submit("/benchmark_runs", with(with(startRun("db-scheduler", "20"),
                "benchmark_run[workload]", "backlog"), "benchmark_run[fault]", "drop-connections@0s"));

        assertThat(started.statusCode()).as(started.body()).isEqualTo(303);
        String progress = started.headers().firstValue("Location").orElseThrow();
        assertThat(progress).matches("/comparisons/\\d+");
        String page = browser.get(progress).body();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (page.contains("http-equiv=\"refresh\"") && System.nanoTime() < deadline) {
            Thread.sleep(200);
            page = browser.get(progress).body();
        }
        // this server cannot end the database's sessions (the queue-bench program can): the fault failed, and the
        // page says so beside the run, which ran to its end
        assertThat(text(page)).contains("db-scheduler: 20 jobs, backlog, 1 trial, drop-connections@0s",
                "done: 1 of 1 finished", "failed: this program cannot terminate the database's sessions");
        RunReport run = newestRun();
        assertThat(run.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(page).contains("href=\"/runs/" + run.run().id() + "\"");
    }

    static Stream<Arguments> bad_comparison_forms() {
        return Stream.of(
                Arguments.of("no backend ticked", compareForm(null, "20", "2"),
                        "Tick the backends to compare: db-scheduler"),
                Arguments.of("a backend that is not registered", compareForm("sidekiq", "20", "2"),
                        "Unknown backend 'sidekiq'; registered backends: db-scheduler"),
                Arguments.of("zero jobs and trials that are not a number, both named",
                        compareForm("db-scheduler", "0", "some"),
                        "Jobs count must be between 1 and 10,000,000, was 0; trials must be a whole number, was 'some'"),
                Arguments.of("zero trials", compareForm("db-scheduler", "20", "0"),
                        "Trials must be between 1 and 100, was 0"),
                Arguments.of("more runs than one comparison charts", compareForm("db-scheduler", "20", "25"),
                        "A comparison on the page keeps at most 24 runs"),
                Arguments.of("a node fault on one node",
                        with(compareForm("db-scheduler", "20", "1"), "benchmark_run[fault]", "kill-node@50%"),
                        "A fault that hits a worker node needs 2 nodes or more"),
                Arguments.of("a backlog on two nodes",
                        with(compareForm("db-scheduler", "20", "1"), "benchmark_run[nodes]", "2"),
                        "A backlog is enqueued while no worker runs"),
                Arguments.of("more nodes than this machine runs",
                        with(with(compareForm("db-scheduler", "20", "1"), "benchmark_run[nodes]", "17"),
                                "benchmark_run[workload]", "delayed"),
                        "A run takes at most 16 nodes on this machine, not 17"),
                Arguments.of("a fault that cannot be read",
                        with(compareForm("db-scheduler", "20", "1"), "benchmark_run[fault]", "<b>boom</b>"),
                        "<b>boom</b>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad_comparison_forms")
    void a_bad_comparison_form_gets_422_with_every_bad_field_named_and_starts_nothing(String what,
                                                                                    Map<String, String> form,
                                                                                    String message) {
        int before = web.runCount();

        HttpResponse<String> response = browser.submit("/comparisons", form);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(text(response.body())).contains(message);
        assertThat(response.body()).contains("class=\"alert\"", "class=\"compare-start\"")
                .doesNotContain("<b>boom</b>");
        assertThat(response.body()).as("the browser lands on the refused form")
                .containsPattern("name=\"benchmark_run\\[jobs_count\\]\"[^>]*autofocus");
        assertThat(web.runCount()).isEqualTo(before);
    }

    @Test
    void a_comparison_that_was_not_started_here_is_a_404_page() {
        assertThat(browser.get("/comparisons/99999").statusCode()).isEqualTo(404);
        assertThat(browser.get("/comparisons/abc").statusCode()).isEqualTo(404);
        assertThat(browser.get("/compare/new").body()).contains("name=\"comparison[backends]\" value=\"db-scheduler\"",
                "checked", "name=\"comparison[trials]\" value=\"3\"");
    }

    /** A backlog of {@code jobs} on {@code backend} (none when null), {@code trials} times. */
    private static Map<String, String> compareForm(String backend, String jobs, String trials) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (backend != null) {
            fields.put("comparison[backends]", backend);
        }
        fields.put("benchmark_run[workload]", "backlog");
        fields.put("benchmark_run[jobs_count]", jobs);
        fields.put("benchmark_run[scheduling_mode]", "in_bulk");
        fields.put("comparison[trials]", trials);
        return fields;
    }

    @Test
    void a_sweep_started_on_the_page_waits_its_turn_shows_its_points_as_they_come_and_ends_with_its_peak()
            throws Exception {
        RunId before = web.insertPendingRun(10);

        HttpResponse<String> started = browser.submit("/sweeps", sweepForm("threads", "1,2", "40"));

        assertThat(started.statusCode()).as(started.body()).isEqualTo(303);
        String page = started.headers().firstValue("Location").orElseThrow();
        assertThat(page).matches("/sweeps/\\d+");
        String waiting = browser.get(page).body();
        long waitUntil = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!waiting.contains("waits for run " + before) && System.nanoTime() < waitUntil) {
            Thread.sleep(100);
            waiting = browser.get(page).body();
        }
        assertThat(text(waiting)).as("its first point waits for the run created before it")
                .contains("running", "no point has run yet", "waits for run " + before);
        assertThat(waiting).contains("<meta http-equiv=\"refresh\" content=\"2\">");
        int runs = web.runCount();
        HttpResponse<String> refused = browser.submit("/benchmark_runs", startRun("db-scheduler", "10"));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(text(refused.body())).contains("Sweep " + page.substring("/sweeps/".length())
                + " started on this node has not ended, and its runs come first");
        assertThat(web.runCount()).isEqualTo(runs);

        web.endPendingRuns();
        String done = waiting;
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (done.contains("http-equiv=\"refresh\"") && System.nanoTime() < deadline) {
            Thread.sleep(200);
            done = browser.get(page).body();
        }
        assertThat(done).as("the sweep ended within 90 s").doesNotContain("http-equiv=\"refresh\"", "status-failed");
        assertThat(text(done)).contains("Peak: ", "jobs/s drained at");
        SweepResult sweep = web.core.sweep(SweepId.parse(page.substring("/sweeps/".length()))).orElseThrow();
        String ended = done;
        assertThat(sweep.points()).hasSize(2).allSatisfy(point -> {
            assertThat(point.report().status()).isEqualTo(RunStatus.FINISHED);
            assertThat(point.report().run().jobsCount()).isEqualTo(40);
            assertThat(ended).contains("href=\"/runs/" + point.report().run().id() + "\"");
        });
    }

    static Stream<Arguments> bad_sweep_forms() {
        return Stream.of(
                Arguments.of("no points and jobs that are not a number, both named", sweepForm("threads", null, "lots"),
                        "Give the points to sweep, rising, e.g. 1,2,4,8 (threads) or 100,200,400 (jobs per second);"
                                + " jobs must be a whole number, was 'lots'"),
                Arguments.of("points that do not rise", sweepForm("threads", "4,2", "40"),
                        "A sweep's points must rise, was 4,2"),
                Arguments.of("a point that is not a number", sweepForm("threads", "1,two", "40"),
                        "'two' is not one"),
                Arguments.of("a rate sweep with a duration that cannot be read",
                        with(sweepForm("rates", "10,20", null), "sweep[duration]", "soon"),
                        "Duration: 'soon' is not a duration"),
                Arguments.of("a kind that is not one", sweepForm("<i>queues</i>", "1,2", "40"),
                        "A sweep is over threads or rates, was '<i>queues</i>'"),
                Arguments.of("a backend that is not registered",
                        with(sweepForm("threads", "1,2", "40"), "sweep[backend]", "sidekiq"),
                        "Unknown backend 'sidekiq'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad_sweep_forms")
    void a_bad_sweep_form_gets_422_with_every_bad_field_named_and_stores_nothing(String what,
                                                                               Map<String, String> form,
                                                                               String message) {
        int runs = web.runCount();
        int sweeps = web.core.listSweeps(SweepPage.LIST_LIMIT).size();

        HttpResponse<String> response = browser.submit("/sweeps", form);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(text(response.body())).contains(message);
        assertThat(response.body()).contains("class=\"alert\"", "class=\"sweep-start\"")
                .doesNotContain("<i>queues</i>");
        assertThat(web.runCount()).isEqualTo(runs);
        assertThat(web.core.listSweeps(SweepPage.LIST_LIMIT)).hasSize(sweeps);
    }

    /** A sweep of db-scheduler over {@code over}, at {@code values}, of {@code jobs} each (threads). */
    private static Map<String, String> sweepForm(String over, String values, String jobs) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("sweep[backend]", "db-scheduler");
        fields.put("sweep[over]", over);
        if (values != null) {
            fields.put("sweep[values]", values);
        }
        if (jobs != null) {
            fields.put("sweep[jobs]", jobs);
        }
        return fields;
    }

    private static List<Long> runIds(String html) {
        List<Long> ids = new ArrayList<>();
        Matcher matcher = Pattern.compile("<tr data-live-run=\"(\\d+)\"").matcher(html);
        while (matcher.find()) {
            ids.add(Long.parseLong(matcher.group(1)));
        }
        return ids;
    }

    private static Map<String, String> with(Map<String, String> form, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(form);
        copy.put(name, value);
        return copy;
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return RunJson.mapper().readTree(response.body());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}

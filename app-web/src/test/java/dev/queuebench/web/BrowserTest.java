package dev.queuebench.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.SweepId;
import dev.queuebench.ports.in.SweepResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.chromium.HasNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page as a person uses it, in Debian's headless Chromium: press db-scheduler's 1k button, watch the run finish
 * without reloading, open its report with its charts, resources and environment. Full-page screenshots land in
 * {@code target/screenshots/} for people to look at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class BrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Long enough to see the run running, short enough for a quick test; the button path is the real one. */
    private static final Duration JOB_DELAY = Duration.ofSeconds(2);

    /** Selenium warns that it has no CDP bindings for this exact Chromium; the test uses none. Held: JUL forgets
     * the level of a logger nobody references. */
    private static final Logger SELENIUM_DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools");

    private RunningWeb web;
    private WebDriver browser;

    @BeforeAll
    void startServerAndBrowser() {
        requireBrowser();
        SELENIUM_DEVTOOLS_LOG.setLevel(Level.SEVERE);
        web = RunningWeb.start(WebSettings.defaults().withJobDelay(JOB_DELAY));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--window-size=1400,900");
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    void stopBrowserAndServer() {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (web != null) {
                web.close();
            }
        }
    }

    @Test
    void a_click_on_1k_runs_a_benchmark_to_finished_live_and_its_page_shows_the_charts() throws IOException {
        browser.get(web.uri("/").toString());
        WebElement panel = browser.findElement(By.id("backend-db-scheduler"));

        panel.findElement(By.cssSelector("button[value='1000']")).click();

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(100));
        WebElement flash = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash")));
        assertThat(flash.getText()).matches("Run \\d+ started: 1,000 jobs on db-scheduler, scheduled one by one\\.");
        String runId = flash.getText().replaceAll("^Run (\\d+) .*$", "$1");
        WebElement row = browser.findElement(By.cssSelector("tr[data-live-run='" + runId + "']"));
        // a reload would drop this mark and the record of what the status showed: the row must change by itself
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true; window.statusesSeen = [];"
                + "const status = arguments[0].querySelector('[data-field=\"status\"]');"
                + "new MutationObserver(() => window.statusesSeen.push(status.textContent))"
                + ".observe(status, {childList: true, characterData: true, subtree: true});", row);

        wait.until(ExpectedConditions.attributeToBe(row, "data-status", "finished"));

        JavascriptExecutor page = (JavascriptExecutor) browser;
        assertThat(page.executeScript("return window.notReloaded === true;")).isEqualTo(true);
        @SuppressWarnings("unchecked")
        List<String> statusesSeen = (List<String>) page.executeScript("return window.statusesSeen;");
        assertThat(statusesSeen).anySatisfy(text -> assertThat(text).matches("running [0-9,]+/1,000"));
        assertThat(row.findElement(By.cssSelector("[data-field='status']")).getText()).isEqualTo("finished");
        String scheduling = row.findElement(By.cssSelector("[data-field='scheduling_duration']")).getText();
        String run = row.findElement(By.cssSelector("[data-field='run_duration']")).getText();
        assertThat(scheduling).isNotEqualTo("Pending").matches("[0-9.]+ m?s");
        assertThat(run).isNotEqualTo("Pending").matches("[0-9.]+ m?s");
        assertThat(row.getText()).contains("1,000");
        screenshot("home.png");

        row.findElement(By.linkText("#" + runId)).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("figure.chart path.completions")));
        assertThat(browser.findElements(By.cssSelector("figure.chart path.completions"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("figure.chart svg[aria-label^='Latency by percentile']")))
                .singleElement().satisfies(distribution -> assertThat(distribution.getSize().getWidth())
                        .isGreaterThan(300));
        assertThat(browser.getTitle()).isEqualTo("Run " + runId + " · Queue Bench");
        String report = browser.findElement(By.tagName("main")).getText();
        assertThat(report).contains("finished", "Waiting for the lock", "Draining", "Pickup lag", "End-to-end");
        assertThat(report).containsIgnoringCase("p99.9");
        List<WebElement> completions = browser.findElements(By.cssSelector("table.facts tr"));
        assertThat(completions).anySatisfy(fact -> assertThat(fact.getText()).startsWith("Distinct 1,000"));
        assertThat(completions).anySatisfy(fact -> assertThat(fact.getText()).startsWith("Missing 0"));
        WebElement resources = browser.findElement(By.id("resources"));
        assertThat(resources.findElements(By.cssSelector(".plot svg"))).hasSize(7)
                .allSatisfy(plot -> assertThat(plot.getSize().getWidth()).isGreaterThan(300));
        assertThat(resources.getText()).contains("Heap used", "Commits", "PostgreSQL commits per second");
        WebElement timeWent = browser.findElement(By.id("time-went"));
        assertThat(timeWent.findElements(By.cssSelector(".plot svg"))).hasSize(3)
                .allSatisfy(plot -> assertThat(plot.getSize().getWidth()).isGreaterThan(300));
        assertThat(timeWent.getText()).contains("Where the time went", "Workers busy", "CPU (% of all cores)");
        assertThat(browser.findElement(By.id("environment")).getText())
                .contains("Library version", "synchronous_commit");
        screenshot("run.png");
    }

    @Test
    void the_custom_form_shows_the_fields_of_the_workload_chosen() {
        browser.get(web.uri("/").toString());
        WebElement form = browser.findElement(By.cssSelector("#backend-db-scheduler form.custom"));
        WebElement jobs = form.findElement(By.name("benchmark_run[jobs_count]"));
        WebElement rate = form.findElement(By.name("benchmark_run[rate]"));
        WebElement duration = form.findElement(By.name("benchmark_run[duration]"));
        assertThat(jobs.isDisplayed()).isTrue();
        assertThat(rate.isDisplayed() || duration.isDisplayed()).as("a delayed run has no rate").isFalse();

        new Select(form.findElement(By.name("benchmark_run[workload]"))).selectByValue("rate");

        assertThat(jobs.isDisplayed()).as("a rate run's count is rate x duration").isFalse();
        assertThat(rate.isDisplayed() && duration.isDisplayed()).isTrue();
    }

    @Test
    void a_custom_count_that_is_not_a_number_is_refused_next_to_the_form() throws IOException {
        browser.get(web.uri("/").toString());
        WebElement form = browser.findElement(By.cssSelector("#backend-db-scheduler form.custom"));

        form.findElement(By.name("benchmark_run[jobs_count]")).sendKeys("lots");
        form.findElement(By.cssSelector("button[type='submit']")).click();

        WebElement alert = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#backend-db-scheduler .alert")));
        assertThat(alert.getText()).isEqualTo(
                "Jobs count must be a whole number between 1 and 10,000,000, was 'lots'.");
        assertThat(browser.findElement(By.cssSelector("#backend-db-scheduler form.custom input[type='text']"))
                .getAttribute("value")).isEqualTo("lots");
        screenshot("refused.png");
    }

    @Test
    void a_comparison_is_started_from_its_form_shows_its_progress_and_ends_on_the_comparison_of_its_runs()
            throws Exception {
        RunId before = web.insertPendingRun(10);
        try {
            browser.get(web.uri("/").toString());
            browser.findElement(By.linkText("Compare")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/compare/new"));
            WebElement form = browser.findElement(By.cssSelector("form.compare-start"));
            assertThat(form.findElement(By.cssSelector("input[value='db-scheduler']")).isSelected())
                    .as("every backend is ticked at first").isTrue();
            new Select(form.findElement(By.name("benchmark_run[workload]"))).selectByValue("rate");
            assertThat(form.findElement(By.name("benchmark_run[jobs_count]")).isDisplayed())
                    .as("a rate has no jobs count").isFalse();
            new Select(form.findElement(By.name("benchmark_run[workload]"))).selectByValue("backlog");
            WebElement jobs = form.findElement(By.name("benchmark_run[jobs_count]"));
            jobs.clear();
            jobs.sendKeys("300");
            new Select(form.findElement(By.name("benchmark_run[scheduling_mode]"))).selectByValue("in_bulk");
            WebElement trials = form.findElement(By.name("comparison[trials]"));
            trials.clear();
            trials.sendKeys("2");
            assertFitsAPhone("compare-new-390.png");

            form.findElement(By.cssSelector("button[type='submit']")).click();

            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90), Duration.ofMillis(200));
            wait.until(ExpectedConditions.urlMatches("/comparisons/\\d+$"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                    "waits for run " + before));
            assertThat(browser.findElement(By.tagName("main")).getText())
                    .contains("db-scheduler: 300 jobs, backlog, 2 trials", "tuned");
            screenshot("comparing-1400.png");
            assertFitsAPhone("comparing-390.png");
        } finally {
            web.endPendingRuns();
        }

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90), Duration.ofMillis(200));
        wait.until(ExpectedConditions.urlContains("/compare?runs="));
        assertThat(browser.findElements(By.cssSelector("table.report-runs tbody tr"))).hasSize(2);
        assertThat(browser.findElement(By.cssSelector("table.report-trials")).getText()).contains("db-scheduler");
        assertThat(browser.findElements(By.cssSelector("figure.chart svg path"))).isNotEmpty();
        screenshot("compare-started-1400.png");
        assertFitsAPhone("compare-started-390.png");
    }

    @Test
    void a_sweep_started_from_its_form_its_list_and_the_page_of_one_of_its_points_fit_a_phone()
            throws IOException {
        browser.get(web.uri("/").toString());
        browser.findElement(By.linkText("Sweeps")).click();
        WebElement form = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form.sweep-start")));
        assertThat(form.findElement(By.name("sweep[slo]")).isDisplayed()).as("a thread sweep has no slo").isFalse();
        WebElement points = form.findElement(By.name("sweep[values]"));
        points.clear();
        points.sendKeys("1,2");
        WebElement jobs = form.findElement(By.name("sweep[jobs]"));
        jobs.clear();
        jobs.sendKeys("200");
        assertFitsAPhone("sweeps-390.png");

        form.findElement(By.cssSelector("button[type='submit']")).click();

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90), Duration.ofMillis(200));
        wait.until(ExpectedConditions.urlMatches("/sweeps/\\d+$"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-field='peak']"),
                "jobs/s drained at"));
        String url = browser.getCurrentUrl();
        SweepResult sweep = web.core.sweep(SweepId.parse(url.substring(url.lastIndexOf('/') + 1))).orElseThrow();
        assertThat(sweep.points()).hasSize(2);
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[data-field='state']"), 0));
        assertThat(browser.findElements(By.cssSelector("figure.chart svg path"))).isNotEmpty();
        screenshot("sweep-1400.png");
        assertFitsAPhone("sweep-390.png");
        browser.findElement(By.linkText("#" + sweep.points().get(0).report().run().id())).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/runs/"));
        assertThat(browser.findElement(By.cssSelector(".card-value[data-field='headline']")).getText())
                .endsWith("jobs/s");
        assertFitsAPhone("sweep-point-390.png");
    }

    @Test
    void two_runs_ticked_in_the_list_are_compared_and_their_report_opens_offline_with_every_chart_drawn()
            throws Exception {
        List<RunId> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            browser.get(web.uri("/").toString());
            browser.findElement(By.id("backend-db-scheduler")).findElement(By.cssSelector("button[value='1000']"))
                    .click();
            WebElement flash = new WebDriverWait(browser, Duration.ofSeconds(60))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash")));
            RunId id = RunId.parse(flash.getText().replaceAll("^Run (\\d+) .*$", "$1"));
            web.awaitFinished(id, Duration.ofSeconds(60));
            runs.add(id);
        }
        browser.get(web.uri("/").toString());
        for (RunId id : runs) {
            browser.findElement(By.cssSelector("input[name='runs'][value='" + id + "']")).click();
        }
        assertFitsAPhone("home-390.png");

        browser.findElement(By.cssSelector("#compare-runs button")).click();

        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/compare?"));
        assertThat(browser.getCurrentUrl()).as("in the order of the list, newest first")
                .endsWith("/compare?runs=" + runs.get(1) + "&runs=" + runs.get(0));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("db-scheduler: 2 runs of 1,000 jobs,"
                + " delayed, delay 2.00 s");
        assertThat(browser.findElements(By.cssSelector("table.report-runs tbody tr"))).hasSize(2);
        assertThat(browser.findElements(By.cssSelector("figure.chart svg"))).hasSize(2)
                .allSatisfy(chart -> assertThat(chart.getSize().getWidth()).isGreaterThan(300));
        screenshot("compare-1400.png");
        assertFitsAPhone("compare-390.png");
        String download = browser.findElement(By.linkText("Download as one HTML file")).getAttribute("href");

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(download))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        String html = response.body();
        assertThat(html).doesNotContain("<script", "src=", "<link", "@import", "url(");
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve("report.html").toAbsolutePath();
        Files.writeString(file, html);

        HasNetworkConditions network = (HasNetworkConditions) browser;
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        network.setNetworkConditions(offline);
        try {
            browser.get(file.toUri().toString());
            JavascriptExecutor page = (JavascriptExecutor) browser;
            assertThat(page.executeScript("return performance.getEntriesByType('resource').length;"))
                    .as("a self-contained file fetches nothing").isEqualTo(0L);
            List<WebElement> charts = browser.findElements(By.cssSelector("figure.chart svg"));
            // the overlaid completions and latencies, then per run at least its throughput and latency charts
            assertThat(charts).hasSizeGreaterThanOrEqualTo(2 + 2 * 2);
            assertThat(charts).allSatisfy(chart -> assertThat(chart.getSize().getWidth()).isGreaterThan(200));
            Object drawn = page.executeScript("return Array.from(document.querySelectorAll('figure.chart svg'))"
                    + ".filter(svg => Array.from(svg.querySelectorAll('path')).some(p => p.getTotalLength() > 0))"
                    + ".length;");
            assertThat(drawn).as("charts with a line or area drawn").isEqualTo((long) charts.size());
            assertThat(browser.findElements(By.cssSelector("h2.run-title"))).hasSize(2);
            assertThat(browser.findElement(By.cssSelector("pre.commands")).getText())
                    .contains("queue-bench run --backend db-scheduler --workload delayed --jobs 1000 --delay 2s");
            screenshot("report-1400.png");
            assertFitsAPhone("report-390.png");
        } finally {
            network.deleteNetworkConditions();
        }
    }

    /**
     * At a phone's 390 CSS pixels (emulated: a headless window is at least 500 wide) the page scrolls up and down
     * only: whatever is wider (a table, a chart) scrolls inside its own box. The message names what sticks out.
     */
    private void assertFitsAPhone(String screenshotName) throws IOException {
        ChromeDriver chrome = (ChromeDriver) browser;
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        try {
            JavascriptExecutor page = (JavascriptExecutor) browser;
            Object stickingOut = page.executeScript("const width = document.documentElement.clientWidth;"
                    + "const scrolls = e => { for (let p = e.parentElement; p; p = p.parentElement) {"
                    + "  const x = getComputedStyle(p).overflowX; if (x === 'auto' || x === 'scroll') return true; }"
                    + "  return false; };"
                    + "return Array.from(document.querySelectorAll('body *'))"
                    + ".filter(e => e.getBoundingClientRect().right > width + 1 && !scrolls(e))"
                    + ".filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= width + 1)"
                    + ".map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().width)"
                    + " + 'px').join('; ');");
            Object scrollWidth = page.executeScript("return document.documentElement.scrollWidth;");
            assertThat((Long) scrollWidth).as("no sideways scrolling on a phone; sticking out: " + stickingOut)
                    .isLessThanOrEqualTo(390L);
            long height = (Long) page.executeScript("return document.documentElement.scrollHeight;");
            chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 390, "height", height, "deviceScaleFactor", 1, "mobile", true));
            Files.createDirectories(SCREENSHOTS);
            Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                    SCREENSHOTS.resolve(screenshotName), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /** The whole page, not only the window: the window grows to the page's height for the shot. */
    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        JavascriptExecutor js = (JavascriptExecutor) browser;
        Dimension window = browser.manage().window().getSize();
        long chrome = (Long) js.executeScript("return window.outerHeight - window.innerHeight;");
        long page = (Long) js.executeScript("return document.documentElement.scrollHeight;");
        browser.manage().window().setSize(new Dimension(window.getWidth(), (int) (page + chrome)));
        try {
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            browser.manage().window().setSize(window);
        }
    }

    private static void requireBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String message = "the browser test needs Debian's Chromium at " + CHROMIUM + " and its driver at "
                + CHROMEDRIVER + ": install chromium and chromium-driver (apt-get install chromium chromium-driver)";
        if (!present && System.getenv("QB_REQUIRE_BROWSER") != null) {
            fail(message + "; QB_REQUIRE_BROWSER is set, so this is a failure, not a skip");
        }
        Assumptions.assumeTrue(present, message);
    }
}

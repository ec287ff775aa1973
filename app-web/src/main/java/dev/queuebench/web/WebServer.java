package dev.queuebench.web;

import dev.queuebench.core.QueueBench;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.util.JavalinBindException;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;

/**
 * The web runner: the original harness's page, run reports and the JSON API over a running {@link QueueBench}.
 * It holds no benchmark logic: the core drives the runs its page starts (each in its turn, with only its backend's
 * workers running); the composition root owns the core, and closes it after this server.
 *
 * <pre>{@code
 * try (WebServer web = WebServer.start(core, WebSettings.defaults(), () -> "PostgreSQL 18.6")) {
 *     System.out.println("Queue Bench on " + web.uri());
 *     ...
 * }
 * }</pre>
 */
public final class WebServer implements AutoCloseable {

    /** Forms are a few fields; nothing legitimate comes near this. */
    static final int MAX_REQUEST_BYTES = 16 * 1024;

    private static final Set<HandlerType> STATE_CHANGING =
            Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    /** Defence in depth on top of escaping: the pages load scripts and styles from this server only. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none';"
            + " base-uri 'none'; object-src 'none'";

    private final Javalin app;
    private final String host;

    private WebServer(Javalin app, String host) {
        this.app = app;
        this.host = host;
    }

    /**
     * Binds {@code settings.host():settings.port()} and serves until {@link #close()}.
     *
     * @param core     the wired core, which drives the runs the page starts
     * @param database asked by {@code GET /health}
     * @throws IllegalArgumentException when the address cannot be bound (port in use, host not local)
     */
    public static WebServer start(QueueBench core, WebSettings settings, DatabaseHealth database) {
        Objects.requireNonNull(core, "core is required");
        Objects.requireNonNull(settings, "settings are required");
        Objects.requireNonNull(database, "database health check is required");
        Views views = new Views();
        CsrfTokens csrf = new CsrfTokens();
        ErrorPages errors = new ErrorPages(views);
        Comparisons started = new Comparisons(core, Clock.systemUTC());
        HomePage home = new HomePage(core, core, core, core, core, started, settings.jobDelay(), views, csrf);
        RunPage runPage = new RunPage(core, core, core, core, views);
        RunsApi api = new RunsApi(core, core, core, core);
        SweepPage sweeps = new SweepPage(core, core, views, csrf);
        ComparePage compare = new ComparePage(core, core, QueueBench::availableBackends, views);
        HealthCheck health = new HealthCheck(database, core);
        ComparisonsPage comparisons = new ComparisonsPage(core, started, settings.jobDelay(), views, csrf);

        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.jsonMapper(new ApiJsonMapper());
            config.staticFiles.add(files -> {
                files.hostedPath = "/assets";
                files.directory = "/public";
                files.location = Location.CLASSPATH;
            });
            config.routes.before(WebServer::securityHeaders);
            config.routes.before(ctx -> {
                if (STATE_CHANGING.contains(ctx.method())) {
                    // read within the size limit first: an oversized body is refused (413) before anything else
                    ctx.bodyAsBytes();
                    csrf.verify(ctx);
                }
            });
            config.routes.get("/", home::show);
            config.routes.post("/benchmark_runs", home::startRun);
            config.routes.get("/runs/{id}", runPage::show);
            config.routes.get("/compare", compare::show);
            config.routes.get("/compare/report.html", compare::download);
            config.routes.get("/compare/new", comparisons::form);
            config.routes.post("/comparisons", comparisons::start);
            config.routes.get("/comparisons/{id}", comparisons::show);
            config.routes.get("/api/runs", api::list);
            config.routes.get("/api/runs/{id}", api::show);
            config.routes.get("/api/runs/{id}/latency.hgrm", api::hgrm);
            config.routes.get("/sweeps", sweeps::list);
            config.routes.post("/sweeps", sweeps::start);
            config.routes.get("/sweeps/{id}", sweeps::show);
            config.routes.get("/api/sweeps", sweeps::listJson);
            config.routes.get("/api/sweeps/{id}", sweeps::showJson);
            config.routes.get("/health", health::report);
            config.routes.exception(HttpResponseException.class, errors::expected);
            config.routes.exception(Exception.class, errors::unexpected);
        });
        try {
            app.start(settings.host(), settings.port());
        } catch (JavalinBindException e) {
            throw new IllegalArgumentException("cannot listen on " + settings.host() + ":" + settings.port()
                    + ": the port is in use or the address is not this machine's; choose another port or host", e);
        }
        return new WebServer(app, settings.host());
    }

    /** The port bound, the one chosen by the system when the settings asked for port 0. */
    public int port() {
        return app.port();
    }

    /** Where the page is, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + shownHost + ":" + port() + "/");
    }

    /** Stops serving; the core and its workers are the caller's to close. */
    @Override
    public void close() {
        app.stop();
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Cache-Control", "no-store");
    }
}

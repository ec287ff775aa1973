package dev.queuebench.web;

import dev.queuebench.common.BadInputException;
import dev.queuebench.common.Bench;
import dev.queuebench.common.Converters.DurationConverter;
import dev.queuebench.common.DatabaseOptions;
import dev.queuebench.common.ExitCode;
import dev.queuebench.core.QueueBench;
import dev.queuebench.domain.JobDelay;
import dev.queuebench.domain.Profile;
import dev.queuebench.ports.in.AvailableBackend;
import dev.queuebench.ports.spi.BackendSettings;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "web", mixinStandardHelpOptions = true,
        description = {"Serve the web page: buttons that start runs per backend and the runs listed newest first.",
                "Each run is driven as `run` drives it: in its turn, from clean tables, with only its backend's",
                "workers running. Serves until Ctrl-C."})
public final class WebCommand implements Callable<Integer> {

    /**
     * How long Ctrl-C waits for the server, the run in progress and the workers to stop before the JVM exits anyway:
     * more than a backend takes to stop with its default knobs (JobRunr's is the longest, 17 s).
     */
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    @Mixin
    DatabaseOptions database;

    @Option(names = "--host", defaultValue = WebSettings.DEFAULT_HOST, paramLabel = "HOST",
            description = "Address to listen on. Default: ${DEFAULT-VALUE} (this machine only).")
    String host;

    @Option(names = "--port", defaultValue = "" + WebSettings.DEFAULT_PORT, paramLabel = "PORT",
            description = "Port to listen on; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--delay", defaultValue = JobDelay.DEFAULT_TEXT, converter = DurationConverter.class,
            paramLabel = "DURATION",
            description = "Job delay of the runs started from the page. Default: ${DEFAULT-VALUE}.")
    Duration delay;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        WebSettings settings = BadInputException.check(() ->
                WebSettings.defaults().withHost(host).withPort(port).withJobDelay(delay));
        // the page starts runs of every backend in either profile: a pool sized by hand must hold each
        for (AvailableBackend backend : QueueBench.availableBackends()) {
            for (Profile profile : Profile.values()) {
                database.requireEnoughConnections(QueueBench.setupOf(backend.descriptor().id(),
                        BackendSettings.none().withProfile(profile), database.backendPoolSize()));
            }
        }
        CountDownLatch stopRequested = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopRequested.countDown();
            try {
                stopped.await(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "queue-bench-web-stop"));
        try (Bench bench = Bench.open(database)) {
            QueueBench core = bench.core();
            try (WebServer web = WebServer.start(core, settings, bench::databaseVersion)) {
                PrintWriter out = spec.commandLine().getOut();
                out.println("Queue Bench on " + web.uri() + "  (database: " + bench.databaseDescription()
                        + "; Ctrl-C stops)");
                out.flush();
                stopRequested.await();
            }
        } finally {
            stopped.countDown();
        }
        return ExitCode.OK;
    }
}

package dev.queuebench.cli;

import dev.queuebench.cli.Converters.DurationConverter;
import dev.queuebench.core.QueueBench;
import dev.queuebench.web.WebServer;
import dev.queuebench.web.WebSettings;
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
final class WebCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Option(names = "--host", defaultValue = WebSettings.DEFAULT_HOST, paramLabel = "HOST",
            description = "Address to listen on. Default: ${DEFAULT-VALUE} (this machine only).")
    String host;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT",
            description = "Port to listen on; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--delay", defaultValue = "10s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Job delay of the runs started from the page. Default: ${DEFAULT-VALUE}.")
    Duration delay;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        WebSettings settings = WebSettings.defaults().withHost(host).withPort(port).withJobDelay(delay);
        CountDownLatch stopRequested = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopRequested.countDown();
            try {
                stopped.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "queue-bench-web-stop"));
        try (Bench bench = Bench.open(database)) {
            QueueBench core = bench.core();
            try (WebServer web = WebServer.start(core, settings, () -> bench.postgres().version())) {
                PrintWriter out = spec.commandLine().getOut();
                out.println("Queue Bench on " + web.uri() + "  (database: " + bench.target().displayUrl()
                        + (bench.target().embedded() ? ", embedded" : "") + "; Ctrl-C stops)");
                out.flush();
                stopRequested.await();
            }
        } finally {
            stopped.countDown();
        }
        return ExitCode.OK;
    }
}

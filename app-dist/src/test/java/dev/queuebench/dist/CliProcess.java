package dev.queuebench.dist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.queuebench.testing.TestPostgres.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The CLI in a JVM of its own, as a user starts it, against a test database: for what only real processes show
 * (two at once, one killed with {@code kill -9}). Output goes to files under a home of its own, with the real log
 * configuration.
 */
final class CliProcess implements AutoCloseable {

    private final Process process;
    private final Path out;
    private final Path err;
    private final Path home;

    private CliProcess(Process process, Path out, Path err, Path home) {
        this.process = process;
        this.out = out;
        this.err = err;
        this.home = home;
    }

    /** Starts {@code queue-bench args...} with the database's options appended. */
    static CliProcess start(TestDatabase database, String... args) {
        try {
            Path home = Files.createTempDirectory("qb-cli-process");
            List<String> command = new ArrayList<>(List.of(
                    Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m",
                    "-Dlogback.configurationFile=" + Path.of("target", "classes", "logback.xml").toAbsolutePath(),
                    "-cp", System.getProperty("java.class.path"),
                    QueueBenchMain.class.getName()));
            command.addAll(List.of(args));
            command.addAll(List.of("--jdbc-url", database.jdbcUrl(), "--db-user", database.user(),
                    "--db-password=" + database.password()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(home.resolve("out.txt").toFile())
                    .redirectError(home.resolve("err.txt").toFile());
            builder.environment().put("QB_HOME", home.toString());
            return new CliProcess(builder.start(), home.resolve("out.txt"), home.resolve("err.txt"), home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long pid() {
        return process.pid();
    }

    /** {@code kill -9}: the process ends at once, with no shutdown hook, its database sessions cut. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** @return the exit code */
    int await(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("queue-bench (pid " + process.pid() + ") did not end within " + timeout
                    + "\nstderr:\n" + err() + "\nlog:\n" + log());
        }
        return process.exitValue();
    }

    String out() {
        return read(out);
    }

    String err() {
        return read(err);
    }

    String log() {
        return read(home.resolve("logs").resolve("queue-bench.log"));
    }

    JsonNode json() {
        try {
            return new ObjectMapper().readTree(out());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + out() + "\nstderr: " + err(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}

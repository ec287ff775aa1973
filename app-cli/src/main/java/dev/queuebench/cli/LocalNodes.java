package dev.queuebench.cli;

import dev.queuebench.common.BadInputException;
import dev.queuebench.common.DatabaseOptions;
import dev.queuebench.common.Launcher;
import dev.queuebench.domain.BackendId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Extra nodes on this machine for {@code --nodes}: {@code queue-bench worker} processes, each its own JVM with its own
 * workers and pools, on the same database and backend knobs as this process. They are started after this process
 * opened the database (so on the embedded default they join its server) and stopped before it closes it: SIGTERM,
 * which drains their running jobs and flushes what they recorded.
 */
final class LocalNodes implements AutoCloseable {

    /** Time for a worker to start its JVM, join the database and start its workers. */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    /** Time for a stopped worker to finish its running jobs and flush, beyond which it is killed. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);

    private final List<Process> processes;

    private LocalNodes(List<Process> processes) {
        this.processes = processes;
    }

    /**
     * Starts {@code count} workers of the backend and returns once each said it runs its workers.
     *
     * @param workerOptions the backend's knobs as {@code worker} takes them ({@code --threads}, {@code -o k=v})
     * @throws BadInputException when this program cannot start itself again (not the distribution)
     * @throws IllegalStateException when a worker fails to start, with where its log is
     */
    static LocalNodes start(int count, BackendId backend, DatabaseOptions database, List<String> workerOptions) {
        List<String> program = Launcher.relaunchCommand().orElseThrow(() -> new BadInputException(
                "--nodes starts more queue-bench processes, which only the queue-bench program can do"));
        Path logs = DatabaseOptions.home().resolve("logs");
        List<Process> started = new ArrayList<>();
        LocalNodes nodes = new LocalNodes(started);
        try {
            Files.createDirectories(logs);
            List<CompletableFuture<Void>> ready = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                List<String> command = new ArrayList<>(program);
                // each worker names itself as any process does (host, pid, a random suffix): ids stay unique when a
                // compare starts workers again for its next node count or backend
                command.addAll(List.of("worker", "--backend", backend.value(),
                        "--db-pool-size", Integer.toString(database.backendPoolSize()),
                        "--parent-pid", Long.toString(ProcessHandle.current().pid())));
                command.addAll(workerOptions);
                ProcessBuilder builder = new ProcessBuilder(command)
                        .redirectErrorStream(false)
                        .redirectError(ProcessBuilder.Redirect.appendTo(logs.resolve(logName(i)).toFile()));
                database.passTo(builder.environment());
                Process process = builder.start();
                started.add(process);
                ready.add(awaitReady(process, logs.resolve(logName(i))));
            }
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new))
                    .get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return nodes;
        } catch (IOException e) {
            nodes.close();
            throw new UncheckedIOException("could not start a worker process", e);
        } catch (TimeoutException e) {
            nodes.close();
            throw new IllegalStateException("a worker process did not start its workers within " + READY_TIMEOUT
                    + " (see " + logs + ")", e);
        } catch (InterruptedException e) {
            nodes.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while worker processes started", e);
        } catch (Exception e) {
            nodes.close();
            throw new IllegalStateException("a worker process failed to start: " + e.getMessage(), e);
        }
    }

    /** Where the i-th extra node of this process writes its stderr, appended to across its starts. */
    private static String logName(int i) {
        return "node-" + ProcessHandle.current().pid() + "-" + i + ".log";
    }

    /** Completes once the worker prints its ready line; fails when it exits first. Drains its output after. */
    private static CompletableFuture<Void> awaitReady(Process process, Path log) {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith(WorkerCommand.READY)) {
                        ready.complete(null);
                    }
                }
            } catch (IOException e) {
                // the process is gone: handled below
            }
            ready.completeExceptionally(new IllegalStateException("worker process " + process.pid()
                    + " exited before it was ready (see " + log + ")"));
        }, "qb-node-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        return ready;
    }

    /** SIGTERM to every worker, then waits for each to drain and exit; kills one that does not in time. */
    @Override
    public void close() {
        processes.forEach(Process::destroy);
        for (Process process : processes) {
            try {
                if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}

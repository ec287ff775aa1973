package dev.queuebench.common;

import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.NodeId;
import dev.queuebench.ports.out.WorkerNodesPort;
import dev.queuebench.ports.out.WorkerNodesPort.WorkerNode;
import dev.queuebench.ports.out.WorkerNodesPort.WorkerNodes;
import dev.queuebench.ports.spi.BackendSettings;
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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Extra nodes on this machine for {@code --nodes}: {@code queue-bench worker} processes, each its own JVM with its own
 * workers and pools, on the same database and backend knobs as this process. They are started after this process
 * opened the database (so on the embedded default they join its server) and stopped before it closes it: SIGTERM,
 * which drains their running jobs and flushes what they recorded. A fault may kill or pause one on purpose.
 *
 * <p>A worker says it is ready with one line on its stdout, {@link #readyLine}; everything else it writes goes to its
 * log.
 */
public final class LocalNodes implements WorkerNodes {

    /** How a worker's ready line starts. */
    private static final String READY = "ready: node ";
    private static final String RUNS_THE_WORKERS_OF = " runs the workers of ";

    /** Time for a worker to start its JVM, join the database and start its workers. */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    /** Time for a stopped worker to finish its running jobs and flush, beyond which it is killed. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);

    /** One worker process: the i-th extra node, and the id it gave itself. */
    private record Node(int index, Process process, NodeId id) {

        WorkerNode worker() {
            return new WorkerNode(id, process.pid());
        }
    }

    private final List<String> command;
    private final DatabaseOptions database;
    private final Path logs;
    private final List<Node> nodes = new ArrayList<>();
    /** Every worker process started, ready or not: what {@link #close} stops. */
    private final List<Process> processes = new ArrayList<>();

    private LocalNodes(List<String> command, DatabaseOptions database, Path logs) {
        this.command = command;
        this.database = database;
        this.logs = logs;
    }

    /** The port that starts {@code queue-bench worker} processes on this database. */
    static WorkerNodesPort port(DatabaseOptions database) {
        return (count, backend, settings) -> start(count, backend, database, workerOptions(settings));
    }

    /** What a worker prints on its stdout once it runs its workers: the one line this class reads. */
    public static String readyLine(NodeId node, BackendId backend, String database) {
        return READY + node + RUNS_THE_WORKERS_OF + backend + " on " + database;
    }

    /** The node id in a {@link #readyLine}. */
    static NodeId nodeOfReadyLine(String line) {
        int end = line.indexOf(RUNS_THE_WORKERS_OF);
        if (!line.startsWith(READY) || end < READY.length()) {
            throw new IllegalArgumentException("not a ready line: " + line);
        }
        return NodeId.of(line.substring(READY.length(), end));
    }

    /** The backend's knobs as {@code worker} takes them: its profile, and each value given ({@code -o k=v}). */
    private static List<String> workerOptions(BackendSettings settings) {
        List<String> options = new ArrayList<>(List.of("--profile", settings.profile().wireName()));
        settings.values().forEach((key, value) -> options.addAll(List.of("-o", key + "=" + value)));
        return options;
    }

    /**
     * Starts {@code count} workers of the backend and returns once each said it runs its workers.
     *
     * @param workerOptions the backend's knobs as {@code worker} takes them ({@code --profile}, {@code -o k=v})
     * @throws BadInputException when this program cannot start itself again (not the distribution)
     * @throws IllegalStateException when a worker fails to start, with where its log is
     */
    private static LocalNodes start(int count, BackendId backend, DatabaseOptions database,
                                    List<String> workerOptions) {
        List<String> command = new ArrayList<>(Launcher.relaunchCommand().orElseThrow(() -> new BadInputException(
                "--nodes starts more queue-bench processes, which only the queue-bench program can do")));
        // each worker names itself as any process does (host, pid, a random suffix): ids stay unique when a compare
        // starts workers again for its next node count or backend, or a killed node is replaced
        command.addAll(List.of("worker", "--backend", backend.value(),
                "--parent-pid", Long.toString(ProcessHandle.current().pid())));
        command.addAll(database.poolArguments());
        command.addAll(workerOptions);
        LocalNodes nodes = new LocalNodes(List.copyOf(command), database, DatabaseOptions.home().resolve("logs"));
        try {
            Files.createDirectories(nodes.logs);
            List<Integer> indexes = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                indexes.add(i);
            }
            nodes.startAll(indexes);
            return nodes;
        } catch (IOException e) {
            nodes.close();
            throw new UncheckedIOException("could not start a worker process", e);
        } catch (RuntimeException e) {
            nodes.close();
            throw e;
        }
    }

    /** Starts the workers of these indexes and waits until each is ready. */
    private void startAll(List<Integer> indexes) throws IOException {
        List<CompletableFuture<Node>> ready = new ArrayList<>();
        for (int index : indexes) {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.appendTo(log(index).toFile()));
            database.passTo(builder.environment());
            Process process = builder.start();
            processes.add(process);
            ready.add(awaitReady(index, process));
        }
        try {
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new))
                    .get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("a worker process did not start its workers within " + READY_TIMEOUT
                    + " (see " + logs + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while worker processes started", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a worker process failed to start: " + e.getCause().getMessage(), e);
        }
        ready.forEach(node -> nodes.add(node.join()));
    }

    /** Where the i-th extra node of this process writes its stderr, appended to across its starts. */
    private Path log(int index) {
        return logs.resolve("node-" + ProcessHandle.current().pid() + "-" + index + ".log");
    }

    /**
     * Completes with the node once the worker prints its ready line ({@code ready: node ID ...}); fails when it exits
     * first. Drains its output after.
     */
    private CompletableFuture<Node> awaitReady(int index, Process process) {
        CompletableFuture<Node> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith(READY)) {
                        ready.complete(new Node(index, process, nodeOfReadyLine(line)));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the process is gone, or said something else: handled below
            }
            ready.completeExceptionally(new IllegalStateException("worker process " + process.pid()
                    + " exited before it was ready (see " + log(index) + ")"));
        }, "qb-node-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        return ready;
    }

    /** The first extra node whose process is alive: the one a fault hits. */
    @Override
    public synchronized Optional<WorkerNode> firstAlive() {
        return nodes.stream().filter(node -> node.process().isAlive()).findFirst().map(Node::worker);
    }

    @Override
    public void kill(WorkerNode node) throws InterruptedException {
        Process process = processOf(node);
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void pause(WorkerNode node, boolean pause) throws InterruptedException {
        String signal = pause ? "-STOP" : "-CONT";
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(processOf(node).pid()))
                    .redirectErrorStream(true).start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill " + signal + " " + node.pid() + " failed: "
                        + new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("kill " + signal + " " + node.pid() + " failed", e);
        }
    }

    private synchronized Process processOf(WorkerNode worker) {
        return nodes.stream().filter(node -> node.id().equals(worker.id())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("node " + worker.id() + " is not a node of these"))
                .process();
    }

    /** Starts a new worker in place of each one that died, so that the next run has as many nodes as asked. */
    @Override
    public synchronized void replaceDead() {
        List<Node> dead = nodes.stream().filter(node -> !node.process().isAlive()).toList();
        if (dead.isEmpty()) {
            return;
        }
        nodes.removeAll(dead);
        dead.forEach(node -> processes.remove(node.process()));
        try {
            startAll(dead.stream().map(Node::index).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a worker process", e);
        }
    }

    /** SIGTERM to every worker, then waits for each to drain and exit; kills one that does not in time. */
    @Override
    public synchronized void close() {
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

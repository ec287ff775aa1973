package dev.queuebench.cli;

import dev.queuebench.common.BadInputException;
import dev.queuebench.common.Bench;
import dev.queuebench.common.DatabaseOptions;
import dev.queuebench.common.Converters.ProfileConverter;
import dev.queuebench.common.ExitCode;
import dev.queuebench.common.LocalNodes;
import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.NodeId;
import dev.queuebench.domain.Profile;
import dev.queuebench.ports.in.BenchmarkSettings;
import dev.queuebench.ports.spi.BackendSettings;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Run one backend's workers as one more node, for the jobs of any run, until stopped. Runs started",
                "elsewhere (run, compare, the page) are then executed by every node through the backend's own",
                "clustering, and each node's share shows in the report. Start any number, on any machine that reaches",
                "the database (--jdbc-url). Ctrl-C or SIGTERM drains: the running jobs finish (up to the backend's",
                "shutdown timeout) and what this node recorded is flushed; the process then exits with 130 or 143.",
                "On the embedded default it joins the server of a Queue Bench process running on this machine.",
                ExitCode.SUMMARY})
final class WorkerCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Option(names = "--backend", required = true, paramLabel = "ID", description = "Backend id, see `backends`.")
    String backend;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (the backend's default otherwise).")
    Integer threads;

    @Option(names = "--profile", defaultValue = Profile.DEFAULT_WIRE_NAME, converter = ProfileConverter.class,
            paramLabel = "PROFILE", description = "shipped or tuned: whose advice the knobs follow, as the runs this"
                    + " node works for run with. Default: ${DEFAULT-VALUE}.")
    Profile profile;

    @Option(names = {"-o", "--backend-option"}, paramLabel = "KEY=VALUE",
            description = "A backend knob, e.g. -o poll-interval=500ms; see `backends`.")
    Map<String, String> backendOptions = new LinkedHashMap<>();

    @Option(names = "--node-id", paramLabel = "ID",
            description = "This node's name in reports (default: host name and process id).")
    String nodeId;

    @Option(names = "--parent-pid", hidden = true, paramLabel = "PID",
            description = "Stop (draining, as on SIGTERM) when this process ends: how --nodes ties its workers to it.")
    Long parentPid;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        BackendId id = BackendId.of(backend.trim());
        BackendSettings settings = BadInputException.check(() ->
                BackendChoice.settings(BackendChoice.backend(id), profile, threads, backendOptions));
        BackendChoice.requireEnoughConnections(id, settings, List.of(profile), database);
        BenchmarkSettings benchmarkSettings = nodeId == null ? BenchmarkSettings.defaults()
                : BadInputException.check(() -> BenchmarkSettings.defaults().withNodeId(NodeId.of(nodeId.trim())));
        // closed by the Bench's own shutdown hook on Ctrl-C or SIGTERM: workers drained, recordings flushed
        Bench bench = Bench.open(database, benchmarkSettings, Map.of(id, settings));
        bench.core().serveWorkers(id);
        if (parentPid != null) {
            // a parent killed with kill -9 cannot stop its workers: they stop themselves, through the same exit
            ProcessHandle.of(parentPid).map(ProcessHandle::onExit)
                    .orElse(CompletableFuture.completedFuture(null))
                    .thenRun(() -> System.exit(ExitCode.OK));
        }
        PrintWriter out = spec.commandLine().getOut();
        // the line --nodes waits for; the rest goes to stderr
        out.println(LocalNodes.readyLine(bench.core().settings().nodeId(), id, bench.databaseDescription()));
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        err.println("queue-bench: stop with Ctrl-C or SIGTERM; the running jobs finish first");
        err.flush();
        new CountDownLatch(1).await();
        return ExitCode.OK;
    }
}

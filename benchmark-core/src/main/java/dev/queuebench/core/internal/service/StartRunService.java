package dev.queuebench.core.internal.service;

import dev.queuebench.core.internal.faults.Retrier;
import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.NodeId;
import dev.queuebench.domain.RunId;
import dev.queuebench.ports.in.StartRunCommand;
import dev.queuebench.ports.in.StartRunUseCase;
import dev.queuebench.ports.out.DatabaseMetricsPort;
import dev.queuebench.ports.out.RunEnvironmentPort;
import dev.queuebench.ports.out.SaveRunPort;
import dev.queuebench.ports.spi.QueueBackend;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * Creates runs, owned by this node, with their environment fingerprint, and submits their scheduling jobs.
 * {@link #startRun} does both at once, as the original harness's button did; a benchmark runner creates the run
 * first and submits it when its turn has come ({@link BenchmarkRunner}).
 */
public final class StartRunService implements StartRunUseCase {

    private final QueueBackends backends;
    private final SaveRunPort saveRuns;
    private final RunEnvironmentPort environments;
    private final EnvironmentFingerprint fingerprint;
    private final OwnedRuns owned;
    private final NodeId node;
    private final Clock clock;
    private final Retrier retrier;

    StartRunService(QueueBackends backends, SaveRunPort saveRuns, RunEnvironmentPort environments,
                    DatabaseMetricsPort database, Map<String, String> runnerFacts, OwnedRuns owned, NodeId node,
                    Clock clock, Retrier retrier) {
        this.backends = Objects.requireNonNull(backends, "backends are required");
        this.saveRuns = Objects.requireNonNull(saveRuns, "save-run port is required");
        this.environments = Objects.requireNonNull(environments, "environment port is required");
        this.fingerprint = new EnvironmentFingerprint(runnerFacts, database);
        this.owned = Objects.requireNonNull(owned, "owned runs are required");
        this.node = Objects.requireNonNull(node, "node id is required");
        this.clock = Objects.requireNonNull(clock, "clock is required");
        this.retrier = Objects.requireNonNull(retrier, "retrier is required");
    }

    /**
     * Creates the run and submits its scheduling job at once; a run whose job cannot be submitted is removed again.
     */
    @Override
    public BenchmarkRun startRun(StartRunCommand command) {
        if (command.spec().workload().enqueuedByTheRunner()) {
            throw new IllegalArgumentException("the " + command.spec().workload().wireName()
                    + " workload is enqueued by the process that drives it: run it to its end (runToEnd,"
                    + " startBenchmark), not startRun");
        }
        BenchmarkRun run = createRun(command);
        try {
            return submit(run);
        } catch (RuntimeException e) {
            saveRuns.deleteRun(run.id());
            owned.remove(run.id());
            throw e;
        }
    }

    /** Persists a new pending run, owned by this node, with its fingerprint; its scheduling job is not submitted. */
    BenchmarkRun createRun(StartRunCommand command) {
        Objects.requireNonNull(command, "command is required");
        // created now (knobs checked, tables migrated): a backend that cannot be had refuses the run, which is not stored
        backends.backend(command.spec().backend());
        RunId id = saveRuns.nextRunId();
        BenchmarkRun run = BenchmarkRun.create(id, command.spec(), clock.instant());
        saveRuns.insertRun(run, node);
        owned.add(id);
        try {
            environments.saveEnvironment(id, fingerprint.capture(run, command.nodes(),
                    backends.provider(run.backend()).descriptor(), backends.setupOf(run.backend(),
                            command.profile())));
        } catch (RuntimeException e) {
            saveRuns.deleteRun(id);
            owned.remove(id);
            throw e;
        }
        return run;
    }

    /** Records the submission, then hands the run's scheduling job to its backend. */
    BenchmarkRun submit(BenchmarkRun run) {
        QueueBackend backend = backends.backend(run.backend());
        BenchmarkRun submitted = markSubmitted(run);
        retrier.run("submit the scheduling job of run " + run.id(), () -> backend.submitSchedulingJob(run.id()));
        return submitted;
    }

    /** Records the submission of a run whose jobs its driver enqueues itself: no scheduling job goes to the backend. */
    BenchmarkRun markSubmitted(BenchmarkRun run) {
        BenchmarkRun submitted = run.submit(clock.instant());
        retrier.call("store the submission of run " + run.id(), () -> saveRuns.saveSubmitted(submitted));
        return submitted;
    }
}

package dev.queuebench.ports.service;

import dev.queuebench.domain.BenchmarkRun;
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
 * Persists a new run with its environment fingerprint and submits its scheduling job; a run whose job cannot be
 * submitted is removed again.
 */
public final class StartRunService implements StartRunUseCase {

    private final QueueBackends backends;
    private final SaveRunPort saveRuns;
    private final RunEnvironmentPort environments;
    private final EnvironmentFingerprint fingerprint;
    private final Clock clock;

    StartRunService(QueueBackends backends, SaveRunPort saveRuns, RunEnvironmentPort environments,
                    EnvironmentFingerprint fingerprint, Clock clock) {
        this.backends = Objects.requireNonNull(backends, "backends are required");
        this.saveRuns = Objects.requireNonNull(saveRuns, "save-run port is required");
        this.environments = Objects.requireNonNull(environments, "environment port is required");
        this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint is required");
        this.clock = Objects.requireNonNull(clock, "clock is required");
    }

    public StartRunService(QueueBackends backends, SaveRunPort saveRuns, RunEnvironmentPort environments,
                           DatabaseMetricsPort database, Map<String, String> runnerFacts, Clock clock) {
        this(backends, saveRuns, environments, new EnvironmentFingerprint(runnerFacts, database), clock);
    }

    @Override
    public BenchmarkRun startRun(StartRunCommand command) {
        Objects.requireNonNull(command, "command is required");
        QueueBackend backend = backends.backend(command.spec().backend());
        RunId id = saveRuns.nextRunId();
        BenchmarkRun run = BenchmarkRun.create(id, command.spec(), clock.instant());
        saveRuns.insertRun(run);
        try {
            environments.saveEnvironment(id, fingerprint.capture(run, backend));
            backend.submitSchedulingJob(id);
        } catch (RuntimeException e) {
            saveRuns.deleteRun(id);
            throw e;
        }
        return run;
    }
}

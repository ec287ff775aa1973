package dev.queuebench.ports.service;

import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.RunId;
import dev.queuebench.ports.in.StartRunCommand;
import dev.queuebench.ports.in.StartRunUseCase;
import dev.queuebench.ports.out.SaveRunPort;
import dev.queuebench.ports.spi.QueueBackend;
import java.time.Clock;
import java.util.Objects;

/** Persists a new run and submits its scheduling job; a run whose job cannot be submitted is removed again. */
public final class StartRunService implements StartRunUseCase {

    private final QueueBackends backends;
    private final SaveRunPort saveRuns;
    private final Clock clock;

    public StartRunService(QueueBackends backends, SaveRunPort saveRuns, Clock clock) {
        this.backends = Objects.requireNonNull(backends, "backends are required");
        this.saveRuns = Objects.requireNonNull(saveRuns, "save-run port is required");
        this.clock = Objects.requireNonNull(clock, "clock is required");
    }

    @Override
    public BenchmarkRun startRun(StartRunCommand command) {
        Objects.requireNonNull(command, "command is required");
        QueueBackend backend = backends.backend(command.spec().backend());
        RunId id = saveRuns.nextRunId();
        BenchmarkRun run = BenchmarkRun.create(id, command.spec(), clock.instant());
        saveRuns.insertRun(run);
        try {
            backend.submitSchedulingJob(id);
        } catch (RuntimeException e) {
            saveRuns.deleteRun(id);
            throw e;
        }
        return run;
    }
}

package dev.queuebench.ports.in;

import dev.queuebench.domain.BenchmarkRun;

/** Creates a run and submits its scheduling job to the run's backend. */
public interface StartRunUseCase {

    /**
     * @return the persisted run, pending until a worker of its backend picks up the scheduling job
     * @throws UnknownBackendException when no backend with the command's id is registered; nothing is persisted
     */
    BenchmarkRun startRun(StartRunCommand command);
}

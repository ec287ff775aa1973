package dev.queuebench.ports.in;

import dev.queuebench.domain.BenchmarkRun;

/**
 * Starts a benchmark the way every runner runs one: the run waits for its turn, then its backend's tables are emptied
 * as if new (unless another run's jobs are in them), only that backend's workers run while it runs, and they stop when
 * it ends. A run started from the page is the same run as one started from the command line.
 */
public interface StartBenchmarkUseCase {

    /**
     * @return the run, pending; it is driven to its end in the background, after the runs started before it
     * @throws UnknownBackendException when no backend with the command's id is registered; nothing is persisted
     * @throws IllegalStateException   while a comparison started in the background on this node has not ended: it
     *                                 creates its runs as it goes, and a run created meanwhile would be older than
     *                                 its next one yet driven after it; nothing is persisted
     */
    BenchmarkRun startBenchmark(StartRunCommand command);
}

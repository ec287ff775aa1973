package dev.queuebench.ports.out;

import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.RunId;
import dev.queuebench.ports.in.RunListFilter;
import java.util.List;
import java.util.Optional;

/** Reads runs. */
public interface LoadRunPort {

    Optional<BenchmarkRun> loadRun(RunId runId);

    /** Newest first ({@code created_at}, then id, descending), as the filter says. */
    List<BenchmarkRun> listRuns(RunListFilter filter);

    /**
     * Runs that neither finished nor ended, oldest first: the pending, scheduling and running ones (and those that
     * stalled but have not been ended yet). The candidates for "whose turn is it?".
     */
    List<BenchmarkRun> loadActiveRuns();
}

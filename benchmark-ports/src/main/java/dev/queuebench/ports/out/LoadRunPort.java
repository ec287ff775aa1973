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

    /** Runs whose scheduling started and which have not finished: the candidates for "another run is running". */
    List<BenchmarkRun> loadStartedUnfinishedRuns();
}

package dev.queuebench.core.internal.service;

import dev.queuebench.core.internal.faults.Retrier;
import dev.queuebench.domain.JobWork;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.RunNotFoundException;
import dev.queuebench.ports.out.LoadRunPort;
import dev.queuebench.ports.spi.JobWorkSource;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** What each run's jobs do, read from the run once and kept: a job asks on every execution. */
final class RunJobWork implements JobWorkSource {

    private final LoadRunPort runs;
    private final Retrier retrier;
    private final Map<RunId, JobWork> known = new ConcurrentHashMap<>();

    RunJobWork(LoadRunPort runs, Retrier retrier) {
        this.runs = Objects.requireNonNull(runs, "run port is required");
        this.retrier = Objects.requireNonNull(retrier, "retrier is required");
    }

    @Override
    public JobWork jobWorkOf(RunId runId) {
        JobWork work = known.get(runId);
        if (work != null) {
            return work;
        }
        work = retrier.call("read run " + runId, () -> runs.loadRun(runId))
                .orElseThrow(() -> new RunNotFoundException(runId))
                .spec().jobWork();
        known.put(runId, work);
        return work;
    }
}

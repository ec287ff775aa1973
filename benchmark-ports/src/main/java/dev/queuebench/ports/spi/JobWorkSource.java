package dev.queuebench.ports.spi;

import dev.queuebench.domain.JobWork;
import dev.queuebench.domain.RunId;

/** What the jobs of a run do, as the run asked: the core looks it up once per run and keeps it. */
@FunctionalInterface
public interface JobWorkSource {

    /** Every run's jobs do nothing and carry nothing: for backends tested alone. */
    JobWorkSource NONE = runId -> JobWork.NONE;

    /** @throws dev.queuebench.domain.RunNotFoundException when the run does not exist */
    JobWork jobWorkOf(RunId runId);
}

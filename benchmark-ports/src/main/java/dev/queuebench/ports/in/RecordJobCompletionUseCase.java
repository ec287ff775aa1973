package dev.queuebench.ports.in;

import dev.queuebench.domain.RunId;
import java.time.Instant;

/**
 * Called by every pretend job when it ran. Records in memory only; a background flusher persists one snapshot per
 * run and node about once a second. No database write happens per job.
 */
public interface RecordJobCompletionUseCase {

    void jobCompleted(JobCompletion completion);

    /**
     * Called by every pretend job as it starts, before its work: nodes that keep a journal note it there (which jobs
     * a node was running when it was killed), and count nothing.
     */
    default void jobStarted(RunId runId, int jobIndex, Instant startedAt) {
    }
}

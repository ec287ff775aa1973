package dev.queuebench.domain;

import java.util.Locale;

/** Where a run is in its lifecycle, as {@link RunStatusRule} decides it. */
public enum RunStatus {
    /** Created, waiting for its turn or for a worker to pick up its scheduling job. */
    PENDING,
    /** Enqueueing its pretend jobs. */
    SCHEDULING,
    /** All jobs enqueued, not all completed yet. */
    RUNNING,
    /** All jobs completed. */
    FINISHED,
    /** Started, unfinished, and no progress was seen for the stall timeout. */
    STALLED,
    /** Ended before it finished, for a stated reason: its process is gone, or its scheduling job never ran. */
    INTERRUPTED;

    /** Whether a run in this status blocks every other run from starting: it is scheduling or draining. */
    public boolean isRunning() {
        return this == SCHEDULING || this == RUNNING;
    }

    /** Whether the run may still do something: it is pending, scheduling or running. */
    public boolean isActive() {
        return this == PENDING || isRunning();
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package dev.queuebench.domain;

import java.util.Locale;

/** Where a run is in its lifecycle, as {@link RunStatusRule} decides it. */
public enum RunStatus {
    /** Created; its scheduling job has not taken the run lock yet. */
    PENDING,
    /** Enqueueing its pretend jobs. */
    SCHEDULING,
    /** All jobs enqueued, not all completed yet. */
    RUNNING,
    /** All jobs completed. */
    FINISHED,
    /** Started, unfinished, and no progress was seen for the stall timeout. */
    STALLED;

    /** Whether a run in this status blocks another run from starting. */
    public boolean isRunning() {
        return this == SCHEDULING || this == RUNNING;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package dev.queuebench.ports.in;

import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.RunStatus;
import java.util.Objects;
import java.util.Optional;

/**
 * Which runs to list, newest first: optionally one backend's, one workload's ({@code delayed}, {@code backlog},
 * {@code rate}) or those in one status, at most {@code limit}, optionally only those older than the run
 * {@code before} (the last run of the previous page). A status is decided when the runs are read (a run stalls
 * while nobody writes to it): a store narrows by {@link #mayHoldStatus}, the report service decides.
 */
public record RunListFilter(Optional<BackendId> backend, int limit, Optional<RunId> before, Optional<String> workload,
                            Optional<RunStatus> status) {

    public static final int MAX_LIMIT = 500;

    public RunListFilter {
        Objects.requireNonNull(backend, "backend filter is required (may be empty)");
        Objects.requireNonNull(before, "before cursor is required (may be empty)");
        Objects.requireNonNull(workload, "workload filter is required (may be empty)");
        Objects.requireNonNull(status, "status filter is required (may be empty)");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }

    public RunListFilter(Optional<BackendId> backend, int limit, Optional<RunId> before) {
        this(backend, limit, before, Optional.empty(), Optional.empty());
    }

    public static RunListFilter newest(int limit) {
        return new RunListFilter(Optional.empty(), limit, Optional.empty());
    }

    public RunListFilter forBackend(BackendId backendId) {
        return new RunListFilter(Optional.of(backendId), limit, before, workload, status);
    }

    public RunListFilter olderThan(RunId runId) {
        return new RunListFilter(backend, limit, Optional.of(runId), workload, status);
    }

    /** Only runs of this workload, by its wire name ({@code delayed}, {@code backlog}, {@code rate}). */
    public RunListFilter ofWorkload(String wireName) {
        return new RunListFilter(backend, limit, before, Optional.of(wireName), status);
    }

    /** Only runs in this status as it is decided when they are read. */
    public RunListFilter inStatus(RunStatus wanted) {
        return new RunListFilter(backend, limit, before, workload, Optional.of(wanted));
    }

    /**
     * Whether a stored run may be in the status asked for, from what is stored alone: finished, ended (stalled or
     * interrupted) or neither. The report service decides the status itself; a store narrows with this.
     */
    public boolean mayHoldStatus(boolean finished, Optional<RunStatus> endedAs) {
        return status.map(wanted -> switch (wanted) {
            case FINISHED -> finished;
            case INTERRUPTED -> endedAs.filter(RunStatus.INTERRUPTED::equals).isPresent();
            // a run stalls on record when its owner ends it, or on sight when nothing was written for the timeout
            case STALLED -> endedAs.filter(RunStatus.STALLED::equals).isPresent() || (!finished && endedAs.isEmpty());
            case PENDING, SCHEDULING, RUNNING -> !finished && endedAs.isEmpty();
        }).orElse(true);
    }
}

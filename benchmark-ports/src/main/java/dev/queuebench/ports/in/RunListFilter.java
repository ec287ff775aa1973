package dev.queuebench.ports.in;

import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.RunId;
import java.util.Objects;
import java.util.Optional;

/**
 * Which runs to list, newest first: optionally one backend's, at most {@code limit}, optionally only those older
 * than the run {@code before} (the last run of the previous page).
 */
public record RunListFilter(Optional<BackendId> backend, int limit, Optional<RunId> before) {

    public static final int MAX_LIMIT = 500;

    public RunListFilter {
        Objects.requireNonNull(backend, "backend filter is required (may be empty)");
        Objects.requireNonNull(before, "before cursor is required (may be empty)");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }

    public static RunListFilter newest(int limit) {
        return new RunListFilter(Optional.empty(), limit, Optional.empty());
    }

    public RunListFilter forBackend(BackendId backendId) {
        return new RunListFilter(Optional.of(backendId), limit, before);
    }

    public RunListFilter olderThan(RunId runId) {
        return new RunListFilter(backend, limit, Optional.of(runId));
    }
}

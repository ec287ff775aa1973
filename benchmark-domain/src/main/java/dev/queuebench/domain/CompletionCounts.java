package dev.queuebench.domain;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Correctness of a run: of its N jobs, how many distinct ones completed and how many executions happened.
 * Duplicates are executions beyond the first of a job; missing jobs are those that never completed.
 */
public record CompletionCounts(int jobsCount, int distinctCompleted, long executions) {

    public CompletionCounts {
        if (jobsCount < 1) {
            throw new IllegalArgumentException("jobs count must be positive, was " + jobsCount);
        }
        if (distinctCompleted < 0 || distinctCompleted > jobsCount) {
            throw new IllegalArgumentException("distinct completions must be between 0 and " + jobsCount
                    + ", was " + distinctCompleted);
        }
        if (executions < distinctCompleted) {
            throw new IllegalArgumentException("executions (" + executions
                    + ") cannot be fewer than distinct completions (" + distinctCompleted + ")");
        }
    }

    public static CompletionCounts none(int jobsCount) {
        return new CompletionCounts(jobsCount, 0, 0);
    }

    public long duplicateExecutions() {
        return executions - distinctCompleted;
    }

    public int missingJobs() {
        return jobsCount - distinctCompleted;
    }

    /** Every job completed at least once. */
    public boolean allCompleted() {
        return distinctCompleted == jobsCount;
    }

    /**
     * Of the jobs missing when the run ended, those its backend still held (scheduled, enqueued, running or waiting
     * for a retry): 0 when none is missing; empty while the run has not ended, or when nobody counted them.
     */
    public OptionalInt pendingAt(Optional<RunEnding> ending) {
        if (missingJobs() == 0) {
            return OptionalInt.of(0);
        }
        return ending.map(RunEnding::pendingJobs)
                .filter(OptionalInt::isPresent)
                .map(pending -> OptionalInt.of(Math.min(pending.getAsInt(), missingJobs())))
                .orElse(OptionalInt.empty());
    }

    /**
     * Of the jobs missing when the run ended, those that never ran and that the backend no longer held: lost by it.
     * Empty while the run has not ended, or when the pending ones were not counted.
     */
    public OptionalInt lostAt(Optional<RunEnding> ending) {
        OptionalInt pending = pendingAt(ending);
        return pending.isPresent() ? OptionalInt.of(missingJobs() - pending.getAsInt()) : OptionalInt.empty();
    }
}

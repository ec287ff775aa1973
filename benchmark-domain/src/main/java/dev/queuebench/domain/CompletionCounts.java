package dev.queuebench.domain;

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
}

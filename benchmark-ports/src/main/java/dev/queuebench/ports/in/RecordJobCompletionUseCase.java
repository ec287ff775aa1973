package dev.queuebench.ports.in;

/**
 * Called by every pretend job when it ran. Records in memory only; a background flusher persists one snapshot per
 * run and node about once a second. No database write happens per job.
 */
public interface RecordJobCompletionUseCase {

    void jobCompleted(JobCompletion completion);
}

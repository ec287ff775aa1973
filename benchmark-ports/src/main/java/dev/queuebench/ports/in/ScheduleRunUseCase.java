package dev.queuebench.ports.in;

import dev.queuebench.domain.RunId;

/**
 * Called by a backend's scheduling job: takes the run lock, checks that no other run is running, and enqueues the
 * run's pretend jobs into the backend. Returns when the last job is enqueued.
 */
public interface ScheduleRunUseCase {

    /**
     * @throws dev.queuebench.domain.ConcurrentRunException when the lock is held or another run is running: not the
     *                                                      run's turn; the backend tries the job again after the
     *                                                      retry policy's turn wait, without counting an attempt
     * @throws dev.queuebench.domain.RunNotFoundException   when the run does not exist: nothing to retry
     */
    void scheduleRun(RunId runId);
}

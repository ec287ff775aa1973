package dev.queuebench.adapter.quartz;

import dev.queuebench.domain.RunId;
import dev.queuebench.ports.in.ScheduleRunUseCase;
import org.quartz.InterruptableJob;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/**
 * A run's scheduling job: runs the scheduling phase on a Quartz worker. Interruptable, so that stopping the workers
 * ends a long scheduling loop (Quartz interrupts it while it drains; the loop checks its thread's interrupt flag)
 * instead of waiting for millions of enqueues.
 */
final class SchedulingQuartzJob implements InterruptableJob {

    private final ScheduleRunUseCase runScheduler;
    private final Object runnerLock = new Object();
    private Thread runner;

    SchedulingQuartzJob(ScheduleRunUseCase runScheduler) {
        this.runScheduler = runScheduler;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        synchronized (runnerLock) {
            runner = Thread.currentThread();
        }
        try {
            SchedulingJobData data = SchedulingJobData.from(context.getJobDetail().getJobDataMap());
            runScheduler.scheduleRun(RunId.of(data.runId()));
        } catch (RuntimeException e) {
            // Quartz's way to report a failed job; RetryWithBackoffListener decides what follows
            throw new JobExecutionException(e, false);
        } finally {
            synchronized (runnerLock) {
                runner = null;
                // the interrupt was meant for the scheduling loop: Quartz still writes the job's outcome on this thread
                Thread.interrupted();
            }
        }
    }

    @Override
    public void interrupt() {
        synchronized (runnerLock) {
            if (runner != null) {
                runner.interrupt();
            }
        }
    }
}

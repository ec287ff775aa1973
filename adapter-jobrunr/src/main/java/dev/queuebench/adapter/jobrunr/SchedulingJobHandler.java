package dev.queuebench.adapter.jobrunr;

import dev.queuebench.domain.RunId;
import dev.queuebench.ports.in.ScheduleRunUseCase;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

/**
 * Runs a {@link SchedulingJobRequest}: schedules the run through the core. Its failures are JobRunr's to retry.
 *
 * <p>Public because JobRunr invokes {@code run} reflectively from its own package; built only by this module.
 */
public final class SchedulingJobHandler implements JobRequestHandler<SchedulingJobRequest> {

    private final ScheduleRunUseCase runScheduler;

    SchedulingJobHandler(ScheduleRunUseCase runScheduler) {
        this.runScheduler = runScheduler;
    }

    @Override
    public void run(SchedulingJobRequest request) {
        runScheduler.scheduleRun(RunId.of(request.runId()));
    }
}

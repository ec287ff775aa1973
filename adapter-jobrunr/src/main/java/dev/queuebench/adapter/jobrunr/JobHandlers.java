package dev.queuebench.adapter.jobrunr;

import java.util.Map;
import org.jobrunr.server.JobActivator;

/**
 * Hands JobRunr this backend's handler instances, which carry the backend's use cases, instead of letting it build
 * handlers with their no-argument constructors. JobRunr asks twice per job, so the instances are built once.
 */
final class JobHandlers implements JobActivator {

    private final Map<Class<?>, Object> handlers;

    JobHandlers(SchedulingJobHandler schedulingJobHandler, PretendJobHandler pretendJobHandler) {
        this.handlers = Map.of(
                SchedulingJobHandler.class, schedulingJobHandler,
                PretendJobHandler.class, pretendJobHandler);
    }

    /** @return the handler, or null for any other class (JobRunr's contract for "not mine") */
    @Override
    public <T> T activateJob(Class<T> type) {
        return type.cast(handlers.get(type));
    }
}

package dev.queuebench.adapter.quartz;

import dev.queuebench.ports.spi.BackendContext;
import dev.queuebench.ports.spi.PretendJobBody;
import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/**
 * Builds Queue Bench's jobs with what they need from the backend's context, one instance per execution as Quartz's
 * own factories do; no static state. A job of any other class fails to instantiate, and Quartz sets its triggers to
 * ERROR (which {@link ErrorTriggerSweeper} then removes).
 */
final class BackendJobFactory implements JobFactory {

    private final BackendContext context;
    private final PretendJobBody pretendJob;

    BackendJobFactory(BackendContext context) {
        this.context = context;
        this.pretendJob = new PretendJobBody(context);
    }

    @Override
    public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
        Class<? extends Job> jobClass = bundle.getJobDetail().getJobClass();
        if (jobClass == PretendQuartzJob.class) {
            return new PretendQuartzJob(pretendJob);
        }
        if (jobClass == SchedulingQuartzJob.class) {
            return new SchedulingQuartzJob(context.runScheduler());
        }
        throw new SchedulerException("job " + bundle.getJobDetail().getKey() + " is of class " + jobClass.getName()
                + ", which is not a Queue Bench job");
    }
}

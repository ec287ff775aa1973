package dev.queuebench.adapter.quartz;

import dev.queuebench.ports.spi.PretendJobBody;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;


/** A pretend job: the pretend job's body, as every backend runs it, due at the time its trigger carries. */
final class PretendQuartzJob implements Job {

    private final PretendJobBody body;

    PretendQuartzJob(PretendJobBody body) {
        this.body = body;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            PretendJobData data = PretendJobData.from(context.getJobDetail().getJobDataMap());
            body.run(data.runId(), data.index(), QuartzJobs.dueAtOf(context.getTrigger(),
                    context.getScheduledFireTime()), data.payload());
        } catch (RuntimeException e) {
            throw new JobExecutionException(e, false);
        }
    }
}

package dev.queuebench.adapter.quartz;

import dev.queuebench.domain.RunId;
import dev.queuebench.ports.in.JobCompletion;
import dev.queuebench.ports.in.RecordJobCompletionUseCase;
import java.time.Clock;
import java.time.Instant;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/** A pretend job: does no work and reports its completion, due at its trigger's scheduled fire time. */
final class PretendQuartzJob implements Job {

    private final RecordJobCompletionUseCase completions;
    private final Clock clock;

    PretendQuartzJob(RecordJobCompletionUseCase completions, Clock clock) {
        this.completions = completions;
        this.clock = clock;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        Instant startedAt = clock.instant();
        try {
            PretendJobData data = PretendJobData.from(context.getJobDetail().getJobDataMap());
            Instant dueAt = context.getScheduledFireTime().toInstant();
            completions.jobCompleted(
                    new JobCompletion(RunId.of(data.runId()), data.index(), dueAt, startedAt, clock.instant()));
        } catch (RuntimeException e) {
            throw new JobExecutionException(e, false);
        }
    }
}

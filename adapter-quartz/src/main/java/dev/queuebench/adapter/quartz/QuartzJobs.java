package dev.queuebench.adapter.quartz;

import dev.queuebench.domain.RunId;
import dev.queuebench.ports.spi.PretendJob;
import java.time.Instant;
import java.util.Date;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/**
 * How Queue Bench's jobs look in Quartz: one non-durable {@link JobDetail} per job (Quartz deletes it with its last
 * trigger) and one one-shot {@link SimpleTrigger} per attempt. The first attempt's trigger has the job's name; a
 * retry's trigger is named {@code <job>#<attempt>} and carries the attempt number.
 */
final class QuartzJobs {

    static final String SCHEDULING_GROUP = "qb-scheduling";
    static final String PRETEND_GROUP = "qb-pretend";
    /** Trigger data of a retry: which attempt it is (the first attempt's trigger carries none). */
    static final String ATTEMPT = "attempt";
    /** Trigger data of a scheduling job that waits for its turn: how many times its attempt waited so far. */
    static final String TURN_WAITS = "turn-waits";

    private QuartzJobs() {
    }

    static JobDetail schedulingJob(RunId runId) {
        return JobBuilder.newJob(SchedulingQuartzJob.class)
                .withIdentity("run-" + runId.value(), SCHEDULING_GROUP)
                .usingJobData(new SchedulingJobData(runId.value()).toJobDataMap())
                .requestRecovery()
                .build();
    }

    static JobDetail pretendJob(PretendJob job) {
        return JobBuilder.newJob(PretendQuartzJob.class)
                .withIdentity(job.runId().value() + "-" + job.index(), PRETEND_GROUP)
                .usingJobData(new PretendJobData(job.runId().value(), job.index(), job.payload()).toJobDataMap())
                .requestRecovery()
                .build();
    }

    /**
     * The trigger of a job's first attempt. Quartz keeps fire times in milliseconds: {@link Date#from} truncates, so
     * the due time a pretend job reports (its trigger's scheduled fire time) is the one Quartz stored.
     */
    static Trigger firstAttempt(JobDetail job, Instant dueAt) {
        return oneShot(TriggerKey.triggerKey(job.getKey().getName(), job.getKey().getGroup()), job.getKey(), dueAt)
                .build();
    }

    static Trigger nextAttempt(JobKey job, int attempt, Instant dueAt) {
        return oneShot(TriggerKey.triggerKey(job.getName() + "#" + attempt, job.getGroup()), job, dueAt)
                .usingJobData(ATTEMPT, Integer.toString(attempt))
                .build();
    }

    /**
     * The trigger that tries the same attempt again after the job waited for its turn, named
     * {@code <job>#<attempt>~<waits>}: waiting is not failing, so the attempt number stays.
     */
    static Trigger sameAttemptAfterWaiting(JobKey job, int attempt, int waits, Instant dueAt) {
        return oneShot(TriggerKey.triggerKey(job.getName() + "#" + attempt + "~" + waits, job.getGroup()), job, dueAt)
                .usingJobData(ATTEMPT, Integer.toString(attempt))
                .usingJobData(TURN_WAITS, Integer.toString(waits))
                .build();
    }

    /** How many times the attempt a trigger fires has waited for its turn already: 0 for most. */
    static int turnWaitsOf(Trigger trigger) {
        JobDataMap data = trigger.getJobDataMap();
        return data.containsKey(TURN_WAITS) ? JobData.nonNegativeInt(data, TURN_WAITS) : 0;
    }

    /** The attempt a trigger fires: 1 for a job's first trigger. */
    static int attemptOf(Trigger trigger) {
        JobDataMap data = trigger.getJobDataMap();
        return data.containsKey(ATTEMPT) ? JobData.positiveInt(data, ATTEMPT) : 1;
    }

    /**
     * Fires once at {@code dueAt}, however late: with "ignore misfires" a trigger that is overdue beyond the misfire
     * threshold stays with the scheduler thread's normal acquisition and keeps its scheduled fire time. The default
     * ("fire now") would hand it to the MisfireHandler, which re-times overdue triggers a few at a time (a backlog
     * then drains at some ten jobs per second) and rewrites the due time that pickup lag is measured from.
     */
    private static TriggerBuilder<SimpleTrigger> oneShot(TriggerKey key, JobKey job, Instant dueAt) {
        return TriggerBuilder.newTrigger()
                .withIdentity(key)
                .forJob(job)
                .startAt(Date.from(dueAt))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionIgnoreMisfires());
    }
}

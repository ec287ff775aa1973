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
    /**
     * Trigger data of a pretend job's first attempt: its due time, in epoch milliseconds. Quartz's misfire handling
     * moves an overdue trigger's fire time to now, and its latency is measured from the time it was due.
     */
    static final String DUE_AT = "due-at";
    /** The harness's own scheduling jobs fire however late: waiting for their turn is part of their life. */
    static final int SCHEDULING_JOB_MISFIRES = Trigger.MISFIRE_INSTRUCTION_IGNORE_MISFIRE_POLICY;

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
     * The trigger of a job's first attempt, due at {@code dueAt}, which it carries. Quartz keeps fire times in
     * milliseconds: {@link Date#from} truncates, so the due time a pretend job reports is the one Quartz stored.
     * Quartz has one call for work due now and work due later: a trigger's start time ({@code startNow()} is a start
     * time of now), so {@code dueAt} is the start time either way.
     */
    static Trigger firstAttempt(JobDetail job, Instant dueAt, int misfireInstruction) {
        return oneShot(TriggerKey.triggerKey(job.getKey().getName(), job.getKey().getGroup()), job.getKey(), dueAt,
                misfireInstruction)
                .usingJobData(DUE_AT, Long.toString(Date.from(dueAt).getTime()))
                .build();
    }

    static Trigger nextAttempt(JobKey job, int attempt, Instant dueAt, int misfireInstruction) {
        return oneShot(TriggerKey.triggerKey(job.getName() + "#" + attempt, job.getGroup()), job, dueAt,
                misfireInstruction)
                .usingJobData(ATTEMPT, Integer.toString(attempt))
                .build();
    }

    /**
     * The trigger that tries the same attempt again after the job waited for its turn, named
     * {@code <job>#<attempt>~<waits>}: waiting is not failing, so the attempt number stays.
     */
    static Trigger sameAttemptAfterWaiting(JobKey job, int attempt, int waits, Instant dueAt, int misfireInstruction) {
        return oneShot(TriggerKey.triggerKey(job.getName() + "#" + attempt + "~" + waits, job.getGroup()), job, dueAt,
                misfireInstruction)
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
     * When the job of a trigger was due: the due time its first attempt carries, or else (a retry) its scheduled fire
     * time.
     */
    static Instant dueAtOf(Trigger trigger, Date scheduledFireTime) {
        JobDataMap data = trigger.getJobDataMap();
        return data.containsKey(DUE_AT)
                ? Instant.ofEpochMilli(JobData.positiveLong(data, DUE_AT))
                : scheduledFireTime.toInstant();
    }

    /**
     * Fires once at {@code dueAt}, with the given misfire instruction: "smart" (Quartz's default; a one-shot trigger
     * overdue beyond the misfire threshold is left to the MisfireHandler, which re-times such triggers to now, 20 per
     * locked transaction) or "ignore misfires" (it stays with the scheduler thread's normal acquisition, oldest first).
     */
    private static TriggerBuilder<SimpleTrigger> oneShot(TriggerKey key, JobKey job, Instant dueAt,
                                                        int misfireInstruction) {
        SimpleScheduleBuilder schedule = SimpleScheduleBuilder.simpleSchedule();
        if (misfireInstruction == Trigger.MISFIRE_INSTRUCTION_IGNORE_MISFIRE_POLICY) {
            schedule = schedule.withMisfireHandlingInstructionIgnoreMisfires();
        } else if (misfireInstruction != Trigger.MISFIRE_INSTRUCTION_SMART_POLICY) {
            throw new IllegalArgumentException("misfire instruction " + misfireInstruction + " is neither smart nor"
                    + " ignore");
        }
        return TriggerBuilder.newTrigger()
                .withIdentity(key)
                .forJob(job)
                .startAt(Date.from(dueAt))
                .withSchedule(schedule);
    }
}

package dev.queuebench.adapter.dbscheduler;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.queuebench.domain.RunId;
import dev.queuebench.ports.spi.BackendContext;
import dev.queuebench.ports.spi.PretendJob;
import dev.queuebench.ports.spi.PretendJobBody;
import dev.queuebench.ports.spi.WorkersBackend;
import dev.queuebench.ports.spi.Tables;
import dev.queuebench.ports.spi.TransientFailures;
import dev.queuebench.ports.spi.Workers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * db-scheduler driven as its users drive it: a {@link SchedulerClient} enqueues (one {@code scheduleIfNotExists}
 * per job, or {@code scheduleBatch}), a {@link Scheduler} with lock-and-fetch polling executes.
 */
final class DbSchedulerBackend implements WorkersBackend {

    private static final Logger LOG = LoggerFactory.getLogger(DbSchedulerBackend.class);

    static final String TABLE = "scheduled_tasks";
    static final String SCHEDULING_TASK = "qb-schedule-run";
    static final String PRETEND_TASK = "qb-pretend-job";
    /**
     * {@code Scheduler.stop()} waits for its due-executions and housekeeping executors 1 s, interrupts them, and waits
     * 5 s more; with a second to spare.
     */
    private static final Duration UTILITY_EXECUTORS_STOP = Duration.ofSeconds(1 + 5 + 1);

    private final BackendContext context;
    private final DbSchedulerSettings settings;
    private final Serializer serializer = new JacksonSerializer();
    private final OneTimeTask<SchedulingJobData> schedulingTask;
    private final OneTimeTask<PretendJobData> pretendTask;
    private final List<Task<?>> tasks;
    private final SchedulerClient client;
    private final Workers<Scheduler> workers = new Workers<>(this::startScheduler, Scheduler::stop,
            scheduler -> !scheduler.getSchedulerState().isShuttingDown());

    DbSchedulerBackend(BackendContext context, DbSchedulerSettings settings) {
        this.context = context;
        this.settings = settings;
        PretendJobBody pretendJob = new PretendJobBody(context);
        this.schedulingTask = Tasks.oneTime(SCHEDULING_TASK, SchedulingJobData.class)
                .onFailure(new RetryPolicyFailureHandler<>(context.retryPolicy(),
                        SchedulingJobData::failedAttempts, SchedulingJobData::afterFailedAttempt))
                .execute((instance, execution) ->
                        context.runScheduler().scheduleRun(RunId.of(instance.getData().runId())));
        this.pretendTask = Tasks.oneTime(PRETEND_TASK, PretendJobData.class)
                .onFailure(RetryPolicyFailureHandler.countingConsecutiveFailures(context.retryPolicy()))
                .execute((instance, execution) -> pretendJob.run(instance.getData().runId(),
                        instance.getData().index(), execution.getExecution().executionTime,
                        instance.getData().payload()));
        this.tasks = List.of(schedulingTask, pretendTask);
        this.client = SchedulerClient.Builder.create(context.dataSource(), tasks)
                .serializer(serializer)
                .tableName(TABLE)
                .build();
    }

    private Scheduler startScheduler() {
        SchedulerBuilder builder = Scheduler.create(context.dataSource(), tasks)
                .serializer(serializer)
                .tableName(TABLE)
                .threads(settings.threads())
                .pollingInterval(settings.pollInterval())
                .shutdownMaxWait(settings.shutdownMaxWait())
                .heartbeatInterval(settings.heartbeatInterval())
                .missedHeartbeatsLimit(settings.missedHeartbeatsLimit());
        if (settings.pollingStrategy().equals(DbSchedulerSettings.LOCK_AND_FETCH)) {
            builder.pollUsingLockAndFetch(settings.lowerLimit(), settings.upperLimit());
        } else {
            builder.pollUsingFetch(settings.lowerLimit(), settings.upperLimit());
        }
        Scheduler scheduler = builder.build();
        scheduler.start();
        return scheduler;
    }




    @Override
    public Workers<Scheduler> workers() {
        return workers;
    }

    @Override
    public void submitSchedulingJob(RunId runId) {
        client.scheduleIfNotExists(schedulingTask.instance("run-" + runId.value(),
                new SchedulingJobData(runId.value(), 0)), context.clock().instant());
    }

    @Override
    public void enqueue(PretendJob job) {
        client.scheduleIfNotExists(pretendInstance(job), job.dueAt());
    }

    /**
     * One {@code scheduleBatch}; db-scheduler's batch insert fails as a whole when one of its executions exists (a
     * batch tried again after a dropped connection may have been stored), and then each job goes alone through
     * {@code scheduleIfNotExists}.
     */
    @Override
    public void enqueueBatch(List<PretendJob> jobs) {
        List<SchedulableInstance<?>> instances = new ArrayList<>(jobs.size());
        for (PretendJob job : jobs) {
            instances.add(SchedulableInstance.of(pretendInstance(job), job.dueAt()));
        }
        try {
            client.scheduleBatch(instances);
        } catch (RuntimeException e) {
            if (TransientFailures.isTransient(e)) {
                throw e;
            }
            LOG.info("a batch of {} jobs of run {} did not go in at once ({}); enqueueing them one by one",
                    jobs.size(), jobs.get(0).runId(), e.getMessage());
            jobs.forEach(this::enqueue);
        }
    }

    private TaskInstance<PretendJobData> pretendInstance(PretendJob job) {
        return pretendTask.instance(job.runId().value() + "-" + job.index(),
                new PretendJobData(job.runId().value(), job.index(), job.payload()));
    }

    @Override
    public void clearTables() {
        Tables.truncate(context.dataSource(), List.of(TABLE));
    }

    /** Every execution still in the table: db-scheduler deletes a one-time execution once it completed. */
    @Override
    public long pendingJobs() {
        return Tables.count(context.dataSource(), "select count(*) from " + TABLE);
    }

    @Override
    public List<String> tableNames() {
        return List.of(TABLE);
    }

    /** Executions get shutdown-max-wait, then shutdown-max-wait again once interrupted; then the utility executors. */
    @Override
    public Duration shutdownTimeout() {
        return settings.shutdownMaxWait().multipliedBy(2).plus(UTILITY_EXECUTORS_STOP);
    }

    @Override
    public void close() {
        stopWorkers();
    }
}

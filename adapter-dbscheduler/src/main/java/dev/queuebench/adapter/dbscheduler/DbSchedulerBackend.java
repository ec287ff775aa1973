package dev.queuebench.adapter.dbscheduler;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.queuebench.domain.RunId;
import dev.queuebench.ports.in.BackendDescriptor;
import dev.queuebench.ports.in.JobCompletion;
import dev.queuebench.ports.spi.BackendContext;
import dev.queuebench.ports.spi.PretendJob;
import dev.queuebench.ports.spi.QueueBackend;
import dev.queuebench.ports.spi.TransientFailures;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * db-scheduler driven as its users drive it: a {@link SchedulerClient} enqueues (one {@code scheduleIfNotExists}
 * per job, or {@code scheduleBatch}), a {@link Scheduler} with lock-and-fetch polling executes.
 */
final class DbSchedulerBackend implements QueueBackend {

    private static final Logger LOG = LoggerFactory.getLogger(DbSchedulerBackend.class);

    static final String TABLE = "scheduled_tasks";
    static final String SCHEDULING_TASK = "qb-schedule-run";
    static final String PRETEND_TASK = "qb-pretend-job";

    private final BackendDescriptor descriptor;
    private final BackendContext context;
    private final DbSchedulerSettings settings;
    private final Clock clock;
    private final Serializer serializer = new JacksonSerializer();
    private final OneTimeTask<SchedulingJobData> schedulingTask;
    private final OneTimeTask<PretendJobData> pretendTask;
    private final List<Task<?>> tasks;
    private final SchedulerClient client;
    private Scheduler scheduler;

    DbSchedulerBackend(BackendDescriptor descriptor, BackendContext context, DbSchedulerSettings settings) {
        this.descriptor = descriptor;
        this.context = context;
        this.settings = settings;
        this.clock = context.clock();
        this.schedulingTask = Tasks.oneTime(SCHEDULING_TASK, SchedulingJobData.class)
                .onFailure(new PolynomialBackoffFailureHandler<>(context.retryPolicy(),
                        new PolynomialBackoffFailureHandler.AttemptCount<>() {
                            @Override
                            public int failedBefore(SchedulingJobData data, int consecutiveFailures) {
                                return data.failedAttempts();
                            }

                            @Override
                            public SchedulingJobData afterFailure(SchedulingJobData data) {
                                return data.afterFailedAttempt();
                            }
                        }))
                .execute((instance, executionContext) ->
                        context.runScheduler().scheduleRun(RunId.of(instance.getData().runId())));
        this.pretendTask = Tasks.oneTime(PRETEND_TASK, PretendJobData.class)
                .onFailure(new PolynomialBackoffFailureHandler<>(context.retryPolicy(),
                        PolynomialBackoffFailureHandler.AttemptCount.consecutiveFailures()))
                .execute(this::runPretendJob);
        this.tasks = List.of(schedulingTask, pretendTask);
        this.client = SchedulerClient.Builder.create(context.dataSource(), tasks)
                .serializer(serializer)
                .tableName(TABLE)
                .build();
    }

    private void runPretendJob(TaskInstance<PretendJobData> instance, ExecutionContext executionContext) {
        Instant startedAt = clock.instant();
        PretendJobData data = instance.getData();
        Instant dueAt = executionContext.getExecution().executionTime;
        context.completions().jobCompleted(
                new JobCompletion(RunId.of(data.runId()), data.index(), dueAt, startedAt, clock.instant()));
    }

    @Override
    public BackendDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Map<String, String> effectiveSettings() {
        return settings.asMap();
    }

    @Override
    public synchronized void startWorkers() {
        if (scheduler != null) {
            return;
        }
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
        scheduler = builder.build();
        scheduler.start();
    }

    @Override
    public synchronized void stopWorkers() {
        if (scheduler == null) {
            return;
        }
        scheduler.stop();
        scheduler = null;
    }

    @Override
    public synchronized boolean workersRunning() {
        return scheduler != null;
    }

    @Override
    public void submitSchedulingJob(RunId runId) {
        client.scheduleIfNotExists(schedulingTask.instance("run-" + runId.value(), new SchedulingJobData(runId.value(), 0)),
                clock.instant());
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
                new PretendJobData(job.runId().value(), job.index()));
    }

    @Override
    public void clearTables() {
        try (Connection connection = context.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("truncate " + TABLE);
        } catch (SQLException e) {
            throw new IllegalStateException("could not clear " + TABLE + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> tableNames() {
        return List.of(TABLE);
    }

    @Override
    public Duration shutdownTimeout() {
        // stop() waits up to twice shutdown-max-wait for executions, then a few seconds for its housekeeper
        return settings.shutdownMaxWait().multipliedBy(2).plusSeconds(7);
    }

    @Override
    public void close() {
        stopWorkers();
    }
}

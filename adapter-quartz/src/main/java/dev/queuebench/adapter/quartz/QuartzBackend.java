package dev.queuebench.adapter.quartz;

import dev.queuebench.domain.RunId;
import dev.queuebench.ports.spi.BackendContext;
import dev.queuebench.ports.spi.PretendJob;
import dev.queuebench.ports.spi.QueueBackend;
import dev.queuebench.ports.spi.Tables;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quartz.JobDetail;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz driven as its users drive it: a clustered {@code JobStoreTX} scheduler over Queue Bench's pool, one
 * {@code scheduleJob} per job, or {@code scheduleJobs} per chunk of a batch.
 *
 * <p>Lifecycle. Quartz keeps one scheduler per name per JVM, starts its scheduler and worker threads when the
 * scheduler is built, and cannot restart one that was shut down. So the scheduler is built on first use (scheduling
 * works on a built but not started scheduler, which holds idle threads), started by {@link #startWorkers()}, and shut
 * down, all its threads joined, by {@link #stopWorkers()}; the next use builds a new one with the same name.
 */
final class QuartzBackend implements QueueBackend {

    private static final Logger LOG = LoggerFactory.getLogger(QuartzBackend.class);

    /** Quartz's instance name, stored as {@code SCHED_NAME}: the same on every node, so that they form one cluster. */
    static final String SCHEDULER_NAME = "queue-bench";
    static final List<String> JOB_TABLES =
            List.of("qrtz_job_details", "qrtz_triggers", "qrtz_simple_triggers", "qrtz_fired_triggers");
    /**
     * A batch goes to Quartz in chunks of this many jobs, one {@code scheduleJobs} transaction each. Each transaction
     * holds the TRIGGER_ACCESS row lock, which every trigger acquisition and completion on every node also needs, for
     * half a dozen statements per job: the core's thousand jobs in one go would stall all firing for the whole insert
     * (seconds), while much smaller chunks pay a lock round trip and a commit per handful of jobs.
     */
    static final int BULK_CHUNK = 200;
    /** Quartz's children-first order, within this scheduler's rows; QRTZ_LOCKS and QRTZ_SCHEDULER_STATE stay. */
    private static final List<String> CLEARED_TABLES = List.of("qrtz_simple_triggers", "qrtz_cron_triggers",
            "qrtz_simprop_triggers", "qrtz_blob_triggers", "qrtz_triggers", "qrtz_fired_triggers", "qrtz_job_details");
    /** Makes "is a scheduler of that name alive?" and building one a single step across backends. */
    private static final Object SCHEDULER_NAME_LOCK = new Object();

    private final BackendContext context;
    private final QuartzSettings settings;
    private final PooledConnectionProvider connections;
    private final Object lifecycle = new Object();
    /**
     * Read without the lifecycle lock by scheduling calls: a scheduling job that enqueues while {@link #stopWorkers()}
     * waits for it must not wait for that lock in turn. Set and cleared under the lock.
     */
    private volatile Scheduler scheduler;
    private ErrorTriggerSweeper sweeper;
    private boolean closed;

    QuartzBackend(BackendContext context, QuartzSettings settings) {
        this.context = context;
        this.settings = settings;
        this.connections = PooledConnectionProvider.register(context.dataSource());
    }



    @Override
    public void startWorkers() {
        synchronized (lifecycle) {
            if (workersRunning()) {
                return;
            }
            Scheduler current = scheduler();
            try {
                current.start();
            } catch (SchedulerException e) {
                throw new IllegalStateException("could not start the Quartz scheduler: " + e.getMessage(), e);
            }
            sweeper = ErrorTriggerSweeper.start(context.dataSource(), current, SCHEDULER_NAME + "_ErrorTriggerSweeper");
        }
    }

    /**
     * Shuts the scheduler down, waiting for running jobs: Quartz joins its scheduler thread, workers, MisfireHandler
     * and ClusterManager. A running scheduling job is interrupted, stops enqueueing and fails; its retry is scheduled
     * like any other, as Quartz accepts new triggers until its workers have drained.
     */
    @Override
    public void stopWorkers() {
        synchronized (lifecycle) {
            Scheduler current = scheduler;
            if (current == null) {
                return;
            }
            if (sweeper != null) {
                sweeper.close();
                sweeper = null;
            }
            try {
                current.shutdown(true);
            } catch (SchedulerException e) {
                throw new IllegalStateException("could not shut the Quartz scheduler down: " + e.getMessage(), e);
            } finally {
                scheduler = null;
            }
        }
    }

    @Override
    public boolean workersRunning() {
        Scheduler current = scheduler;
        try {
            return current != null && current.isStarted() && !current.isInStandbyMode() && !current.isShutdown();
        } catch (SchedulerException e) {
            return false;
        }
    }

    @Override
    public void submitSchedulingJob(RunId runId) {
        JobDetail job = QuartzJobs.schedulingJob(runId);
        scheduleIfNotExists(job, QuartzJobs.firstAttempt(job, context.clock().instant(),
                QuartzJobs.SCHEDULING_JOB_MISFIRES));
    }

    @Override
    public void enqueue(PretendJob job) {
        JobDetail detail = QuartzJobs.pretendJob(job);
        scheduleIfNotExists(detail, QuartzJobs.firstAttempt(detail, job.dueAt(), settings.misfireInstructionOfJobs()));
    }

    /** Like db-scheduler's {@code scheduleIfNotExists}: a job already there stays as it is. */
    private void scheduleIfNotExists(JobDetail job, Trigger trigger) {
        try {
            scheduler().scheduleJob(job, trigger);
        } catch (ObjectAlreadyExistsException e) {
            LOG.debug("{} is scheduled already", job.getKey());
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz could not schedule " + job.getKey() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Each chunk is all or nothing: a job that exists already (a chunk tried again after a dropped connection may
     * have been stored) fails its whole chunk, whose jobs then go one by one, keeping those that exist.
     */
    @Override
    public void enqueueBatch(List<PretendJob> jobs) {
        Scheduler current = scheduler();
        for (int from = 0; from < jobs.size(); from += BULK_CHUNK) {
            List<PretendJob> chunk = jobs.subList(from, Math.min(jobs.size(), from + BULK_CHUNK));
            Map<JobDetail, Set<? extends Trigger>> triggersByJob = new LinkedHashMap<>();
            for (PretendJob job : chunk) {
                JobDetail detail = QuartzJobs.pretendJob(job);
                triggersByJob.put(detail, Set.of(QuartzJobs.firstAttempt(detail, job.dueAt(),
                        settings.misfireInstructionOfJobs())));
            }
            try {
                current.scheduleJobs(triggersByJob, false);
            } catch (ObjectAlreadyExistsException e) {
                LOG.info("jobs {} to {} of run {} did not go in at once ({}); enqueueing them one by one",
                        chunk.get(0).index(), chunk.get(chunk.size() - 1).index(), chunk.get(0).runId(), e.getMessage());
                chunk.forEach(this::enqueue);
            } catch (SchedulerException e) {
                throw new IllegalStateException("Quartz could not schedule jobs " + chunk.get(0).index() + " to "
                        + chunk.get(chunk.size() - 1).index() + " of run " + chunk.get(0).runId() + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /** Every Quartz table, the lock and scheduler-state rows included: they are part of the load a run puts on PostgreSQL. */
    @Override
    public List<String> tableNames() {
        return List.of("qrtz_job_details", "qrtz_triggers", "qrtz_simple_triggers", "qrtz_cron_triggers",
                "qrtz_simprop_triggers", "qrtz_blob_triggers", "qrtz_calendars", "qrtz_paused_trigger_grps",
                "qrtz_fired_triggers", "qrtz_scheduler_state", "qrtz_locks");
    }

    /**
     * Empties the job and trigger tables as if new, in one {@code TRUNCATE} (their foreign keys point at each other):
     * every scheduler name's rows go, so share these tables with no other Quartz. The lock and scheduler-state rows
     * stay: they are the cluster's, not a run's.
     */
    @Override
    public void clearTables() {
        Tables.truncate(context.dataSource(), CLEARED_TABLES);
    }

    /**
     * Triggers not done yet: each pending job has one, kept (ACQUIRED, EXECUTING) until its job completes, or waiting
     * for the retry it schedules.
     */
    @Override
    public long pendingJobs() {
        return Tables.count(context.dataSource(), "select count(*) from qrtz_triggers where sched_name = ?",
                SCHEDULER_NAME);
    }

    /**
     * Quartz's scheduler thread stops waiting for an acquired trigger once it is 2 ms or less away
     * ({@code while (timeUntilTrigger > 2)} in {@code QuartzSchedulerThread}) and fires it then.
     */
    @Override
    public Duration earlyStartAllowance() {
        return Duration.ofMillis(2);
    }

    /**
     * Running jobs are waited for: pretend jobs are instant, and an interrupted scheduling job stops within its
     * run-lock wait (about 10 s by default); Quartz's own threads join in well under a second.
     */
    @Override
    public Duration shutdownTimeout() {
        return Duration.ofSeconds(20);
    }

    @Override
    public void close() {
        synchronized (lifecycle) {
            closed = true;
            stopWorkers();
            connections.release();
        }
    }

    /** The scheduler, built on first use. */
    private Scheduler scheduler() {
        Scheduler current = scheduler;
        if (current != null) {
            return current;
        }
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("the Quartz backend is closed");
            }
            if (scheduler == null) {
                scheduler = newScheduler();
            }
            return scheduler;
        }
    }

    private Scheduler newScheduler() {
        synchronized (SCHEDULER_NAME_LOCK) {
            // Quartz would hand back the live scheduler of that name, wired to the other backend's context
            if (SchedulerRepository.getInstance().lookup(SCHEDULER_NAME) != null) {
                throw new IllegalStateException("Quartz runs one scheduler named '" + SCHEDULER_NAME + "' per JVM,"
                        + " and another Quartz backend in this JVM still has it: close that backend first");
            }
            Scheduler created;
            try {
                created = new StdSchedulerFactory(
                        settings.toQuartzProperties(SCHEDULER_NAME, instanceId(), connections.name()))
                        .getScheduler();
            } catch (SchedulerException e) {
                throw new IllegalStateException("could not create the Quartz scheduler: " + e.getMessage(), e);
            }
            try {
                created.setJobFactory(new BackendJobFactory(context));
                created.getListenerManager().addJobListener(
                        new RetryWithBackoffListener(context.retryPolicy(), context.clock(),
                                settings.misfireInstructionOfJobs()));
                return created;
            } catch (SchedulerException e) {
                shutDownQuietly(created);
                throw new IllegalStateException("could not set up the Quartz scheduler: " + e.getMessage(), e);
            }
        }
    }

    private static void shutDownQuietly(Scheduler scheduler) {
        try {
            scheduler.shutdown(false);
        } catch (SchedulerException e) {
            LOG.warn("could not shut down a half-built Quartz scheduler: {}", e.getMessage());
        }
    }

    /** This process's Quartz instance id, the same for every scheduler this JVM builds. */
    static String instanceId() {
        return NodeIdentity.INSTANCE_ID;
    }

    /**
     * Host and process id rather than Quartz's {@code AUTO} (host and a timestamp, new for each scheduler). Quartz's
     * shutdown releases the triggers its scheduler thread had acquired ahead of their time, but not always: halted
     * before it gets to them, or with one less than 70 ms away, the thread leaves them ACQUIRED in its instance's
     * name. A new scheduler with the same id releases them at its first cluster check-in; under a new id they would
     * wait until the old instance counts as failed, clusterCheckinInterval + 7.5 s after its last check-in.
     */
    private static final class NodeIdentity {

        static final String INSTANCE_ID = hostName() + "-" + ProcessHandle.current().pid();

        private static String hostName() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                return "localhost";
            }
        }
    }
}

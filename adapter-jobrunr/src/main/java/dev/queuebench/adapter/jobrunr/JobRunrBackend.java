package dev.queuebench.adapter.jobrunr;

import dev.queuebench.domain.RunId;
import dev.queuebench.ports.spi.BackendContext;
import dev.queuebench.ports.spi.PretendJob;
import dev.queuebench.ports.spi.PretendJobBody;
import dev.queuebench.ports.spi.WorkersBackend;
import dev.queuebench.ports.spi.Tables;
import dev.queuebench.ports.spi.TransientFailures;
import dev.queuebench.ports.spi.Workers;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jobrunr.scheduling.JobBuilder;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JobRunr driven as its users drive it, minus the static {@code JobRunr.configure()} singleton so that several
 * backends can start and stop in one JVM: a {@link JobRequestScheduler} enqueues ({@code enqueue} per job due now,
 * {@code schedule} per job due later, or {@code create} with a stream of {@link JobBuilder}s, which JobRunr saves in
 * batches), a {@link BackgroundJobServer} executes. Job ids are made from the job's run and index ({@link JobIds}), so enqueueing a job again leaves the
 * stored one as it is.
 */
final class JobRunrBackend implements WorkersBackend {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunrBackend.class);

    static final String JOBS_TABLE = "jobrunr_jobs";
    static final String RECURRING_JOBS_TABLE = "jobrunr_recurring_jobs";
    /** Every table a run writes to; not {@code jobrunr_migrations}, nor the view {@code jobrunr_jobs_stats}. */
    static final List<String> TABLES = List.of(
            JOBS_TABLE, RECURRING_JOBS_TABLE, "jobrunr_backgroundjobservers", "jobrunr_metadata");

    /** {@code BackgroundJobServer.stop()} waits up to this long for its zookeeper threads, on top of the workers. */
    private static final Duration ZOOKEEPER_STOP_WAIT = Duration.ofSeconds(10);
    /** What a stop takes beyond its documented waits: threads joining, the server's row deleted. */
    private static final Duration STOP_SLACK = Duration.ofSeconds(2);

    private final BackendContext context;
    private final JobRunrSettings settings;
    private final StorageProvider storage;
    private final JsonMapper jsonMapper;
    private final JobRequestScheduler scheduler;
    private final JobHandlers handlers;
    private final RetryPolicyFilter retryFilter;
    private final Workers<BackgroundJobServer> workers =
            new Workers<>(this::startServer, BackgroundJobServer::stop, BackgroundJobServer::isRunning);

    JobRunrBackend(BackendContext context, JobRunrSettings settings, StorageProvider storage, JsonMapper jsonMapper) {
        this.context = context;
        this.settings = settings;
        this.storage = storage;
        this.jsonMapper = jsonMapper;
        // the one-argument constructor: the other one registers itself with JobRunr's static BackgroundJobRequest
        this.scheduler = new JobRequestScheduler(storage);
        this.handlers = new JobHandlers(
                new SchedulingJobHandler(context.runScheduler()),
                new PretendJobHandler(new PretendJobBody(context)));
        this.retryFilter = new RetryPolicyFilter(context.retryPolicy(), context.clock(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    private BackgroundJobServer startServer() {
        BackgroundJobServerConfiguration configuration = BackgroundJobServerConfiguration
                .usingStandardBackgroundJobServerConfiguration()
                .andWorkerCount(settings.threads())
                .andPollInterval(settings.pollInterval())
                .andDeleteSucceededJobsAfter(settings.deleteSucceededAfter())
                .andInterruptJobsAwaitDurationOnStopBackgroundJobServer(settings.shutdownMaxWait());
        BackgroundJobServer created = new BackgroundJobServer(storage, jsonMapper, handlers, configuration);
        created.setJobFilters(List.of(retryFilter));
        created.start();
        return created;
    }




    /**
     * JobRunr's background job server; {@code running} turns false once the server stopped itself (it does on a
     * failed heartbeat, and never starts again by itself), and starting replaces it.
     */
    @Override
    public Workers<BackgroundJobServer> workers() {
        return workers;
    }

    @Override
    public void submitSchedulingJob(RunId runId) {
        scheduler.enqueue(JobIds.scheduling(runId), new SchedulingJobRequest(runId.value()));
    }

    /**
     * Work due now goes straight to JobRunr's queue ({@code enqueue}: ENQUEUED, fetched by the next idle worker), as
     * JobRunr's users and its own performance test enqueue it; a job due later is {@code schedule}d (SCHEDULED, which
     * the master moves to the queue once it is due within a poll interval).
     */
    @Override
    public void enqueue(PretendJob job) {
        UUID id = JobIds.pretend(job.runId(), job.index());
        if (job.dueNow()) {
            scheduler.enqueue(id, request(job));
        } else {
            scheduler.schedule(id, job.dueAt(), request(job));
        }
    }

    /**
     * One {@code create} with a stream of builders, which JobRunr saves in one batch insert. That insert fails as a
     * whole when one of its ids exists (a batch tried again after a dropped connection may have been stored); then
     * each job goes alone, which JobRunr skips when its id exists.
     */
    @Override
    public void enqueueBatch(List<PretendJob> jobs) {
        try {
            scheduler.create(jobs.stream().map(JobRunrBackend::builder));
        } catch (RuntimeException e) {
            if (TransientFailures.isTransient(e)) {
                throw e;
            }
            LOG.info("a batch of {} jobs of run {} did not go in at once ({}); enqueueing them one by one",
                    jobs.size(), jobs.get(0).runId(), e.getMessage());
            jobs.forEach(job -> scheduler.create(builder(job)));
        }
    }

    /** A builder without {@code scheduleAt} makes an ENQUEUED job, with it a SCHEDULED one. */
    private static JobBuilder builder(PretendJob job) {
        JobBuilder builder = JobBuilder.aJob().withId(JobIds.pretend(job.runId(), job.index()))
                .withJobRequest(request(job));
        return job.dueNow() ? builder : builder.scheduleAt(job.dueAt());
    }

    private static PretendJobRequest request(PretendJob job) {
        return new PretendJobRequest(job.runId().value(), job.index(), job.dueAt(), job.payload());
    }

    /**
     * Empties the job tables as if new ({@code TRUNCATE}). Never {@code jobrunr_migrations} (JobRunr's schema
     * history, also its migration lock), nor {@code jobrunr_backgroundjobservers} (live servers elect their master
     * there) or {@code jobrunr_metadata}.
     */
    @Override
    public void clearTables() {
        Tables.truncate(context.dataSource(), List.of(JOBS_TABLE, RECURRING_JOBS_TABLE));
    }

    /** Jobs in a state JobRunr still runs them from; succeeded, failed and deleted jobs stay in the table. */
    @Override
    public long pendingJobs() {
        return Tables.count(context.dataSource(), "select count(*) from " + JOBS_TABLE
                + " where state in ('AWAITING', 'SCHEDULED', 'ENQUEUED', 'PROCESSING')");
    }

    /** JobRunr's ready state: ENQUEUED, what idle workers fetch. */
    @Override
    public OptionalLong readyJobs() {
        return OptionalLong.of(Tables.count(context.dataSource(), "select count(*) from " + JOBS_TABLE
                + " where state = 'ENQUEUED'"));
    }

    @Override
    public List<String> tableNames() {
        return TABLES;
    }

    /**
     * JobRunr moves a scheduled job to the queue when it is due within the next poll interval, so a job may start up
     * to one poll interval before its due time (JobRunr documents this as "performed a couple of seconds too early").
     */
    @Override
    public Duration earlyStartAllowance() {
        return settings.pollInterval();
    }

    @Override
    public Duration shutdownTimeout() {
        return settings.shutdownMaxWait().plus(ZOOKEEPER_STOP_WAIT).plus(STOP_SLACK);
    }

    @Override
    public void close() {
        stopWorkers();
        storage.close();
    }
}

package dev.queuebench.adapter.postgres;

import dev.queuebench.adapter.postgres.QueueTable.ClaimedJob;
import dev.queuebench.domain.RunId;
import dev.queuebench.ports.spi.BackendContext;
import dev.queuebench.ports.spi.PretendJob;
import dev.queuebench.ports.spi.PretendJobBody;
import dev.queuebench.ports.spi.WorkersBackend;
import dev.queuebench.ports.spi.Tables;
import dev.queuebench.ports.spi.Workers;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference queue: jobs are rows of {@code qb_jobs}, inserted once each ({@code ON CONFLICT DO NOTHING}),
 * claimed in batches with {@code FOR UPDATE SKIP LOCKED} under a lease, and deleted once they ran. No library: what
 * this does is what a JVM client can get from this PostgreSQL, and every library is measured beside it.
 */
final class PostgresQueueBackend implements WorkersBackend {

    /** Beyond the two shutdown-max-waits (let jobs finish, then interrupt them): the loop's last statements. */
    private static final Duration STOP_SLACK = Duration.ofSeconds(2);

    private final BackendContext context;
    private final PostgresQueueSettings settings;
    private final QueueTable table;
    private final PretendJobBody pretendJob;
    private final Workers<QueueWorkers> workers;

    PostgresQueueBackend(BackendContext context, PostgresQueueSettings settings) {
        this.context = context;
        this.settings = settings;
        this.table = new QueueTable(context.dataSource());
        this.pretendJob = new PretendJobBody(context);
        this.workers = new Workers<>(
                () -> QueueWorkers.start(table, settings, context.clock(), context.retryPolicy(), this::execute),
                QueueWorkers::stop, QueueWorkers::running);
    }

    private void execute(ClaimedJob job) {
        switch (job.kind()) {
            case QueueTable.SCHEDULE_RUN -> context.runScheduler().scheduleRun(RunId.of(job.runId()));
            case QueueTable.PRETEND -> pretendJob.run(job.runId(), job.index(), job.dueAt(), job.payload());
            default -> throw new UnreadableJobException("job " + job.id() + " is of a kind this worker does not know: '"
                    + job.kind() + "'");
        }
    }




    @Override
    public Workers<QueueWorkers> workers() {
        return workers;
    }

    @Override
    public void submitSchedulingJob(RunId runId) {
        insert(QueueTable.SCHEDULE_RUN, runId, 0, context.clock().instant(), "");
    }

    @Override
    public void enqueue(PretendJob job) {
        insert(QueueTable.PRETEND, job.runId(), job.index(), job.dueAt(), job.payload());
    }

    /** One statement for the whole batch (the core's batches belong to one run). */
    @Override
    public void enqueueBatch(List<PretendJob> jobs) {
        if (jobs.isEmpty()) {
            return;
        }
        RunId runId = jobs.get(0).runId();
        List<Integer> indexes = new ArrayList<>(jobs.size());
        List<Instant> dueTimes = new ArrayList<>(jobs.size());
        for (PretendJob job : jobs) {
            if (!job.runId().equals(runId)) {
                throw new IllegalArgumentException("a batch holds the jobs of one run, not of " + runId + " and "
                        + job.runId());
            }
            indexes.add(job.index());
            dueTimes.add(job.dueAt());
        }
        try {
            table.insertMany(QueueTable.PRETEND, runId.value(), indexes, dueTimes, jobs.get(0).payload());
        } catch (SQLException e) {
            throw new IllegalStateException("could not enqueue " + jobs.size() + " jobs of run " + runId + ": "
                    + e.getMessage(), e);
        }
    }

    private void insert(String kind, RunId runId, int index, Instant dueAt, String payload) {
        try {
            table.insert(kind, runId.value(), index, dueAt, payload);
        } catch (SQLException e) {
            throw new IllegalStateException("could not enqueue " + kind + " job " + index + " of run " + runId + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void clearTables() {
        Tables.truncate(context.dataSource(), tableNames());
    }

    @Override
    public long pendingJobs() {
        return Tables.count(context.dataSource(), "select count(*) from " + QueueTable.TABLE);
    }

    @Override
    public List<String> tableNames() {
        return List.of(QueueTable.TABLE);
    }

    @Override
    public Duration shutdownTimeout() {
        return settings.shutdownMaxWait().multipliedBy(2).plus(STOP_SLACK);
    }

    @Override
    public void close() {
        stopWorkers();
    }
}

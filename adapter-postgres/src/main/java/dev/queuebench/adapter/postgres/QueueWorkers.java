package dev.queuebench.adapter.postgres;

import dev.queuebench.adapter.postgres.QueueTable.ClaimedJob;
import dev.queuebench.domain.RetryDecision;
import dev.queuebench.domain.RetryPolicy;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workers of one process: a loop that claims due jobs for the idle worker threads, deletes the jobs that ran
 * (many per statement), and renews the lease of those still running; and the worker threads that run them. The loop
 * waits the poll interval when nothing is due, and wakes as soon as a worker is free. A database that goes away is
 * waited out: the loop keeps what it holds and tries again.
 */
final class QueueWorkers {

    private static final Logger LOG = LoggerFactory.getLogger(QueueWorkers.class);
    /** How long the loop waits after a failed statement before it tries again, at least. */
    private static final Duration OUTAGE_WAIT = Duration.ofSeconds(1);

    private final QueueTable table;
    private final PostgresQueueSettings settings;
    private final Clock clock;
    private final RetryPolicy retryPolicy;
    private final Consumer<ClaimedJob> execute;
    private final ExecutorService pool;
    private final Thread loop;
    /** Claimed and not yet done: their leases are renewed. */
    private final Set<Long> holding = ConcurrentHashMap.newKeySet();
    /** Ran, to delete. */
    private final Queue<Long> done = new ConcurrentLinkedQueue<>();
    private volatile boolean stopping;

    private QueueWorkers(QueueTable table, PostgresQueueSettings settings, Clock clock, RetryPolicy retryPolicy,
                         Consumer<ClaimedJob> execute) {
        this.table = table;
        this.settings = settings;
        this.clock = clock;
        this.retryPolicy = retryPolicy;
        this.execute = execute;
        AtomicInteger number = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(settings.threads(),
                runnable -> new Thread(runnable, "qb-postgres-worker-" + number.incrementAndGet()));
        this.loop = new Thread(this::claimLoop, "qb-postgres-claim");
    }

    /**
     * @param execute runs one job; what it throws goes through the retry policy. It must throw
     *                {@link UnreadableJobException} for a job it cannot read.
     */
    static QueueWorkers start(QueueTable table, PostgresQueueSettings settings, Clock clock, RetryPolicy retryPolicy,
                              Consumer<ClaimedJob> execute) {
        QueueWorkers workers = new QueueWorkers(table, settings, clock, retryPolicy, execute);
        workers.loop.start();
        return workers;
    }

    boolean running() {
        return !stopping && loop.isAlive();
    }

    /**
     * Lets running jobs finish (up to shutdown-max-wait, then interrupts them), deletes what ran and gives back what
     * did not, so that another process takes it at once rather than after the lease.
     */
    void stop() {
        stopping = true;
        LockSupport.unpark(loop);
        joinLoop();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(settings.shutdownMaxWait().toMillis(), TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
                pool.awaitTermination(settings.shutdownMaxWait().toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
        try {
            deleteDone();
            table.release(List.copyOf(holding));
        } catch (SQLException e) {
            LOG.warn("could not give back {} claimed jobs; they run again when their lease ends: {}", holding.size(),
                    e.getMessage());
        }
    }

    private void joinLoop() {
        try {
            loop.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void claimLoop() {
        Instant nextRenewal = clock.instant().plus(renewEvery());
        boolean outage = false;
        while (!stopping) {
            try {
                deleteDone();
                Instant now = clock.instant();
                if (!now.isBefore(nextRenewal)) {
                    table.renew(List.copyOf(holding), now.plus(settings.lease()));
                    nextRenewal = now.plus(renewEvery());
                }
                int idle = settings.threads() - holding.size();
                if (idle > 0) {
                    List<ClaimedJob> claimed = table.claim(idle, now, settings.lease());
                    for (ClaimedJob job : claimed) {
                        holding.add(job.id());
                        pool.execute(() -> run(job));
                    }
                    if (outage) {
                        LOG.info("the queue table answers again");
                        outage = false;
                    }
                    if (claimed.size() == idle) {
                        continue; // more may be due: claim again as soon as a worker is free
                    }
                }
                LockSupport.parkNanos(settings.pollInterval().toNanos());
            } catch (SQLException | RuntimeException e) {
                if (!outage) {
                    LOG.warn("the queue table does not answer; trying again: {}", e.getMessage());
                    outage = true;
                }
                LockSupport.parkNanos(Math.max(settings.pollInterval().toNanos(), OUTAGE_WAIT.toNanos()));
            }
        }
    }

    private Duration renewEvery() {
        return settings.lease().dividedBy(3);
    }

    private void run(ClaimedJob job) {
        try {
            execute.accept(job);
            done.add(job.id());
        } catch (RuntimeException | Error e) {
            failed(job, e);
        } finally {
            holding.remove(job.id());
            LockSupport.unpark(loop);
        }
    }

    private void failed(ClaimedJob job, Throwable failure) {
        RetryDecision decision = retryPolicy.decide(failure, failure instanceof UnreadableJobException,
                job.attempts(), ThreadLocalRandom.current().nextDouble());
        Instant now = clock.instant();
        try {
            if (decision instanceof RetryDecision.Discard discard) {
                LOG.warn("discarding job {} ({} of run {}): {}", job.id(), job.kind(), job.runId(), discard.reason());
                table.delete(List.of(job.id()));
            } else if (decision instanceof RetryDecision.GiveUp giveUp) {
                LOG.error("giving up job {} after {} attempts", job.id(), giveUp.failedAttempts(), failure);
                table.delete(List.of(job.id()));
            } else if (decision instanceof RetryDecision.WaitForTurn wait) {
                table.reschedule(job.id(), now.plus(wait.delay()), job.attempts());
            } else if (decision instanceof RetryDecision.Retry retry) {
                LOG.debug("retrying job {} in {} (attempt {} failed: {})", job.id(), retry.delay(),
                        retry.failedAttempts(), failure.toString());
                table.reschedule(job.id(), now.plus(retry.delay()), retry.failedAttempts());
            }
        } catch (SQLException e) {
            LOG.warn("could not record what becomes of job {}; it runs again when its lease ends: {}", job.id(),
                    e.getMessage());
        }
    }

    /** One statement for every job that ran since the last; kept for the next try if the database is away. */
    private void deleteDone() throws SQLException {
        List<Long> ids = new ArrayList<>();
        for (Long id = done.poll(); id != null; id = done.poll()) {
            ids.add(id);
        }
        try {
            table.delete(ids);
        } catch (SQLException | RuntimeException e) {
            done.addAll(ids);
            throw e;
        }
    }
}

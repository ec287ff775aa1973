package dev.queuebench.core.internal.service;

import dev.queuebench.core.internal.faults.DatabaseOutages;
import dev.queuebench.core.internal.faults.Retrier;
import dev.queuebench.core.internal.recording.BackgroundTask;
import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.NodeId;
import dev.queuebench.domain.RunActivity;
import dev.queuebench.domain.RunEnding;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.RunStatus;
import dev.queuebench.ports.in.BenchmarkSettings;
import dev.queuebench.ports.in.RunFault;
import dev.queuebench.ports.out.LoadRunPort;
import dev.queuebench.ports.out.NodeLeasePort.OrphanedRun;
import dev.queuebench.ports.out.NodeLeasePort;
import dev.queuebench.ports.out.RunFaultPort;
import dev.queuebench.ports.out.SaveRunPort;
import dev.queuebench.ports.spi.TransientFailures;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Makes sure no run waits for ever, in any status. About once a second it:
 * <ul>
 *   <li>proves this node alive ({@link NodeLeasePort#heartbeat()}), which also notices a database outage and its end
 *       within about a second;</li>
 *   <li>ends, as interrupted, the runs of nodes that are gone (any node does this, idempotently);</li>
 *   <li>for the runs this node owns: ends a run that stalled, ends a pending run whose turn came but whose scheduling
 *       job no worker picked up within the start timeout, and once a run is over, stores the database outages it
 *       rode out with it.</li>
 * </ul>
 */
final class RunSupervisor implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RunSupervisor.class.getName());

    private final NodeLeasePort leases;
    private final LoadRunPort loadRuns;
    private final SaveRunPort saveRuns;
    private final RunFaultPort faults;
    private final RunQueue queue;
    private final OwnedRuns owned;
    private final DatabaseOutages outages;
    private final Retrier retrier;
    private final Clock clock;
    private final BenchmarkSettings settings;
    private final Function<RunId, Optional<RunActivity>> activityOf;
    private final Map<RunId, Instant> turnSince = new ConcurrentHashMap<>();
    private final BackgroundTask background;

    RunSupervisor(NodeLeasePort leases, LoadRunPort loadRuns, SaveRunPort saveRuns, RunFaultPort faults,
                  RunQueue queue, OwnedRuns owned, Retrier retrier, Clock clock, BenchmarkSettings settings,
                  Function<RunId, Optional<RunActivity>> activityOf) {
        this.leases = Objects.requireNonNull(leases, "node lease port is required");
        this.loadRuns = Objects.requireNonNull(loadRuns, "load-run port is required");
        this.saveRuns = Objects.requireNonNull(saveRuns, "save-run port is required");
        this.faults = Objects.requireNonNull(faults, "run fault port is required");
        this.queue = Objects.requireNonNull(queue, "run queue is required");
        this.owned = Objects.requireNonNull(owned, "owned runs are required");
        this.retrier = Objects.requireNonNull(retrier, "retrier is required");
        this.outages = retrier.outages();
        this.clock = Objects.requireNonNull(clock, "clock is required");
        this.settings = Objects.requireNonNull(settings, "settings are required");
        this.activityOf = Objects.requireNonNull(activityOf, "activity source is required");
        this.background = new BackgroundTask("qb-run-supervisor", settings.supervisionInterval(), this::supervise);
    }

    /**
     * Registers this node and starts supervising, with one round at once: a short command ({@code list}, {@code show})
     * then shows the runs of processes that are gone as interrupted, not as they were left.
     */
    void start(NodeId node) {
        leases.register(node);
        try {
            supervise();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the first round of run supervision failed; the next one tries again", e);
        }
        background.start();
    }

    /** One round; the background task calls it about once a second. */
    void supervise() {
        if (!heartbeat()) {
            return;
        }
        try {
            endRunsOfGoneNodes();
            owned.all().forEach(this::superviseOwned);
        } catch (RuntimeException e) {
            if (!TransientFailures.isTransient(e)) {
                throw e;
            }
            outages.unreachable("supervise runs", e);
        }
    }

    private boolean heartbeat() {
        try {
            leases.heartbeat();
            outages.reachable();
            return true;
        } catch (RuntimeException e) {
            if (!TransientFailures.isTransient(e)) {
                throw e;
            }
            outages.unreachable("node heartbeat", e);
            LOG.log(Level.DEBUG, "node heartbeat failed: {0}", e.getMessage());
            return false;
        }
    }

    private void endRunsOfGoneNodes() {
        for (OrphanedRun orphan : leases.orphanedRuns(settings.ownerGrace())) {
            loadRuns.loadRun(orphan.runId()).ifPresent(run -> {
                if (end(run, RunEnding.ownerGone(orphan.owner(), clock.instant()))) {
                    LOG.log(Level.WARNING, "run {0} interrupted: the process that started it ({1}) is gone",
                            run.id(), orphan.owner());
                }
            });
        }
    }

    private void superviseOwned(RunId runId) {
        Optional<RunActivity> found = activityOf.apply(runId);
        if (found.isEmpty()) {
            owned.remove(runId);
            turnSince.remove(runId);
            return;
        }
        RunActivity activity = found.get();
        BenchmarkRun run = activity.run();
        RunStatus status = queue.statusRule().statusOf(activity);
        if (status == RunStatus.STALLED && !run.isEnded()) {
            end(run, RunEnding.stalled(settings.stallTimeout(), clock.instant()));
        } else if (status == RunStatus.PENDING && run.isSubmitted()) {
            endIfNotPickedUp(run);
        }
        if (!status.isActive()) {
            settle(runId);
        }
    }

    /** A submitted run whose turn has come waits at most the start timeout for a worker to pick its job up. */
    private void endIfNotPickedUp(BenchmarkRun run) {
        if (queue.blockerOf(run.id()).isPresent()) {
            turnSince.remove(run.id());
            return;
        }
        Instant now = clock.instant();
        Instant since = turnSince.computeIfAbsent(run.id(), id -> now);
        Duration waited = Duration.between(since, now);
        if (waited.compareTo(settings.startTimeout()) >= 0) {
            end(run, RunEnding.notPickedUp(run.backend(), settings.startTimeout(), now));
        }
    }

    /**
     * Ends an unfinished run with the given reason, unless it finished or ended meanwhile.
     *
     * @return whether this call ended it
     */
    boolean end(BenchmarkRun run, RunEnding why) {
        if (run.isFinished() || run.isEnded()) {
            return false;
        }
        BenchmarkRun ended = run.end(why);
        return retrier.call("end run " + run.id(), () -> saveRuns.saveEnding(ended));
    }

    /**
     * Called once a run this node owns is over (finished or ended): stores the database outages during its lifetime
     * and stops supervising it. Does nothing for a run that is still active, or not owned here.
     */
    synchronized void settle(RunId runId) {
        if (!owned.contains(runId)) {
            return;
        }
        Optional<BenchmarkRun> found = retrier.call("read run " + runId, () -> loadRuns.loadRun(runId));
        if (found.isEmpty()) {
            owned.remove(runId);
            return;
        }
        BenchmarkRun run = found.get();
        Optional<Instant> end = run.timeline().runFinishedAt()
                .or(() -> run.ending().map(ending -> ending.at()));
        if (end.isEmpty()) {
            return;
        }
        List<RunFault> rodeOut = outages.between(run.timeline().createdAt(), end.get());
        if (!rodeOut.isEmpty()) {
            retrier.run("store the faults of run " + runId, () -> faults.saveFaults(runId, rodeOut));
        }
        owned.remove(runId);
        turnSince.remove(runId);
    }

    /**
     * Stops supervising, ends this node's runs that are still active (their owner is stopping) and gives up the
     * node's lease.
     */
    @Override
    public void close() {
        background.close();
        try {
            // one try each, no retries: a stopping process must not hang on an unreachable database
            for (RunId runId : owned.all()) {
                loadRuns.loadRun(runId).filter(run -> !run.isFinished() && !run.isEnded())
                        .ifPresent(run -> saveRuns.saveEnding(run.end(RunEnding.stoppedByOwner(clock.instant()))));
                List<RunFault> rodeOut = loadRuns.loadRun(runId)
                        .map(run -> outages.between(run.timeline().createdAt(), clock.instant()))
                        .orElse(List.of());
                if (!rodeOut.isEmpty()) {
                    faults.saveFaults(runId, rodeOut);
                }
                owned.remove(runId);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not end this node's active runs; other nodes will, once its lease is gone", e);
        } finally {
            leases.release();
        }
    }
}

package dev.queuebench.core.internal.faults;

import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.Durations;
import dev.queuebench.domain.FaultSpec;
import dev.queuebench.domain.RunId;
import dev.queuebench.ports.in.RunFault;
import dev.queuebench.ports.in.RunListener;
import dev.queuebench.ports.in.RunReport;
import dev.queuebench.ports.out.DatabaseControlPort;
import dev.queuebench.ports.out.WorkerNodesPort.WorkerNode;
import dev.queuebench.ports.out.WorkerNodesPort.WorkerNodes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Injects {@code --fault}s into each run it hears of, at their share of completed jobs or their time after the
 * workers started, and stores each with the run: what, when, which node, and what it did.
 *
 * <p>A killed node's journal is merged into the run at once (nothing it completed is lost from the accounting), and
 * the jobs it was running are watched until every one of them ran on another node: that instant ends the fault.
 * Faults run on a thread of their own, so the run's progress goes on while a node is paused or the database restarts.
 * When a run ends, killed nodes are replaced, so that the next trial has as many nodes as the first. Without faults it
 * only passes the run's progress on.
 */
public final class FaultInjector implements RunListener, AutoCloseable {

    private static final String DATABASE = "database";

    private final List<FaultSpec> faults;
    private final FaultAccounting accounting;
    private final DatabaseControlPort database;
    private final BackendId backend;
    private final WorkerNodes nodes;
    private final RunListener next;
    private final Clock clock;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "qb-faults");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Future<?>> injected = new ArrayList<>();
    private final List<KillWatch> kills = new ArrayList<>();
    private final List<Killed> killed = new ArrayList<>();
    private RunId run;
    private boolean[] fired;

    /**
     * @param nodes the extra nodes of the runs ({@code null} with one node: then only database faults apply)
     * @param next  hears the run's progress as if this injector were not there
     */
    public FaultInjector(List<FaultSpec> faults, FaultAccounting accounting, DatabaseControlPort database,
                         BackendId backend, WorkerNodes nodes, RunListener next, Clock clock) {
        this.faults = List.copyOf(faults);
        this.accounting = Objects.requireNonNull(accounting, "fault accounting is required");
        this.database = Objects.requireNonNull(database, "database control is required");
        this.backend = Objects.requireNonNull(backend, "backend is required");
        this.nodes = nodes;
        this.next = Objects.requireNonNull(next, "listener is required");
        this.clock = Objects.requireNonNull(clock, "clock is required");
    }

    /** Its thread ends; call it once the runs it heard of have ended. */
    @Override
    public void close() {
        executor.shutdownNow();
    }

    @Override
    public synchronized void progress(RunReport report) {
        next.progress(report);
        if (!report.run().id().equals(run)) {
            run = report.run().id();
            fired = new boolean[faults.size()];
        }
        if (!report.status().isActive() || report.run().timeline().workersStartedAt().isEmpty()) {
            return;
        }
        double share = report.completions().distinctCompleted() / (double) report.run().jobsCount();
        Duration sinceWorkersStarted = Duration.between(report.run().timeline().workersStartedAt().get(),
                clock.instant());
        for (int i = 0; i < faults.size(); i++) {
            FaultSpec fault = faults.get(i);
            if (!fired[i] && fault.firesAt(share, sinceWorkersStarted)) {
                fired[i] = true;
                String when = whenText(report);
                RunId target = run;
                injected.add(executor.submit(() -> inject(target, fault, when)));
            }
        }
        if (!kills.isEmpty()) {
            executor.submit(this::checkKilledNodesJobs);
        }
    }

    @Override
    public void notice(String message) {
        next.notice(message);
    }

    /** Waits for the faults under way, settles the killed nodes' accounts and replaces them. */
    @Override
    public void ended(RunId ended) {
        synchronized (this) {
            for (int i = 0; fired != null && i < faults.size(); i++) {
                if (!fired[i]) {
                    next.notice("fault " + faults.get(i) + " was not injected: run " + ended + " ended first");
                }
            }
        }
        // a pause under way is waited out: its node resumes before the run's nodes are stopped or reused
        while (true) {
            List<Future<?>> pending;
            synchronized (this) {
                pending = List.copyOf(injected);
                injected.clear();
            }
            if (pending.isEmpty()) {
                break;
            }
            pending.forEach(FaultInjector::await);
        }
        await(executor.submit(() -> settleKills(ended)));
        next.ended(ended);
        if (nodes != null) {
            nodes.replaceDead();
        }
    }

    private void inject(RunId target, FaultSpec fault, String when) {
        try {
            switch (fault.kind()) {
                case KILL_NODE -> killNode(target, when);
                case PAUSE_NODE -> pauseNode(target, fault.pause().orElseThrow(), when);
                case DROP_CONNECTIONS -> dropConnections(target, when);
                case RESTART_DB -> restartDatabase(target, when);
            }
        } catch (Exception e) {
            next.notice("fault " + fault + " failed: " + e.getMessage());
        }
    }

    private void killNode(RunId target, String when) throws InterruptedException {
        WorkerNode node = aliveNode("kill-node");
        Instant at = clock.instant();
        nodes.kill(node);
        synchronized (this) {
            killed.add(new Killed(target, node));
        }
        KilledNode journal = accounting.adoptKilledNode(target, node.id())
                .orElse(new KilledNode(node.id(), 0, 0, new BitSet()));
        String what = "SIGKILL of pid " + node.pid() + " " + when + "; its journal held "
                + count(journal.journalRecords()) + " records (" + count(journal.beyondSnapshot())
                + " completions beyond its last snapshot), and it was running "
                + jobs(journal.inFlight().cardinality());
        if (journal.inFlight().isEmpty()) {
            accounting.recordFault(target, new RunFault(FaultSpec.Kind.KILL_NODE.wireName(), at, at,
                    node.id().value(), what));
            return;
        }
        synchronized (this) {
            kills.add(new KillWatch(target, node, at, journal.inFlight(), what));
        }
    }

    private void pauseNode(RunId target, Duration pause, String when) throws Exception {
        WorkerNode node = aliveNode("pause-node");
        Instant at = clock.instant();
        nodes.pause(node, true);
        Future<?> resume = executor.schedule(() -> {
            try {
                nodes.pause(node, false);
            } catch (Exception e) {
                next.notice("could not resume node " + node.id() + ": " + e.getMessage());
            }
            accounting.recordFault(target, new RunFault(FaultSpec.Kind.PAUSE_NODE.wireName(), at, clock.instant(),
                    node.id().value(), "SIGSTOP of pid " + node.pid() + " " + when + ", SIGCONT "
                    + Durations.readable(pause) + " later"));
        }, pause.toMillis(), TimeUnit.MILLISECONDS);
        synchronized (this) {
            injected.add(resume);
        }
    }

    private void dropConnections(RunId target, String when) throws Exception {
        Instant at = clock.instant();
        int terminated = database.dropConnections(backend);
        accounting.recordFault(target, new RunFault(FaultSpec.Kind.DROP_CONNECTIONS.wireName(), at, at, DATABASE,
                "pg_terminate_backend of " + terminated + " sessions of the qb-" + backend + " pools, on every node, "
                        + when));
    }

    private void restartDatabase(RunId target, String when) {
        Instant at = clock.instant();
        database.restart();
        Instant back = clock.instant();
        accounting.recordFault(target, new RunFault(FaultSpec.Kind.RESTART_DB.wireName(), at, back, DATABASE,
                "stopped (fast shutdown) and started the embedded PostgreSQL " + when + "; it accepted connections"
                        + " again after " + Durations.readable(Duration.between(at, back))));
    }

    /** Ends the watch of each killed node whose running jobs all ran elsewhere by now. */
    private void checkKilledNodesJobs() {
        for (KillWatch watch : watches()) {
            if (accounting.allCompleted(watch.run(), watch.inFlight())) {
                record(watch, clock.instant(), "; they all ran on other nodes");
            }
        }
    }

    /**
     * At a run's end: merges each killed node's journal once more (a flush it had in flight may have landed after the
     * first merge) and deletes it, then stores the kills still watched.
     */
    private void settleKills(RunId ended) {
        List<Killed> ofRun;
        synchronized (this) {
            ofRun = killed.stream().filter(kill -> kill.run().equals(ended)).toList();
            killed.removeAll(ofRun);
        }
        for (Killed kill : ofRun) {
            accounting.adoptKilledNode(ended, kill.node().id());
            accounting.discardJournal(ended, kill.node().id());
        }
        for (KillWatch watch : watches()) {
            if (!watch.run().equals(ended)) {
                continue;
            }
            if (accounting.allCompleted(ended, watch.inFlight())) {
                record(watch, clock.instant(), "; they all ran on other nodes");
            } else {
                record(watch, null, "; not all of them ran on another node before the run ended");
            }
        }
    }

    private synchronized List<KillWatch> watches() {
        return List.copyOf(kills);
    }

    /** Stores a kill whose node's jobs all ran elsewhere by {@code end}; {@code null} when they did not. */
    private void record(KillWatch watch, Instant end, String outcome) {
        synchronized (this) {
            if (!kills.remove(watch)) {
                return;
            }
        }
        String after = end == null ? "" : " within " + Durations.readable(Duration.between(watch.at(), end));
        accounting.recordFault(watch.run(), new RunFault(FaultSpec.Kind.KILL_NODE.wireName(), watch.at(),
                end == null ? watch.at() : end, watch.node().id().value(), watch.what() + outcome + after,
                end != null));
    }

    private WorkerNode aliveNode(String fault) {
        if (nodes == null) {
            throw new IllegalStateException(fault + " needs a worker node: run with --nodes 2 or more");
        }
        return nodes.firstAlive().orElseThrow(() -> new IllegalStateException("no worker node is alive to " + fault));
    }

    private static String whenText(RunReport report) {
        return String.format(Locale.ROOT, "at %.0f%% (%s of %s jobs completed)",
                100.0 * report.completions().distinctCompleted() / report.run().jobsCount(),
                count(report.completions().distinctCompleted()), count(report.run().jobsCount()));
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String jobs(int count) {
        return count == 1 ? "1 job" : count(count) + " jobs";
    }

    private static void await(Future<?> task) {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // inject() reports its own failures; anything else is a bug worth a stack trace
            throw new IllegalStateException("a fault failed", e.getCause());
        }
    }

    /** A node killed during a run. */
    private record Killed(RunId run, WorkerNode node) {
    }

    /** A killed node whose running jobs have not all run elsewhere yet. */
    private record KillWatch(RunId run, WorkerNode node, Instant at, BitSet inFlight, String what) {
    }
}

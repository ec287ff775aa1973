package dev.queuebench.core.internal.service;

import dev.queuebench.core.internal.faults.Retrier;
import dev.queuebench.core.internal.recording.CompletionFlusher;
import dev.queuebench.core.internal.recording.CompletionRecorders;
import dev.queuebench.core.internal.recording.Micros;
import dev.queuebench.core.internal.resources.ResourceSampler;
import dev.queuebench.core.internal.workload.RunSteps;
import dev.queuebench.core.internal.workload.RunWorkload;
import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.ConcurrentRunException;
import dev.queuebench.domain.RunActivity;
import dev.queuebench.domain.RunEnding;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.RunNotFoundException;
import dev.queuebench.domain.RunStatus;
import dev.queuebench.domain.TrialPlan;
import dev.queuebench.domain.Durations;
import dev.queuebench.domain.JobsCount;
import dev.queuebench.domain.RunSizing;
import dev.queuebench.domain.SteadyState;
import dev.queuebench.ports.in.RunListener;
import dev.queuebench.ports.in.RunReport;
import dev.queuebench.ports.in.SizedRun;
import dev.queuebench.ports.in.StartRunCommand;
import dev.queuebench.ports.in.TrialResult;
import dev.queuebench.ports.out.RunLockPort.RunLock;
import dev.queuebench.ports.out.RunLockPort;
import dev.queuebench.ports.out.SaveRunPort;
import dev.queuebench.ports.spi.QueueBackend;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Drives benchmark runs to their final report, the same way for every runner ({@code run}, {@code compare}, the
 * page): creates the run, waits for its turn, and then, holding the run lock, empties the backend's tables as if new
 * (unless another run's jobs are in them). What follows is the workload's ({@link RunWorkload}): a delayed run's
 * workers start and its scheduling job goes to the backend; a rate run's workers start and this thread offers its
 * jobs; a backlog's jobs are enqueued on this thread while no worker runs, then the workers start.
 *
 * <p>It waits until the run finished or ended, and stops the workers. So only the backend under test has workers while
 * it runs, and runs from any number of processes on one database take turns in the order they were created.
 */
public final class BenchmarkRunner implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(BenchmarkRunner.class.getName());
    private static final Duration POLL_EVERY = Duration.ofMillis(500);
    /** How long a run whose turn has come waits for the run lock before it looks at the queue again. */
    private static final Duration TURN_LOCK_WAIT = Duration.ofSeconds(1);

    private final QueueBackends backends;
    private final StartRunService startRuns;
    private final ScheduleRunService scheduler;
    private final RunReportService reports;
    private final SaveRunPort saveRuns;
    private final RunQueue queue;
    private final RunLockPort runLock;
    private final CompletionRecorders recorders;
    private final CompletionFlusher flusher;
    private final ResourceSampler sampler;
    private final RunSupervisor supervisor;
    private final Retrier retrier;
    private final Clock clock;
    /**
     * What was given to {@link #inBackground} and has not ended, oldest first: no run starts in the background
     * meanwhile.
     */
    private final Queue<String> tasksInBackground = new ConcurrentLinkedQueue<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "qb-run-driver");
        thread.setDaemon(true);
        return thread;
    });

    BenchmarkRunner(QueueBackends backends, StartRunService startRuns, ScheduleRunService scheduler,
                    RunReportService reports, SaveRunPort saveRuns, RunQueue queue, RunLockPort runLock,
                    CompletionRecorders recorders, CompletionFlusher flusher, ResourceSampler sampler,
                    RunSupervisor supervisor, Retrier retrier, Clock clock) {
        this.backends = Objects.requireNonNull(backends, "backends are required");
        this.startRuns = Objects.requireNonNull(startRuns, "start-run service is required");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduling service is required");
        this.recorders = Objects.requireNonNull(recorders, "recorders are required");
        this.reports = Objects.requireNonNull(reports, "report service is required");
        this.saveRuns = Objects.requireNonNull(saveRuns, "save-run port is required");
        this.queue = Objects.requireNonNull(queue, "run queue is required");
        this.runLock = Objects.requireNonNull(runLock, "run lock port is required");
        this.flusher = Objects.requireNonNull(flusher, "flusher is required");
        this.sampler = Objects.requireNonNull(sampler, "resource sampler is required");
        this.supervisor = Objects.requireNonNull(supervisor, "supervisor is required");
        this.retrier = Objects.requireNonNull(retrier, "retrier is required");
        this.clock = Objects.requireNonNull(clock, "clock is required");
    }

    /**
     * Runs {@code warmups} discarded runs and then {@code trials} kept ones of the same benchmark, each in its turn
     * and from clean tables, as {@code run --trials} and {@code compare} do. A warm-up is deleted once it ended.
     */
    public TrialResult runTrials(StartRunCommand command, int warmups, int trials, RunListener listener) {
        return runTrials(command, Optional.empty(), warmups, trials, listener);
    }

    /**
     * As {@link #runTrials(StartRunCommand, int, int, RunListener)}, for a benchmark sized by time: a warm-up whose
     * steady window fell short of the sizing's minimum sizes the kept runs again, from its own rate
     * ({@link RunSizing#resizedAfterWarmup}).
     */
    public TrialResult runTrials(StartRunCommand command, Optional<RunSizing> sizing, int warmups, int trials,
                                 RunListener listener) {
        new TrialPlan(warmups, trials);
        for (int warmup = 1; warmup <= warmups; warmup++) {
            listener.notice("warm-up " + warmup + " of " + warmups + " on " + command.spec().backend()
                    + " (discarded)");
            RunReport report = runToEnd(command, listener);
            retrier.run("delete warm-up run " + report.run().id(), () -> saveRuns.deleteRun(report.run().id()));
            if (sizing.isPresent() && report.status() == RunStatus.FINISHED) {
                Optional<SteadyState> steady = report.steadyCompletions();
                Optional<JobsCount> resized = sizing.get().resizedAfterWarmup(command.spec().jobsCount().value(),
                        steady);
                if (resized.isPresent()) {
                    listener.notice(String.format(Locale.ROOT, "warm-up on %s: %,.0f jobs/s steady over %s, short of"
                            + " %s: %,d jobs per run", command.spec().backend(), steady.orElseThrow().perSecond(),
                            Durations.format(steady.orElseThrow().window()), Durations.format(sizing.get().minimum()),
                            resized.get().value()));
                    command = command.withJobsCount(resized.get());
                }
            }
        }
        List<RunReport> kept = new ArrayList<>();
        for (int trial = 1; trial <= trials; trial++) {
            if (trials > 1) {
                listener.notice("trial " + trial + " of " + trials + " on " + command.spec().backend());
            }
            kept.add(runToEnd(command, listener));
        }
        return new TrialResult(command.spec().backend(), warmups, kept);
    }

    /**
     * The same benchmark with as many jobs as make its steady window last at least the sizing's minimum, read from the
     * steady rate of discarded calibration runs of it ({@link RunSizing}): a first one of
     * {@value RunSizing#FIRST_CALIBRATION_JOBS} jobs, and larger ones while a calibration is too short to tell the
     * backend's rate over a run.
     *
     * @return the sized benchmark; empty when a calibration run did not finish, whose report then says why
     */
    public SizedRun sizedToLast(StartRunCommand command, RunSizing sizing, RunListener listener) {
        int jobs = RunSizing.FIRST_CALIBRATION_JOBS;
        while (true) {
            listener.notice("calibration on " + command.spec().backend() + ": " + jobs + " jobs (discarded), to size"
                    + " the runs to a steady window of " + Durations.format(sizing.minimum()));
            RunReport calibration = runToEnd(command.withJobsCount(JobsCount.of(jobs)), listener);
            retrier.run("delete calibration run " + calibration.run().id(),
                    () -> saveRuns.deleteRun(calibration.run().id()));
            if (calibration.status() != RunStatus.FINISHED) {
                return new SizedRun(Optional.empty(), calibration);
            }
            Optional<SteadyState> steady = calibration.steadyCompletions();
            OptionalLong larger = sizing.nextCalibration(jobs, steady);
            if (larger.isEmpty()) {
                Duration lasted = calibration.run().timeline().workersStartedAt()
                        .flatMap(start -> calibration.lastCompletionAt().map(last -> Duration.between(start, last)))
                        .orElse(Duration.ZERO);
                double rate = steady.isPresent() ? steady.get().perSecond() : calibration.jobsPerSecond()
                        .orElse(jobs / Math.max(1e-3, lasted.toNanos() / 1e9));
                StartRunCommand sized = command.withJobsCount(sizing.jobsAt(rate));
                listener.notice(String.format(Locale.ROOT, "calibration on %s: %,.0f jobs/s steady, so %,d jobs per"
                        + " run", command.spec().backend(), rate, sized.spec().jobsCount().value()));
                return new SizedRun(Optional.of(sized), calibration);
            }
            jobs = (int) larger.getAsLong();
        }
    }

    /** Runs one benchmark to its final report, on the calling thread. */
    public RunReport runToEnd(StartRunCommand command, RunListener listener) {
        BenchmarkRun run = startRuns.createRun(command);
        return drive(run, command, listener);
    }

    /**
     * Creates the run and returns it, pending, at once; drives it in the background, after the runs this node
     * started before it, as the page does.
     */
    public BenchmarkRun runInBackground(StartRunCommand command) {
        String first = tasksInBackground.peek();
        if (first != null) {
            // runs take turns in the order they were created, and a comparison or a sweep creates each of its runs in
            // its turn: one created now would be older than its next run, yet driven after it on this thread
            throw new IllegalStateException(first + " started on this node has not ended, and its runs come first:"
                    + " start this run once it ended");
        }
        BenchmarkRun run = startRuns.createRun(command);
        try {
            background.execute(() -> {
                try {
                    drive(run, command, RunListener.SILENT);
                } catch (RuntimeException e) {
                    LOG.log(Level.ERROR, "run " + run.id() + " could not be driven to its end", e);
                }
            });
        } catch (RejectedExecutionException e) {
            supervisor.end(run, RunEnding.stoppedByOwner(clock.instant()));
            throw new IllegalStateException("Queue Bench is shutting down: run " + run.id() + " was not started", e);
        }
        return run;
    }

    /**
     * Runs {@code task} on the thread that drives the runs started in the background, after them: a comparison or a
     * sweep started from the page waits for the runs started before it, and no run starts in the background until it
     * ended ({@link #runInBackground} refuses, naming {@code what}, e.g. "a comparison" or "sweep 3").
     *
     * @throws IllegalStateException when this program is shutting down
     */
    <T> CompletableFuture<T> inBackground(String what, Supplier<T> task) {
        tasksInBackground.add(what);
        try {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return task.get();
                } finally {
                    tasksInBackground.remove(what);
                }
            }, background);
        } catch (RejectedExecutionException e) {
            tasksInBackground.remove(what);
            throw new IllegalStateException("Queue Bench is shutting down: nothing new starts", e);
        }
    }

    /**
     * Drives a created run to its end, with the backend in the run's profile: a run driven in the background gets its
     * profile only in its turn, as the run before it may still need the backend as it was.
     */
    private RunReport drive(BenchmarkRun created, StartRunCommand command, RunListener listener) {
        QueueBackend backend;
        try {
            backends.runIn(created.backend(), command.profile());
            backend = backends.backend(created.backend());
        } catch (RuntimeException e) {
            endIfStillActive(created.id());
            throw e;
        }
        try {
            RunWorkload workload = RunWorkload.of(created.spec().workload());
            Steps steps = new Steps(backend, listener);
            Optional<BenchmarkRun> submitted = awaitTurnThenSubmit(created, backend, workload, steps, listener);
            if (submitted.isEmpty()) {
                supervisor.settle(created.id());
                return report(created.id());
            }
            workload.afterSubmission(submitted.get(), steps);
            return awaitEnd(created.id(), backend, listener);
        } finally {
            stopWorkers(backend);
            endIfStillActive(created.id());
        }
    }

    /**
     * Waits until no other run is running or pending ahead of this one, then, holding the run lock, clears the
     * backend's tables (unless another run's jobs are in them) and submits the run as its workload does.
     *
     * @return the submitted run; empty when the run ended while it waited
     */
    private Optional<BenchmarkRun> awaitTurnThenSubmit(BenchmarkRun created, QueueBackend backend,
                                                        RunWorkload workload, RunSteps steps, RunListener listener) {
        RunId id = created.id();
        RunId announced = null;
        while (true) {
            RunReport report = report(id);
            if (!report.status().isActive()) {
                return Optional.empty();
            }
            Optional<RunActivity> blocker = queue.blockerOf(id);
            if (blocker.isPresent()) {
                BenchmarkRun other = blocker.get().run();
                if (!other.id().equals(announced)) {
                    listener.notice("run " + id + " waits for run " + other.id() + " on " + other.backend() + " ("
                            + queue.statusRule().statusOf(blocker.get()).wireName() + ")");
                    announced = other.id();
                }
                listener.progress(report);
                pause();
                continue;
            }
            Optional<RunLock> lock = retrier.call("take the run lock for run " + id,
                    () -> runLock.tryAcquire(TURN_LOCK_WAIT));
            if (lock.isEmpty()) {
                continue;
            }
            try (RunLock held = lock.get()) {
                if (queue.blockerOf(id).isPresent()) {
                    continue;
                }
                Optional<RunActivity> occupant = queue.runWithJobsIn(created.backend(), id);
                if (occupant.isEmpty()) {
                    retrier.run("clear the tables of " + created.backend(), backend::clearTables);
                } else {
                    listener.notice("the tables of " + created.backend() + " are not cleared: run "
                            + occupant.get().run().id() + " has jobs in them");
                }
                return Optional.of(workload.submitInTurn(report.run(), steps));
            }
        }
    }

    /** The runner's steps for one run on one backend, in the order the run's workload takes them. */
    private final class Steps implements RunSteps {

        private final QueueBackend backend;
        private final RunListener listener;

        Steps(QueueBackend backend, RunListener listener) {
            this.backend = backend;
            this.listener = listener;
        }

        @Override
        public void startBackendWorkers() {
            backend.startWorkers();
        }

        @Override
        public BenchmarkRun submitSchedulingJob(BenchmarkRun run) {
            return startRuns.submit(run);
        }

        @Override
        public BenchmarkRun markSubmitted(BenchmarkRun run) {
            return startRuns.markSubmitted(run);
        }

        @Override
        public BenchmarkRun startWorkers(BenchmarkRun run) {
            // the instant they were asked to start: a library's first job may complete before startWorkers returns
            Instant asked = clock.instant();
            backend.startWorkers();
            BenchmarkRun started = run.startWorkers(asked);
            retrier.run("store the workers' start of run " + run.id(), () -> saveRuns.saveWorkersStarted(started));
            if (run.spec().workload().latencyFromWorkersStart()) {
                recorders.recorderFor(started).measureLatencyFrom(Micros.of(started.timeline().workersStartedAt()
                        .orElseThrow()));
            }
            return started;
        }

        @Override
        public boolean enqueueHere(RunId id) {
            return BenchmarkRunner.this.enqueueHere(id, listener);
        }

        @Override
        public BenchmarkRun stored(RunId id) {
            return report(id).run();
        }
    }

    /**
     * Runs the scheduling phase on this thread, for a workload the runner enqueues itself; a moment's wait for the run
     * lock (another process's scheduling job in its last statement) is waited out.
     *
     * @return whether every job was enqueued; false when the run ended meanwhile
     */
    private boolean enqueueHere(RunId id, RunListener listener) {
        while (true) {
            try {
                scheduler.scheduleRun(id);
                return report(id).run().hasFinishedScheduling();
            } catch (ConcurrentRunException e) {
                if (!report(id).status().isActive()) {
                    return false;
                }
                listener.notice("run " + id + " waits for the run lock: " + e.getMessage());
                pause();
            }
        }
    }

    private RunReport awaitEnd(RunId id, QueueBackend backend, RunListener listener) {
        RunReport report = report(id);
        while (report.status().isActive()) {
            listener.progress(report);
            pause();
            // this node's completions count now, not at the next background flush
            retrier.run("flush the completions", flusher::flush);
            report = report(id);
            if (report.status().isActive() && !backend.workersRunning()) {
                supervisor.end(report.run(), RunEnding.workersStopped(report.run().backend(), clock.instant()));
                report = report(id);
            }
        }
        if (report.status() == RunStatus.STALLED) {
            supervisor.end(report.run(), RunEnding.stalled(queue.statusRule().stallTimeout(), clock.instant()));
        }
        // the report returned holds the run's resources up to its end, however short the run was
        sampler.finish(id);
        supervisor.settle(id);
        countPendingJobs(id, backend);
        listener.ended(id);
        report = report(id);
        listener.progress(report);
        return report;
    }

    /**
     * Stores, with the ending of a run that did not finish, the jobs its backend still holds: its tables hold this
     * run's jobs only (runs take turns), so they are the missing jobs that are pending rather than lost. Whichever node
     * ended the run, only this process has the backend to count them.
     */
    private void countPendingJobs(RunId id, QueueBackend backend) {
        BenchmarkRun run = report(id).run();
        if (run.ending().isEmpty() || run.ending().get().pendingJobs().isPresent()) {
            return;
        }
        try {
            long pending = retrier.call("count the jobs the backend still holds", backend::pendingJobs);
            retrier.call("store the jobs pending at the end of run " + id,
                    () -> saveRuns.savePendingJobs(id, (int) Math.min(Integer.MAX_VALUE, pending)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not count the jobs the backend still held at the end of run " + id, e);
        }
    }

    private RunReport report(RunId id) {
        return retrier.call("read the report of run " + id,
                () -> reports.runReport(id).orElseThrow(() -> new RunNotFoundException(id)));
    }

    private void stopWorkers(QueueBackend backend) {
        try {
            backend.stopWorkers();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "stopping a backend's workers failed", e);
        }
    }

    /** A run left active by a failure or an interrupt is over: nobody drives it any more. */
    private void endIfStillActive(RunId id) {
        try {
            reports.runReport(id).filter(report -> report.status().isActive()).ifPresent(report -> {
                supervisor.end(report.run(), RunEnding.stoppedByOwner(clock.instant()));
                supervisor.settle(id);
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not end run " + id + " after its driver stopped", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_EVERY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for the run");
        }
    }

    /** Interrupts the run driven in the background, if any, and waits for its driver to stop its workers. */
    @Override
    public void close() {
        background.shutdownNow();
        try {
            if (!background.awaitTermination(60, TimeUnit.SECONDS)) {
                LOG.log(Level.WARNING, "the background run driver did not stop within 60s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

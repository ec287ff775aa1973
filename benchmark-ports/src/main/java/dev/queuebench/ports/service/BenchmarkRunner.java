package dev.queuebench.ports.service;

import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.RunActivity;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.RunStatus;
import dev.queuebench.domain.RunStatusRule;
import dev.queuebench.ports.in.ActiveRunException;
import dev.queuebench.ports.in.GetRunReportQuery;
import dev.queuebench.ports.in.RunReport;
import dev.queuebench.ports.in.StartRunCommand;
import dev.queuebench.ports.in.StartRunUseCase;
import dev.queuebench.ports.in.TrialResult;
import dev.queuebench.ports.out.CompletionSnapshotPort;
import dev.queuebench.ports.out.LoadRunPort;
import dev.queuebench.ports.out.SaveRunPort;
import dev.queuebench.ports.recording.CompletionFlusher;
import dev.queuebench.ports.resources.ResourceSampler;
import dev.queuebench.ports.spi.QueueBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Drives one benchmark run to its final report, as {@code run} and {@code compare} do: empties the backend's tables
 * as if new (when no other run is active), starts the backend's workers, starts the run,
 * waits until it finished or stalled, stops the workers and returns the report.
 */
public final class BenchmarkRunner {

    private static final Duration POLL_EVERY = Duration.ofMillis(500);

    private final QueueBackends backends;
    private final StartRunUseCase startRuns;
    private final GetRunReportQuery reports;
    private final LoadRunPort loadRuns;
    private final CompletionSnapshotPort snapshots;
    private final SaveRunPort saveRuns;
    private final CompletionFlusher flusher;
    private final ResourceSampler sampler;
    private final RunStatusRule statusRule;

    public BenchmarkRunner(QueueBackends backends, StartRunUseCase startRuns, GetRunReportQuery reports,
                           LoadRunPort loadRuns, SaveRunPort saveRuns, CompletionSnapshotPort snapshots,
                           CompletionFlusher flusher, ResourceSampler sampler, RunStatusRule statusRule) {
        this.backends = Objects.requireNonNull(backends, "backends are required");
        this.startRuns = Objects.requireNonNull(startRuns, "start-run use case is required");
        this.reports = Objects.requireNonNull(reports, "report query is required");
        this.loadRuns = Objects.requireNonNull(loadRuns, "load-run port is required");
        this.saveRuns = Objects.requireNonNull(saveRuns, "save-run port is required");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshot port is required");
        this.flusher = Objects.requireNonNull(flusher, "flusher is required");
        this.sampler = Objects.requireNonNull(sampler, "resource sampler is required");
        this.statusRule = Objects.requireNonNull(statusRule, "status rule is required");
    }

    /**
     * Runs {@code warmups} discarded runs and then {@code trials} kept ones of the same benchmark, each from clean
     * tables, as {@code run --trials} and {@code compare} do. A warm-up is deleted once it ended.
     *
     * @throws ActiveRunException when another run is scheduling or running before the first of them
     */
    public TrialResult runTrials(StartRunCommand command, int warmups, int trials, RunListener listener) {
        if (warmups < 0 || trials < 1) {
            throw new IllegalArgumentException("trials must be at least 1 and warm-ups at least 0, were " + trials
                    + " and " + warmups);
        }
        for (int warmup = 1; warmup <= warmups; warmup++) {
            listener.notice("warm-up " + warmup + " of " + warmups + " on " + command.spec().backend()
                    + " (discarded)");
            RunReport report = runToEndFromCleanTables(command, listener);
            saveRuns.deleteRun(report.run().id());
        }
        List<RunReport> reports = new ArrayList<>();
        for (int trial = 1; trial <= trials; trial++) {
            if (trials > 1) {
                listener.notice("trial " + trial + " of " + trials + " on " + command.spec().backend());
            }
            reports.add(runToEndFromCleanTables(command, listener));
        }
        return new TrialResult(command.spec().backend(), warmups, reports);
    }

    /**
     * Runs a benchmark that needs the database to itself, as {@code compare} does.
     *
     * @throws ActiveRunException when another run is scheduling or running; nothing is changed then
     */
    public RunReport runToEndFromCleanTables(StartRunCommand command, RunListener listener) {
        QueueBackend backend = backends.backend(command.spec().backend());
        activeRun().ifPresent(active -> {
            throw new ActiveRunException(active.run().id(), active.run().backend().value(),
                    statusRule.statusOf(active).wireName());
        });
        return drive(command, backend, listener, true);
    }

    /**
     * Runs a benchmark as {@code run} does: from clean tables when no other run is active; otherwise the tables are
     * left alone (they hold the active run's jobs) and the run waits for its turn under the running-run guard.
     */
    public RunReport runToEnd(StartRunCommand command, RunListener listener) {
        QueueBackend backend = backends.backend(command.spec().backend());
        Optional<RunActivity> active = activeRun();
        active.ifPresent(other -> listener.notice("run " + other.run().id() + " on " + other.run().backend() + " is "
                + statusRule.statusOf(other).wireName() + ": this run waits for it, and the backend's tables are"
                + " not cleared first"));
        return drive(command, backend, listener, active.isEmpty());
    }

    private RunReport drive(StartRunCommand command, QueueBackend backend, RunListener listener, boolean cleanTables) {
        if (cleanTables) {
            backend.clearTables();
        }
        backend.startWorkers();
        try {
            BenchmarkRun run = startRuns.startRun(command);
            RunReport report = reports.runReport(run.id()).orElseThrow();
            while (report.status() != RunStatus.FINISHED && report.status() != RunStatus.STALLED) {
                listener.progress(report);
                sleep(POLL_EVERY);
                // this node's completions count now, not at the next background flush
                flusher.flush();
                report = reports.runReport(run.id()).orElseThrow();
            }
            // the report returned holds the run's resources up to its end, however short the run was
            sampler.finish(run.id());
            report = reports.runReport(run.id()).orElseThrow();
            listener.progress(report);
            return report;
        } finally {
            backend.stopWorkers();
        }
    }

    /** A run that is scheduling or running (stalled runs do not count). */
    private Optional<RunActivity> activeRun() {
        List<BenchmarkRun> started = loadRuns.loadStartedUnfinishedRuns();
        if (started.isEmpty()) {
            return Optional.empty();
        }
        Map<RunId, Instant> lastProgress = snapshots.lastProgressAt(started.stream().map(BenchmarkRun::id).toList());
        return started.stream()
                .map(run -> RunActivity.of(run, lastProgress.get(run.id())))
                .filter(statusRule::isRunning)
                .findFirst();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the run", e);
        }
    }
}

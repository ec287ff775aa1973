package dev.queuebench.core.internal.service;

import dev.queuebench.core.internal.faults.Retrier;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.RunNotFoundException;
import dev.queuebench.domain.SweepId;
import dev.queuebench.domain.SweepPlan;
import dev.queuebench.ports.in.BackgroundSweep;
import dev.queuebench.ports.in.RunListener;
import dev.queuebench.ports.in.RunReport;
import dev.queuebench.ports.in.StartRunCommand;
import dev.queuebench.ports.in.SweepResult;
import dev.queuebench.ports.out.SweepStorePort;
import dev.queuebench.ports.out.SweepStorePort.StoredPoint;
import dev.queuebench.ports.out.SweepStorePort.StoredSweep;
import dev.queuebench.ports.spi.BackendSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs a sweep: one backend over a range of worker threads (a backlog drained at each) or of offered rates, each
 * point a run driven like any other, stored with its sweep. A rate sweep stops once two points in a row failed.
 */
public final class SweepRunner {

    private final QueueBackends backends;
    private final BenchmarkRunner runner;
    private final RunReportService reports;
    private final SweepStorePort sweeps;
    private final Retrier retrier;
    private final Clock clock;

    SweepRunner(QueueBackends backends, BenchmarkRunner runner, RunReportService reports, SweepStorePort sweeps,
                Retrier retrier, Clock clock) {
        this.backends = Objects.requireNonNull(backends, "backends are required");
        this.runner = Objects.requireNonNull(runner, "runner is required");
        this.reports = Objects.requireNonNull(reports, "reports are required");
        this.sweeps = Objects.requireNonNull(sweeps, "sweep store is required");
        this.retrier = Objects.requireNonNull(retrier, "retrier is required");
        this.clock = Objects.requireNonNull(clock, "clock is required");
    }

    public SweepResult runSweep(SweepPlan plan, RunListener listener) {
        return runPoints(begin(plan), listener);
    }

    /**
     * Checks the plan and stores the sweep, then runs its points in the background after the runs this node started
     * before it, as the page starts one: the sweep's page shows its points as they come.
     */
    public BackgroundSweep sweepInBackground(SweepPlan plan, RunListener listener) {
        Begun begun = begin(plan);
        return new BackgroundSweep(begun.id(), runner.inBackground("sweep " + begun.id(),
                () -> runPoints(begun, listener)));
    }

    /** A sweep checked and stored, its points not run yet. */
    private record Begun(SweepId id, SweepPlan plan, Instant createdAt, BackendSettings knobs) {
    }

    private Begun begin(SweepPlan plan) {
        backends.provider(plan.backend());
        BackendSettings knobs = backends.settingsOf(plan.backend());
        if (plan.kind() == SweepPlan.Kind.THREADS && knobs.values().containsKey(BackendSettings.THREADS)) {
            throw new IllegalArgumentException("a thread sweep sets the worker threads itself: leave out the threads"
                    + " knob");
        }
        // a sweep's points are runs that ride out a database outage: so are the sweep's own records
        SweepId id = retrier.call("number a new sweep", sweeps::nextSweepId);
        Instant createdAt = clock.instant();
        retrier.run("store sweep " + id, () -> sweeps.insertSweep(id, plan, createdAt));
        return new Begun(id, plan, createdAt, knobs);
    }

    private SweepResult runPoints(Begun begun, RunListener listener) {
        SweepId id = begun.id();
        SweepPlan plan = begun.plan();
        BackendSettings knobs = begun.knobs();
        List<SweepResult.Point> points = new ArrayList<>();
        List<Boolean> outcomes = new ArrayList<>();
        try {
            for (double value : plan.values()) {
                if (plan.kind() == SweepPlan.Kind.THREADS) {
                    backends.reconfigure(plan.backend(), knobs.with(BackendSettings.THREADS,
                            Long.toString((long) value)));
                }
                listener.notice("sweep " + id + " on " + plan.backend() + ": " + describe(plan, value));
                RunReport report = runner.runToEnd(commandAt(plan, value), listener);
                boolean passed = SweepResult.passes(plan, report);
                StoredPoint stored = new StoredPoint(value, report.run().id(), passed);
                retrier.run("store point " + (points.size() + 1) + " of sweep " + id, () -> sweeps.addPoint(id, stored));
                points.add(new SweepResult.Point(value, report, passed));
                outcomes.add(passed);
                if (plan.stopsAfter(outcomes)) {
                    listener.notice("sweep " + id + " stops: " + SweepPlan.FAILURES_TO_STOP
                            + " points in a row did not keep up within the slo");
                    break;
                }
            }
        } finally {
            if (plan.kind() == SweepPlan.Kind.THREADS) {
                backends.reconfigure(plan.backend(), knobs);
            }
        }
        return new SweepResult(id, plan, begun.createdAt(), points);
    }

    /** A stored sweep with its points' reports. */
    public Optional<SweepResult> sweep(SweepId id) {
        return sweeps.loadSweep(id).map(this::withReports);
    }

    /** The newest sweeps first, with their points' reports. */
    public List<SweepResult> listSweeps(int limit) {
        return sweeps.listSweeps(limit).stream().map(this::withReports).toList();
    }

    /** The sweep each of these runs is a point of. */
    public Map<RunId, SweepId> sweepsOf(List<RunId> runs) {
        return sweeps.sweepsOf(runs);
    }

    private SweepResult withReports(StoredSweep stored) {
        List<SweepResult.Point> points = stored.points().stream()
                .map(point -> new SweepResult.Point(point.value(), reports.runReport(point.runId())
                        .orElseThrow(() -> new RunNotFoundException(point.runId())), point.passed()))
                .toList();
        return new SweepResult(stored.id(), stored.plan(), stored.createdAt(), points);
    }

    private static StartRunCommand commandAt(SweepPlan plan, double value) {
        String backend = plan.backend().value();
        StartRunCommand command = plan.kind() == SweepPlan.Kind.THREADS
                ? StartRunCommand.backlog(backend, plan.jobs().value(), plan.schedulingMode())
                : StartRunCommand.rate(backend, value, plan.duration(), plan.schedulingMode());
        return command.withJobWork(plan.jobWork());
    }

    private static String describe(SweepPlan plan, double value) {
        return plan.kind() == SweepPlan.Kind.THREADS
                ? (long) value + " worker threads, a backlog of " + plan.jobs() + " jobs"
                : String.format(Locale.ROOT, "%,.1f jobs/s offered", value);
    }
}

package dev.queuebench.web;

import dev.queuebench.common.Text;
import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.CompletionCounts;
import dev.queuebench.domain.JobWork;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.RunSpec;
import dev.queuebench.domain.RunStatus;
import dev.queuebench.domain.RunStatusRule;
import dev.queuebench.domain.SweepId;
import dev.queuebench.domain.Workload;
import dev.queuebench.domain.measure.Bottleneck;
import dev.queuebench.domain.measure.LatencyKind;
import dev.queuebench.domain.measure.LatencySummary;
import dev.queuebench.ports.in.BackendDescriptor;
import dev.queuebench.ports.in.GetRunReportQuery;
import dev.queuebench.ports.in.ListBackendsQuery;
import dev.queuebench.ports.in.RunLatencies;
import dev.queuebench.ports.in.RunLatenciesQuery;
import dev.queuebench.ports.in.RunReport;
import dev.queuebench.ports.in.SweepUseCase;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One run's report ({@code GET /runs/{id}}): phases, correctness, throughput, latencies, the charts, the faults it
 * met, the resources it used and the environment it ran on.
 */
final class RunPage {

    private static final String NO_RATE = "-";

    private final GetRunReportQuery reports;
    private final RunLatenciesQuery latencies;
    private final ListBackendsQuery backends;
    private final SweepUseCase sweeps;
    private final Views views;

    RunPage(GetRunReportQuery reports, RunLatenciesQuery latencies, ListBackendsQuery backends, SweepUseCase sweeps,
            Views views) {
        this.sweeps = Objects.requireNonNull(sweeps);
        this.reports = Objects.requireNonNull(reports);
        this.latencies = Objects.requireNonNull(latencies);
        this.backends = Objects.requireNonNull(backends);
        this.views = Objects.requireNonNull(views);
    }

    void show(Context ctx) {
        RunReport report = find(reports, ctx.pathParam("id"));
        RunId id = report.run().id();
        ctx.html(views.render("run.jte", view(report, latencies.latencies(id), backends.backends(),
                Optional.ofNullable(sweeps.sweepsOf(List.of(id)).get(id)))));
    }

    /** The run a path names; a path that names none, garbage included, is a page that does not exist. */
    static RunReport find(GetRunReportQuery reports, String id) {
        RunId runId;
        try {
            runId = RunId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundResponse("There is no run '" + Text.abbreviate(id, 40)
                    + "': run ids are positive whole numbers.");
        }
        return reports.runReport(runId)
                .orElseThrow(() -> new NotFoundResponse("There is no run " + runId + "."));
    }

    /** The page's model of one run; the standalone report draws the same. */
    static RunView view(RunReport report, Optional<RunLatencies> distributions, List<BackendDescriptor> registered,
                        Optional<SweepId> sweep) {
        BenchmarkRun run = report.run();
        CompletionCounts counts = report.completions();
        Optional<TimeAxis> axis = TimeAxis.of(report.completionsPerSecond(), report.enqueuesPerSecond(),
                report.resourceSamples());
        String version = new RegisteredBackends(registered).find(run.backend().value())
                .map(BackendDescriptor::libraryVersion)
                .orElse("(not registered)")
                + report.profile().map(profile -> " · " + profile.wireName() + " profile").orElse("")
                + report.pool().filter(RunReport.Pool::isShort).map(pool -> " · pool of " + pool.connections()
                        + ", below the " + pool.needed() + " it needs").orElse("");
        return new RunView(
                run.id().value(),
                run.backend().value(),
                version,
                Text.count(run.jobsCount()),
                Text.mode(run.spec().schedulingMode()),
                workload(run.spec()),
                outcome(report),
                sweep.map(id -> "/sweeps/" + id).orElse(null),
                sweep.map(id -> "sweep #" + id).orElse(null),
                ending(report),
                report.bottleneck().map(bottleneck -> bottleneck.kind().wireName()).orElse(null),
                report.bottleneck().map(Bottleneck::summary).orElse(null),
                Text.time(run.timeline().createdAt()),
                run.timeline().createdAt().toString(),
                report.status().wireName(),
                Text.status(report),
                duration(report, report.schedulingDuration()),
                duration(report, report.runDuration()),
                headline(report),
                Text.count(run.scheduledJobs()),
                Text.count(counts.distinctCompleted()),
                Text.count(counts.duplicateExecutions()),
                Text.count(counts.missingJobs()),
                Text.count(counts.executions()),
                phases(report),
                report.nodes().stream().map(node -> new RunView.NodeRow(node.node().value(),
                        Text.count(node.completedJobs()), Text.count(node.executions()),
                        Math.round(report.shareOf(node) * 100) + "%")).toList(),
                report.nodesStarted() > 1 ? Text.nodesWithoutAJob(report).map(Text::sentence).orElse(null) : null,
                report.fairness().isPresent()
                        ? String.format(Locale.ROOT, "%.2f", report.fairness().getAsDouble()) : "-",
                List.of(
                        latency("Pickup lag", "job start − due time", report.pickupLag()),
                        latency("End-to-end", "job finish − due time", report.endToEnd()),
                        latency("Enqueue", "one enqueue call", report.enqueueLatency())),
                distributions.flatMap(RunPage::latencyChart).orElse(null),
                distributions.map(RunPage::hgrmLinks).orElse(List.of()),
                axis.flatMap(a -> ThroughputChart.of(report.completionsPerSecond(), report.enqueuesPerSecond(),
                        report.completionTicks(), report.enqueueTicks(), a,
                        FaultsSection.marks(report.faults(), a))).orElse(null),
                FaultsSection.of(report.faults(),
                        axis.orElseGet(() -> TimeAxis.sinceCreation(run.timeline().createdAt()))),
                axis.map(a -> ResourceSection.of(report.resourceSamples(), report.resources(), a)).orElse(null),
                timeWent(report, axis),
                EnvironmentSections.of(report.environment()));
    }

    private static RunView.TimeWent timeWent(RunReport report, Optional<TimeAxis> axis) {
        List<ResourceCharts.Plot> plots = new ArrayList<>();
        axis.ifPresent(a -> {
            if (report.workerThreads().isPresent()) {
                Optional.ofNullable(ResourceCharts.workersBusy(report.busyPerSecond(),
                        report.workerThreads().getAsInt(), a)).ifPresent(plots::add);
            }
            Optional.ofNullable(ResourceCharts.dueNotFinished(report.dueNotFinished(), a)).ifPresent(plots::add);
            Optional.ofNullable(ResourceCharts.cpu(report.resourceSamples(), a)).ifPresent(plots::add);
        });
        RunView.Statements statements = statements(report);
        return plots.isEmpty() && statements == null ? null : new RunView.TimeWent(plots, statements);
    }

    private static RunView.Statements statements(RunReport report) {
        if (report.topStatements().isEmpty()) {
            return Text.statementsMissing(report).map(why -> new RunView.Statements(why, List.of())).orElse(null);
        }
        return new RunView.Statements(null, report.topStatements().stream()
                .map(statement -> new RunView.StatementRow(statement.backend() ? "backend" : "harness",
                        Text.rate(statement.totalMillis()), Text.count(statement.calls()),
                        String.format(Locale.ROOT, "%.3f", statement.meanMillis()),
                        Text.statement(statement.query(), 1_000)))
                .toList());
    }

    /**
     * The three phases that add up to the run duration, and the execution window behind the throughput figure. Only
     * scheduling and execution have an honest rate: waiting for the lock is a wait, and draining is mostly the job
     * delay, so jobs over its duration would measure the delay, not the backend.
     */
    private static List<RunView.Phase> phases(RunReport report) {
        Optional<Duration> scheduling = report.schedulingPhase();
        String enqueueRate = scheduling.filter(phase -> !phase.isZero() && !phase.isNegative())
                .map(phase -> Text.rate(report.run().scheduledJobs() / seconds(phase)) + " jobs/s")
                .orElse(NO_RATE);
        Optional<Duration> executing = report.firstCompletionAt().flatMap(first -> report.lastCompletionAt()
                .map(last -> Duration.between(first, last)));
        String executionRate = report.jobsPerSecond().isPresent()
                ? Text.rate(report.jobsPerSecond().getAsDouble()) + " jobs/s" : NO_RATE;
        return List.of(
                new RunView.Phase("Waiting for the lock", duration(report, report.lockWaitPhase()), NO_RATE,
                        "created → scheduling started; includes any run ahead of this one"),
                new RunView.Phase("Scheduling", duration(report, scheduling), enqueueRate,
                        "scheduling started → last job enqueued; jobs enqueued per second"),
                new RunView.Phase("Draining", duration(report, report.drainingPhase()), NO_RATE,
                        "last job enqueued → last job finished; includes the job delay"),
                new RunView.Phase("Executing", duration(report, executing), executionRate,
                        "first job finished → last job finished, overlapping the phases above; distinct jobs per"
                                + " second"),
                new RunView.Phase("Steady", report.steadyCompletions().map(steady -> Text.duration(steady.window()))
                        .orElse("-"), report.steadyRate().isPresent()
                        ? Text.rate(report.steadyRate().getAsDouble()) + " jobs/s" : NO_RATE,
                        "the middle 80% of the completions, 10th → 90th percentile of their times: without the"
                                + " start-up (" + report.startUp().map(Text::duration).orElse("-") + " from the"
                                + " workers' start to the first completion) and the tail ("
                                + report.tail().map(Text::duration).orElse("-") + ")"));
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static RunView.LatencyRow latency(String name, String meaning, LatencySummary summary) {
        if (summary.isEmpty()) {
            return new RunView.LatencyRow(name, meaning, "0", "-", "-", "-", "-", "-", "-");
        }
        return new RunView.LatencyRow(name, meaning, Text.count(summary.count()), Text.micros(summary.p50()),
                Text.micros(summary.p90()), Text.micros(summary.p95()), Text.micros(summary.p99()),
                Text.micros(summary.p999()), Text.micros(summary.max()));
    }

    /**
     * The distributions of pickup lag and end-to-end latency on one chart: both are measured from the due time, so
     * they share a scale, and the gap between them is the jobs' own run time. The enqueue call's, a different
     * quantity far smaller, is left to the table and its {@code .hgrm}.
     */
    private static Optional<Chart> latencyChart(RunLatencies distributions) {
        return LatencyChart.of(List.of(
                new LatencyChart.Series("pickup lag", "c1 dashed", distributions.of(LatencyKind.PICKUP_LAG).distribution()),
                new LatencyChart.Series("end-to-end", "c2", distributions.of(LatencyKind.END_TO_END).distribution())));
    }

    /** A link to HdrHistogram's text of each latency that it can hold (none negative). */
    private static List<RunView.HgrmLink> hgrmLinks(RunLatencies distributions) {
        return Arrays.stream(LatencyKind.values())
                .filter(kind -> distributions.of(kind).hgrm().isPresent())
                .map(kind -> new RunView.HgrmLink(kind.label(), "/api/runs/" + distributions.runId()
                        + "/latency.hgrm?latency=" + kind.id()))
                .toList();
    }

    /** A span of the run, or why there is none: still under way, or never, for a run that ended unfinished. */
    private static String duration(RunReport report, Optional<Duration> span) {
        if (span.isEmpty() && (report.status() == RunStatus.STALLED || report.status() == RunStatus.INTERRUPTED)) {
            return "never ended";
        }
        return Text.duration(span);
    }

    /**
     * Why a run ended unfinished, in words: what stopped it (the stall timeout, an interruption), when it was last
     * seen making progress, and what became of the jobs that did not run; {@code null} for any other run.
     */
    static String ending(RunReport report) {
        CompletionCounts counts = report.completions();
        String jobs = Text.count(counts.missingJobs()) + " of " + Text.count(report.run().jobsCount())
                + (report.run().jobsCount() == 1 ? " job" : " jobs") + " never ran";
        String held = report.pendingJobs().isPresent()
                ? " (" + Text.count(report.pendingJobs().getAsInt()) + " still in the backend's queue when it ended, "
                        + Text.count(report.lostJobs().orElse(0)) + " gone from it)"
                : "";
        String lastSeen = "; the last progress was at " + Text.time(report.lastProgressAt());
        return switch (report.status()) {
            case STALLED -> "This run stalled: " + report.endReason().orElse("no progress for longer than the stall"
                    + " timeout") + lastSeen + ". " + jobs + held + ". A run stalls when none of its jobs finishes"
                    + " for the stall timeout (--stall-timeout, " + RunStatusRule.DEFAULT_STALL_TIMEOUT_TEXT
                    + " unless set): a backend that stopped polling, lost its connection or its workers.";
            case INTERRUPTED -> "This run was interrupted: " + report.endReason().orElse("its process ended")
                    + lastSeen + ". " + jobs + held + ".";
            default -> null;
        };
    }

    /** The workload in words, for the line under the title. */
    static String workload(RunSpec spec) {
        String workload;
        if (spec.workload() instanceof Workload.Rate rate) {
            workload = "offered at " + Text.rate(rate.jobsPerSecond()) + " jobs/s for " + Text.duration(rate.duration())
                    + ", each due at its intended time";
        } else if (spec.workload() instanceof Workload.Backlog) {
            workload = "a backlog: every job enqueued, due at once, with no worker running, then drained";
        } else {
            workload = "each due " + Text.duration(spec.jobDelay().value()) + " after its enqueue";
        }
        JobWork work = spec.jobWork();
        if (!work.equals(JobWork.NONE)) {
            workload += " · each job " + work.workText() + (work.payloadBytes() > 0
                    ? " carrying " + work.payloadText() : "");
        }
        return workload;
    }

    /** The throughput figure of the run's workload, named for what it measures. */
    static RunView.Headline headline(RunReport report) {
        Workload workload = report.run().spec().workload();
        if (workload instanceof Workload.Backlog) {
            return new RunView.Headline("Drain rate", rate(report.drainRate()),
                    "jobs per second from the workers' start to the last completion");
        }
        if (workload instanceof Workload.Rate) {
            return new RunView.Headline("Achieved rate",
                    report.offer().map(offer -> Text.rate(offer.achievedRate())).orElse("-"),
                    "completions per second, first to last, against the rate offered");
        }
        return new RunView.Headline("Throughput", rate(report.jobsPerSecond()),
                "distinct jobs per second, first completion to last");
    }

    private static String rate(OptionalDouble rate) {
        return rate.isPresent() ? Text.rate(rate.getAsDouble()) : "-";
    }

    /** A backlog's drain, or a rate's offer as it came out; {@code null} for the delayed workload. */
    static String outcome(RunReport report) {
        if (report.run().spec().workload() instanceof Workload.Backlog) {
            return report.drainRate().isPresent()
                    ? "Enqueued at " + Text.rate(report.enqueueRate().orElse(0)) + " jobs/s with no worker running;"
                    + " drained at " + Text.rate(report.drainRate().getAsDouble()) + " jobs/s from the workers' start."
                    + " Latencies are measured from the workers' start."
                    : null;
        }
        return report.offer().map(offer -> Text.rate(offer.offeredRate()) + " jobs/s offered, "
                + Text.rate(offer.achievedRate()) + " achieved; backlog peak " + Text.count(offer.maxBacklog())
                + (offer.backlogBounded() ? ", bounded" : ", growing") + ": "
                + (offer.keptUp() ? "kept up." : "did not keep up.")
                + " Latencies are measured from each job's intended time.").orElse(null);
    }
}

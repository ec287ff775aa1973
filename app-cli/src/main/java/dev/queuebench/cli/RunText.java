package dev.queuebench.cli;

import dev.queuebench.common.Bench;
import dev.queuebench.common.Text;
import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.CompletionCounts;
import dev.queuebench.domain.Workload;
import dev.queuebench.domain.measure.LatencySummary;
import dev.queuebench.domain.measure.ResourceSummary;
import dev.queuebench.domain.measure.StatementTime;
import dev.queuebench.ports.in.RunFault;
import dev.queuebench.ports.in.RunReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/** A run for people: its summary ({@code run}, {@code show}), or runs one line each ({@code list}, {@code report}). */
final class RunText {

    private final PrintWriter out;

    RunText(PrintWriter out) {
        this.out = out;
    }

    /** The runs, one line each, newest as given; how to start one when there are none. */
    void list(List<RunReport> reports) {
        if (reports.isEmpty()) {
            out.println("No runs yet. Start one: queue-bench run --backend " + BackendChoice.registered().stream()
                    .findFirst().map(backend -> backend.descriptor().id().value()).orElse("ID")
                    + " --jobs 10000");
        } else {
            String header = String.format("%6s  %-14s %10s  %-10s  %-19s  %12s  %12s  %10s  %s",
                    "ID", "BACKEND", "JOBS", "MODE", "CREATED", "SCHEDULING", "RUN", "JOBS/S", "STATUS");
            out.println(header);
            for (RunReport report : reports) {
                BenchmarkRun run = report.run();
                out.println(String.format("%6d  %-14s %10s  %-10s  %-19s  %12s  %12s  %10s  %s",
                        run.id().value(), run.backend(), Text.count(run.jobsCount()),
                        run.spec().schedulingMode().wireName(), Text.time(run.timeline().createdAt()),
                        Text.duration(report.schedulingDuration()), Text.duration(report.runDuration()),
                        report.jobsPerSecond().isPresent() ? Text.rate(report.jobsPerSecond().getAsDouble()) : "-",
                        Text.status(report)));
            }
        }
    }

    /** One run: its durations, phases, completions, rates, verdict, nodes, latencies, faults and settings. */
    void summary(RunReport report) {
        BenchmarkRun run = report.run();
        CompletionCounts counts = report.completions();
        out.println("Run " + run.id() + "  " + run.backend() + "  " + Text.count(run.jobsCount()) + " jobs  "
                + run.spec().schedulingMode().wireName() + "  " + Text.workload(run.spec())
                + "  -> " + Text.status(report));
        out.println("  durations    scheduling " + Text.duration(report.schedulingDuration())
                + "   run " + Text.duration(report.runDuration()));
        out.println("  phases       waiting for the lock " + Text.duration(report.lockWaitPhase())
                + "   scheduling " + Text.duration(report.schedulingPhase())
                + "   draining " + Text.duration(report.drainingPhase()));
        out.println("  completions  " + Text.count(counts.distinctCompleted()) + " distinct   "
                + Text.count(counts.duplicateExecutions()) + " duplicates   "
                + Text.count(counts.missingJobs()) + " missing" + missingSplit(report) + "   ("
                + Text.count(counts.executions()) + " executions)");
        out.println("  throughput   " + (report.jobsPerSecond().isPresent()
                ? Text.rate(report.jobsPerSecond().getAsDouble()) + " jobs/s (first to last completion)"
                : "-"));
        if (run.spec().workload() instanceof Workload.Backlog) {
            out.println("  backlog      enqueued at " + rate(report.enqueueRate()) + " jobs/s with no worker running;"
                    + " drained at " + rate(report.drainRate()) + " jobs/s from the workers' start"
                    + " (latencies below from the workers' start)");
        }
        out.println("  steady       " + report.steadyCompletions()
                .map(steady -> Text.rate(steady.perSecond()) + " jobs/s over the middle 80% of the completions ("
                        + Text.duration(steady.window()) + ")")
                .orElse("- (too few completions, or all within half a second)")
                + "   start-up " + orDash(report.startUp()) + "   tail " + orDash(report.tail())
                + report.steadyEnqueues().map(steady -> "   enqueues " + Text.rate(steady.perSecond()) + "/s")
                        .orElse(""));
        report.offer().ifPresent(offer -> out.println("  offer        " + Text.rate(offer.offeredRate())
                + " jobs/s offered, " + Text.rate(offer.achievedRate()) + " achieved; backlog peak "
                + Text.count(offer.maxBacklog()) + (offer.backlogBounded() ? ", bounded" : ", growing") + " -> "
                + (offer.keptUp() ? "kept up" : "did not keep up") + " (latencies below from each job's intended time)"));
        report.bottleneck().ifPresent(bottleneck -> out.println("  bound by     " + bottleneck.text()));
        printStatements(report);
        if (report.nodesStarted() > 1) {
            out.println("  nodes        " + report.nodes().stream()
                    .map(node -> node.node() + " " + Text.count(node.executions()) + " ("
                            + Math.round(report.shareOf(node) * 100) + "%)")
                    .collect(Collectors.joining("   ")) + Text.nodesWithoutAJob(report).map(silent -> "   " + silent)
                    .orElse("") + "   fairness "
                    + (report.fairness().isPresent()
                            ? String.format(Locale.ROOT, "%.2f", report.fairness().getAsDouble()) : "-"));
        }
        out.println("  pickup lag   " + latency(report.pickupLag()));
        out.println("  end-to-end   " + latency(report.endToEnd()));
        out.println("  enqueue      " + latency(report.enqueueLatency()));
        List<RunFault> outages = report.faults().stream()
                .filter(fault -> fault.kind().equals(RunFault.DATABASE_UNREACHABLE)).toList();
        if (!outages.isEmpty()) {
            out.println("  outages      " + outages.size() + " ridden out, the database unreachable for "
                    + Text.duration(report.databaseUnreachable()) + " in all; first: " + outages.get(0).detail());
        }
        for (RunFault fault : report.injectedFaults()) {
            out.println("  fault        " + fault.kind() + " on " + fault.node() + " at " + Text.time(fault.startedAt())
                    + ": " + fault.detail() + "; throughput back to 90% after "
                    + report.throughputRecoveryAfter(fault.startedAt()).map(Text::duration).orElse("- (not before the end)"));
        }
        ResourceSummary resources = report.resources();
        if (resources.samples() > 0) {
            int poolWaitPeak = (int) resources.pools().values().stream()
                    .mapToDouble(pool -> pool.waiting().peak()).max().orElse(0);
            out.println("  resources    heap peak " + bytes(resources.heapUsedBytes().peak())
                    + "   rss peak " + bytes(resources.rssBytes().peak())
                    + "   cpu mean " + Math.round(resources.processCpuLoad().mean() * 100) + "%"
                    + (resources.hostCpuLoad().mean() >= 0
                            ? " (machine " + Math.round(resources.hostCpuLoad().mean() * 100) + "%"
                                    + (resources.serverCpuLoad().mean() >= 0 ? ", PostgreSQL "
                                            + Math.round(resources.serverCpuLoad().mean() * 100) + "%" : "") + ")"
                            : "")
                    + "   commits " + Text.rate(resources.transactionsCommitted().perSecond()) + "/s"
                    + "   pool waits peak " + poolWaitPeak
                    + "   lock waits peak " + (int) resources.sessionsWaitingOnLocks().peak());
        }
        report.profile().ifPresent(profile -> out.println("  settings     profile " + profile.wireName() + ", "
                + report.threadsPerNode().stream().mapToObj(Integer::toString).findFirst().orElse("?") + " threads" + report.pool()
                        .map(pool -> pool.isShort()
                                ? ", pool " + pool.connections() + " connections: fewer than the " + pool.needed()
                                        + " it needs, on purpose (--allow-small-pool), so the figures measure the"
                                        + " pool too"
                                : ", pool " + pool.connections() + " connections")
                        .orElse("")));
        Map<String, String> environment = report.environment();
        if (!environment.isEmpty()) {
            out.println("  environment  Queue Bench " + environment.get("queue_bench.version")
                    + ", JVM " + environment.get("jvm.version") + ", " + environment.get("machine.cores") + " cores, "
                    + "PostgreSQL " + environment.get("postgres.version") + " (" + environment.get("database.kind")
                    + ", fsync " + environment.get("postgres.fsync") + ", synchronous_commit "
                    + environment.get("postgres.synchronous_commit") + "), " + environment.get("backend.id") + " "
                    + environment.get("backend.library_version"));
        }
    }

    /** The statements that took the database's time: the backend's, then the harness's own. */
    private void printStatements(RunReport report) {
        if (report.topStatements().isEmpty()) {
            Text.statementsMissing(report).ifPresent(why -> out.println("  statements   - (" + why + ")"));
            return;
        }
        String label = "  statements   ";
        for (StatementTime statement : report.topStatements()) {
            out.println(label + String.format(Locale.ROOT, "%9s ms %9s calls %8.3f ms each  %-7s ",
                    Text.rate(statement.totalMillis()), Text.count(statement.calls()), statement.meanMillis(),
                    statement.backend() ? "backend" : "harness") + Text.statement(statement.query(), 90));
            label = "               ";
        }
    }

    /** " (2 pending, 1 lost)" when jobs are missing at the end and the pending ones were counted. */
    private static String missingSplit(RunReport report) {
        if (report.completions().missingJobs() == 0 || report.pendingJobs().isEmpty()) {
            return "";
        }
        return " (" + Text.count(report.pendingJobs().getAsInt()) + " pending, "
                + Text.count(report.lostJobs().getAsInt()) + " lost)";
    }

    /** A duration, or "-". */
    static String orDash(Optional<Duration> duration) {
        return duration.map(Text::duration).orElse("-");
    }

    private static String rate(java.util.OptionalDouble rate) {
        return rate.isPresent() ? Text.rate(rate.getAsDouble()) : "-";
    }

    private static String latency(LatencySummary summary) {
        if (summary.isEmpty()) {
            return "no samples";
        }
        return "p50 " + Text.micros(summary.p50()) + "   p95 " + Text.micros(summary.p95()) + "   p99 "
                + Text.micros(summary.p99()) + "   max " + Text.micros(summary.max()) + "   ("
                + Text.count(summary.count()) + " samples)";
    }

    /** {@code 312.4 MB}. */
    private static String bytes(double bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024 * 1024));
    }
}

package dev.queuebench.cli;

import dev.queuebench.common.Text;
import dev.queuebench.domain.RunStatus;
import dev.queuebench.ports.in.RunListener;
import dev.queuebench.ports.in.RunReport;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * Live progress of a run on stderr: a bar redrawn in place on a terminal, a plain line every few seconds otherwise
 * (logs, CI), so that stdout keeps only the result.
 */
final class ProgressDisplay implements RunListener {

    private static final int BAR_WIDTH = 30;
    private static final long PLAIN_EVERY_NANOS = Duration.ofSeconds(5).toNanos();

    private final PrintWriter err;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private long lastPlainNanos;
    private RunStatus lastStatus;

    ProgressDisplay(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void notice(String message) {
        if (terminal) {
            err.print("\r\u001B[K");
        }
        err.println(message);
        err.flush();
    }

    @Override
    public void progress(RunReport report) {
        String line = describe(report);
        if (terminal) {
            err.print("\r" + line + "\u001B[K");
            err.flush();
            return;
        }
        long now = System.nanoTime();
        if (report.status() != lastStatus || now - lastPlainNanos >= PLAIN_EVERY_NANOS) {
            err.println(line);
            err.flush();
            lastPlainNanos = now;
            lastStatus = report.status();
        }
    }

    void done() {
        if (terminal) {
            err.println();
            err.flush();
        }
    }

    private String describe(RunReport report) {
        int jobs = report.run().jobsCount();
        String elapsed = Text.duration(Duration.ofNanos(System.nanoTime() - startNanos));
        String prefix = "run " + report.run().id() + " " + report.run().backend() + ": ";
        if (report.status() == RunStatus.PENDING) {
            return prefix + (report.run().isSubmitted()
                    ? "waiting for a worker of " + report.run().backend() + " and the run lock"
                    : "waiting for its turn") + " [" + elapsed + "]";
        }
        int done = report.status() == RunStatus.SCHEDULING
                ? report.run().scheduledJobs()
                : report.completions().distinctCompleted();
        return prefix + report.status().wireName() + " " + bar(done, jobs) + " " + Text.count(done) + "/"
                + Text.count(jobs) + " [" + elapsed + "]";
    }

    private static String bar(int done, int total) {
        int filled = (int) Math.round((double) done / total * BAR_WIDTH);
        return "|" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "|";
    }
}

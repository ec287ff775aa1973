package dev.queuebench.web;

import dev.queuebench.common.Text;
import dev.queuebench.ports.in.RunFault;
import java.time.Duration;
import java.util.List;

/**
 * The faults a run met, as its page shows them: a row each in the faults table and a mark each on the throughput
 * chart, both timed on the page's time axis. Kinds are shown as they come, so that a new kind needs no change here.
 */
final class FaultsSection {

    private static final String NO_DURATION = "-";
    private static final double NANOS_PER_SECOND = 1e9;

    private FaultsSection() {
    }

    /** {@code null} when the run met none. */
    static RunView.Faults of(List<RunFault> faults, TimeAxis axis) {
        if (faults.isEmpty()) {
            return null;
        }
        return new RunView.Faults(axis.label(), faults.stream().map(fault -> new RunView.FaultRow(kind(fault),
                fault.node(), started(axis, fault), lasted(fault), fault.detail()))
                .toList());
    }

    static List<ChartCanvas.Mark> marks(List<RunFault> faults, TimeAxis axis) {
        return faults.stream().map(fault -> new ChartCanvas.Mark(axis.seconds(fault.startedAt()),
                axis.seconds(fault.endedAt()), kind(fault), title(fault))).toList();
    }

    /** What happened, where, for how long and why: "database unreachable on node-1 for 3.20 s: Connection refused". */
    private static String title(RunFault fault) {
        return kind(fault) + " on " + fault.node() + (hasDuration(fault) ? " for " + lasted(fault) : "") + ": "
                + fault.detail();
    }

    /** {@code database_unreachable} as "database unreachable". */
    private static String kind(RunFault fault) {
        return fault.kind().replace('_', ' ');
    }

    private static String lasted(RunFault fault) {
        return hasDuration(fault) ? Text.duration(fault.duration()) : NO_DURATION;
    }

    /** A fault never ends before it starts: one that ends when it starts is a moment, e.g. a node killed. */
    private static boolean hasDuration(RunFault fault) {
        return !fault.duration().isZero();
    }

    /** With a minus sign before the axis' zero, e.g. while the run waited for the lock. */
    private static String started(TimeAxis axis, RunFault fault) {
        Duration since = Duration.ofNanos(Math.round(axis.seconds(fault.startedAt()) * NANOS_PER_SECOND));
        return since.isNegative() ? "-" + Text.duration(since.negated()) : Text.duration(since);
    }
}

package dev.queuebench.core.internal.faults;

import dev.queuebench.ports.in.RunFault;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * When this node found the database unreachable. An outage starts at the first failure after a success and ends at
 * the next success, whoever saw either: a flush, a report poll, an enqueue, the node's heartbeat (about once a
 * second, so an outage is seen to within about a second even when nothing else touches the database). A run's
 * report lists the outages during its lifetime. Thread-safe.
 */
public final class DatabaseOutages {

    /** Outages kept for reports; the oldest go first. */
    static final int KEPT = 10_000;

    private final Clock clock;
    private final String node;
    private final Deque<RunFault> ended = new ArrayDeque<>();
    private Instant ongoingSince;
    private String firstError;

    public DatabaseOutages(Clock clock, String node) {
        this.clock = Objects.requireNonNull(clock, "clock is required");
        this.node = Objects.requireNonNull(node, "node is required");
    }

    /** Something could not reach the database; the outage starts now unless one is under way. */
    public synchronized void unreachable(String what, Throwable cause) {
        if (ongoingSince == null) {
            ongoingSince = clock.instant();
            firstError = what + ": " + firstLine(cause);
        }
    }

    /** Something reached the database: an outage under way is over. */
    public synchronized void reachable() {
        if (ongoingSince == null) {
            return;
        }
        ended.addLast(new RunFault(RunFault.DATABASE_UNREACHABLE, ongoingSince, clock.instant(), node, firstError));
        if (ended.size() > KEPT) {
            ended.removeFirst();
        }
        ongoingSince = null;
        firstError = null;
    }

    public synchronized boolean isOngoing() {
        return ongoingSince != null;
    }

    /** Outages that overlap {@code [from, to]}, in time order; one under way is shown as ending at {@code to}. */
    public synchronized List<RunFault> between(Instant from, Instant to) {
        List<RunFault> overlapping = new ArrayList<>();
        for (RunFault outage : ended) {
            if (!outage.endedAt().isBefore(from) && !outage.startedAt().isAfter(to)) {
                overlapping.add(outage);
            }
        }
        if (ongoingSince != null && !ongoingSince.isAfter(to)) {
            Instant end = to.isBefore(ongoingSince) ? ongoingSince : to;
            overlapping.add(new RunFault(RunFault.DATABASE_UNREACHABLE, ongoingSince, end, node, firstError));
        }
        return overlapping;
    }

    /** The innermost cause, where the driver says what happened; libraries wrap it in messages of their own. */
    private static String firstLine(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause.getCause() != null && cause.getCause() != cause && depth < 32; depth++) {
            cause = cause.getCause();
        }
        String message = String.valueOf(cause.getMessage());
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return cause.getClass().getSimpleName() + ": " + (line.length() > 300 ? line.substring(0, 300) + "..." : line);
    }
}

package dev.queuebench.ports.in;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Something that went wrong around a run: the database unreachable for a while, which the run rode out, or a fault
 * injected on purpose ({@code --fault}: {@code kill_node}, {@code pause_node}, {@code drop_connections},
 * {@code restart_db}).
 *
 * @param kind      what happened, e.g. {@value #DATABASE_UNREACHABLE}
 * @param startedAt when it began
 * @param endedAt   when it was over: the database reachable again, a paused node resumed, a killed node's running
 *                  jobs all run on other nodes (the same instant for a fault without a duration)
 * @param node      the node that saw it or was hit, or {@code database}
 * @param detail    the first error seen, or what was done
 * @param recovered false when what the fault took away had not come back when the run ended (a killed node's jobs
 *                  never ran elsewhere): then {@code endedAt} is the fault's start
 */
public record RunFault(String kind, Instant startedAt, Instant endedAt, String node, String detail, boolean recovered) {

    /** The database could not be reached: connections dropped, or the server was restarting. */
    public static final String DATABASE_UNREACHABLE = "database_unreachable";

    public RunFault {
        Objects.requireNonNull(kind, "kind is required");
        Objects.requireNonNull(startedAt, "start is required");
        Objects.requireNonNull(endedAt, "end is required");
        Objects.requireNonNull(node, "node is required");
        Objects.requireNonNull(detail, "detail is required");
        if (endedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("a fault cannot end (" + endedAt + ") before it started (" + startedAt + ")");
        }
    }

    /** A fault that was over at {@code endedAt}. */
    public RunFault(String kind, Instant startedAt, Instant endedAt, String node, String detail) {
        this(kind, startedAt, endedAt, node, detail, true);
    }

    public Duration duration() {
        return Duration.between(startedAt, endedAt);
    }
}

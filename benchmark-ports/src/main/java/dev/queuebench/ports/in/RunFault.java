package dev.queuebench.ports.in;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Something that went wrong around a run and that the run rode out, e.g. the database being unreachable for a while.
 *
 * @param kind      what happened, e.g. {@value #DATABASE_UNREACHABLE}
 * @param startedAt when it began
 * @param endedAt   when it was over (the same instant for a fault without a duration)
 * @param node      the node that saw it
 * @param detail    the first error seen, or what was done
 */
public record RunFault(String kind, Instant startedAt, Instant endedAt, String node, String detail) {

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

    public Duration duration() {
        return Duration.between(startedAt, endedAt);
    }
}

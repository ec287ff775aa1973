package dev.queuebench.domain.measure;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The latencies a run records for every job, each from its own pair of instants. */
public enum LatencyKind {

    /** The job's start minus the time it was due. */
    PICKUP_LAG("pickup-lag", "pickup lag"),
    /** The job's finish minus the time it was due (for a rate run, its intended time). */
    END_TO_END("end-to-end", "end-to-end"),
    /** How long the call that enqueued the job took. */
    ENQUEUE("enqueue", "enqueue call");

    private final String id;
    private final String label;

    LatencyKind(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** As written on the command line and in URLs, e.g. {@code end-to-end}. */
    public String id() {
        return id;
    }

    /** As written in prose, e.g. {@code pickup lag}. */
    public String label() {
        return label;
    }

    /** The kind with this id, case aside; the message names every id when there is none. */
    public static LatencyKind of(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(kind -> kind.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no latency '" + id + "'; choose one of "
                        + Arrays.stream(values()).map(LatencyKind::id).collect(Collectors.joining(", "))));
    }
}

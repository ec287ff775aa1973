package dev.queuebench.domain;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How the scheduling job enqueues its pretend jobs: one library call per job (as production code usually does) or
 * the library's batch API in batches of {@link #BATCH_SIZE}.
 */
public enum SchedulingMode {
    ONE_BY_ONE("one_by_one"),
    IN_BULK("in_bulk");

    public static final int BATCH_SIZE = 1_000;

    private final String wireName;

    SchedulingMode(String wireName) {
        this.wireName = wireName;
    }

    /** The name users type and reports print: {@code one_by_one} or {@code in_bulk}. */
    public String wireName() {
        return wireName;
    }

    public static SchedulingMode fromWireName(String name) {
        for (SchedulingMode mode : values()) {
            if (mode.wireName.equals(name)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("scheduling mode must be one of "
                + Arrays.stream(values()).map(SchedulingMode::wireName).collect(Collectors.joining(", "))
                + ", was '" + name + "'");
    }
}

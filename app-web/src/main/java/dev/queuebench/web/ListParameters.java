package dev.queuebench.web;

import dev.queuebench.common.Text;
import dev.queuebench.domain.RunStatus;
import dev.queuebench.domain.Workload;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The list filters the page and the JSON API share ({@code status=}, {@code workload=}), read the same way. */
final class ListParameters {

    static final List<String> WORKLOADS = Workload.WIRE_NAMES;
    private static final int ECHO_LENGTH = 40;

    private ListParameters() {
    }

    static RunStatus status(String value) {
        return Arrays.stream(RunStatus.values()).filter(status -> status.wireName().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("status must be one of " + Arrays.stream(
                        RunStatus.values()).map(RunStatus::wireName).collect(Collectors.joining(", "))
                        + ", was '" + Text.abbreviate(value, ECHO_LENGTH) + "'"));
    }

    static String workload(String value) {
        if (!WORKLOADS.contains(value)) {
            throw new IllegalArgumentException("workload must be one of " + String.join(", ", WORKLOADS)
                    + ", was '" + Text.abbreviate(value, ECHO_LENGTH) + "'");
        }
        return value;
    }
}

package dev.queuebench.web;

import dev.queuebench.common.Text;
import dev.queuebench.domain.FaultSpec;
import io.javalin.http.Context;
import java.util.List;

/**
 * The nodes a run or comparison runs on and the fault injected into it, as a form posts them: the same two fields
 * on the run form and the comparison form. Each problem is added to the form's list, so that every bad field is named.
 */
record NodesAndFault(String nodes, String fault) {

    static final String NODES = "benchmark_run[nodes]";
    static final String FAULT = "benchmark_run[fault]";

    private static final int ECHO_LENGTH = 40;

    static NodesAndFault from(Context ctx) {
        return new NodesAndFault(StartRunForm.trimmed(ctx.formParam(NODES)),
                StartRunForm.trimmed(ctx.formParam(FAULT)));
    }

    /** Neither field filled in: a run on this node only, without a fault. */
    boolean none() {
        return (nodes == null || nodes.equals("1")) && fault == null;
    }

    /** The node count, 1 when left empty; {@code null} with its problem noted. */
    Integer count(List<String> problems) {
        return StartRunForm.checked(problems, () -> {
            if (nodes == null) {
                return 1;
            }
            try {
                return Integer.parseInt(nodes.replace(",", "").replace("_", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("nodes must be a whole number, was '"
                        + Text.abbreviate(nodes, ECHO_LENGTH) + "'");
            }
        });
    }

    /** The fault asked for, none when left empty; {@code null} with its problem noted. */
    List<FaultSpec> faults(List<String> problems) {
        return fault == null ? List.of()
                : StartRunForm.checked(problems, () -> List.of(FaultSpec.parse(Text.abbreviate(fault, ECHO_LENGTH))));
    }
}

package dev.queuebench.web;

import dev.queuebench.common.Text;
import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.JobDelay;
import dev.queuebench.domain.JobsCount;
import dev.queuebench.domain.SchedulingMode;
import dev.queuebench.ports.in.StartRunCommand;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * The "start a run" form as posted, with the original harness's field names. It checks what the domain cannot know
 * (a field is missing, a count is not a number, a backend is not registered) and leaves the ranges to the domain's
 * own validation, so that the page and the CLI refuse the same input with the same words.
 */
record StartRunForm(String backend, String jobsCount, String schedulingMode) {

    static final String BACKEND = "benchmark_run[backend]";
    static final String JOBS_COUNT = "benchmark_run[jobs_count]";
    static final String SCHEDULING_MODE = "benchmark_run[scheduling_mode]";

    private static final int ECHO_LENGTH = 40;

    static StartRunForm from(Context ctx) {
        return new StartRunForm(trimmed(ctx.formParam(BACKEND)), trimmed(ctx.formParam(JOBS_COUNT)),
                trimmed(ctx.formParam(SCHEDULING_MODE)));
    }

    /** The registered backend this form names, if any: a refused form is shown again next to its buttons. */
    Optional<BackendId> registeredBackend(RegisteredBackends registered) {
        return registered.find(backend).map(descriptor -> descriptor.id());
    }

    /** @throws IllegalArgumentException with a message for the person who filled the form in */
    StartRunCommand toCommand(RegisteredBackends registered, JobDelay delay) {
        if (backend == null) {
            throw new IllegalArgumentException("choose a backend: " + registered.names());
        }
        BackendId id = registered.require(backend);
        if (jobsCount == null) {
            throw new IllegalArgumentException("enter a jobs count between " + JobsCount.MIN + " and "
                    + Text.count(JobsCount.MAX));
        }
        long count;
        try {
            // people type 10,000 or 10_000 as often as 10000
            count = Long.parseLong(jobsCount.replace(",", "").replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("jobs count must be a whole number between " + JobsCount.MIN
                    + " and " + Text.count(JobsCount.MAX) + ", was '" + Text.abbreviate(jobsCount, ECHO_LENGTH) + "'");
        }
        SchedulingMode mode = schedulingMode == null
                ? SchedulingMode.ONE_BY_ONE
                : SchedulingMode.fromWireName(Text.abbreviate(schedulingMode, ECHO_LENGTH));
        return StartRunCommand.of(id.value(), count, mode, delay.value());
    }

    private static String trimmed(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.strip();
    }
}

package dev.queuebench.web;

import dev.queuebench.common.Text;
import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.Durations;
import dev.queuebench.domain.JobDelay;
import dev.queuebench.domain.JobsCount;
import dev.queuebench.domain.Profile;
import dev.queuebench.domain.SchedulingMode;
import dev.queuebench.domain.Workload;
import dev.queuebench.ports.in.StartRunCommand;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * The "start a run" form as posted, with the original harness's field names. It checks what the domain cannot know
 * (a field is missing, a count is not a number, a backend is not registered) and leaves the ranges to the domain's
 * own validation, so that the page and the CLI refuse the same input with the same words.
 */
record StartRunForm(String backend, String jobsCount, String schedulingMode, String workload, String rate,
                    String duration, String profile) {

    static final String BACKEND = "benchmark_run[backend]";
    static final String JOBS_COUNT = "benchmark_run[jobs_count]";
    static final String SCHEDULING_MODE = "benchmark_run[scheduling_mode]";
    static final String WORKLOAD = "benchmark_run[workload]";
    static final String RATE = "benchmark_run[rate]";
    static final String DURATION = "benchmark_run[duration]";
    static final String PROFILE = "benchmark_run[profile]";

    private static final int ECHO_LENGTH = 40;

    static StartRunForm from(Context ctx) {
        return new StartRunForm(trimmed(ctx.formParam(BACKEND)), trimmed(ctx.formParam(JOBS_COUNT)),
                trimmed(ctx.formParam(SCHEDULING_MODE)), trimmed(ctx.formParam(WORKLOAD)),
                trimmed(ctx.formParam(RATE)), trimmed(ctx.formParam(DURATION)), trimmed(ctx.formParam(PROFILE)));
    }

    /** The registered backend this form names, if any: a refused form is shown again next to its buttons. */
    Optional<BackendId> registeredBackend(RegisteredBackends registered) {
        return registered.find(backend).map(descriptor -> descriptor.id());
    }

    /**
     * The run the form asks for, in the profile it names (without one, the backend runs as the server was started).
     *
     * @throws IllegalArgumentException with a message for the person who filled the form in
     */
    StartRunCommand toCommand(RegisteredBackends registered, JobDelay delay) {
        StartRunCommand command = commandInAnyProfile(registered, delay);
        return profile == null ? command : command.withProfile(Profile.fromWireName(Text.abbreviate(profile,
                ECHO_LENGTH)));
    }

    private StartRunCommand commandInAnyProfile(RegisteredBackends registered, JobDelay delay) {
        if (backend == null) {
            throw new IllegalArgumentException("choose a backend: " + registered.names());
        }
        BackendId id = registered.require(backend);
        SchedulingMode mode = schedulingMode == null
                ? SchedulingMode.ONE_BY_ONE
                : SchedulingMode.fromWireName(Text.abbreviate(schedulingMode, ECHO_LENGTH));
        String workloadName = workload == null ? Workload.DELAYED.wireName() : Text.abbreviate(workload, ECHO_LENGTH);
        if (workloadName.equals("rate")) {
            return rateCommand(id, mode);
        }
        Workload chosen = Workload.withoutParameters(workloadName);
        long count = count();
        return chosen instanceof Workload.Backlog
                ? StartRunCommand.backlog(id.value(), count, mode)
                : StartRunCommand.of(id.value(), count, mode, delay.value());
    }

    private StartRunCommand rateCommand(BackendId id, SchedulingMode mode) {
        if (rate == null || duration == null) {
            throw new IllegalArgumentException("the rate workload needs a rate (jobs per second) and a duration,"
                    + " e.g. 200 and 60s");
        }
        double jobsPerSecond;
        try {
            jobsPerSecond = Double.parseDouble(rate.replace(",", "").replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("rate must be a number of jobs per second, was '"
                    + Text.abbreviate(rate, ECHO_LENGTH) + "'");
        }
        return StartRunCommand.rate(id.value(), jobsPerSecond, Durations.parse(Text.abbreviate(duration,
                ECHO_LENGTH)), mode);
    }

    private long count() {
        if (jobsCount == null) {
            throw new IllegalArgumentException("enter a jobs count between " + JobsCount.MIN + " and "
                    + Text.count(JobsCount.MAX));
        }
        try {
            // people type 10,000 or 10_000 as often as 10000
            return Long.parseLong(jobsCount.replace(",", "").replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("jobs count must be a whole number between " + JobsCount.MIN
                    + " and " + Text.count(JobsCount.MAX) + ", was '" + Text.abbreviate(jobsCount, ECHO_LENGTH) + "'");
        }
    }

    private static String trimmed(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.strip();
    }
}

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

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
    private static final String RATE_WORKLOAD = "rate";

    static StartRunForm from(Context ctx) {
        return new StartRunForm(trimmed(ctx.formParam(BACKEND)), trimmed(ctx.formParam(JOBS_COUNT)),
                trimmed(ctx.formParam(SCHEDULING_MODE)), trimmed(ctx.formParam(WORKLOAD)),
                trimmed(ctx.formParam(RATE)), trimmed(ctx.formParam(DURATION)), trimmed(ctx.formParam(PROFILE)));
    }

    /** The same run on another backend: a comparison asks for one benchmark on each backend it names. */
    StartRunForm withBackend(String other) {
        return new StartRunForm(other, jobsCount, schedulingMode, workload, rate, duration, profile);
    }

    /** The registered backend this form names, if any: a refused form is shown again next to its buttons. */
    Optional<BackendId> registeredBackend(RegisteredBackends registered) {
        return registered.find(backend).map(descriptor -> descriptor.id());
    }

    /**
     * The run the form asks for, in the profile it names (without one, the backend runs as the server was started).
     * Every field is checked on its own, so that a form with two bad fields hears of both at once.
     *
     * @throws IllegalArgumentException with a message for the person who filled the form in, naming every bad field
     */
    StartRunCommand toCommand(RegisteredBackends registered, JobDelay delay) {
        if (backend == null) {
            throw new IllegalArgumentException("choose a backend: " + registered.names());
        }
        BackendId id = registered.require(backend);
        List<String> problems = new ArrayList<>();
        SchedulingMode mode = checked(problems, () -> schedulingMode == null
                ? SchedulingMode.ONE_BY_ONE
                : SchedulingMode.fromWireName(Text.abbreviate(schedulingMode, ECHO_LENGTH)));
        String workloadName = workload == null ? Workload.DELAYED.wireName() : Text.abbreviate(workload, ECHO_LENGTH);
        Profile chosenProfile = profile == null ? null
                : checked(problems, () -> Profile.fromWireName(Text.abbreviate(profile, ECHO_LENGTH)));
        StartRunCommand command = null;
        if (workloadName.equals(RATE_WORKLOAD)) {
            Double jobsPerSecond = checked(problems, this::jobsPerSecond);
            Duration lasting = checked(problems, this::lasting);
            if (jobsPerSecond != null && lasting != null && mode != null) {
                command = checked(problems, () -> StartRunCommand.rate(id.value(), jobsPerSecond, lasting, mode));
            }
        } else {
            Workload chosen = checked(problems, () -> Workload.withoutParameters(workloadName));
            Long count = checked(problems, this::count);
            if (chosen != null && count != null && mode != null) {
                command = checked(problems, () -> chosen instanceof Workload.Backlog
                        ? StartRunCommand.backlog(id.value(), count, mode)
                        : StartRunCommand.of(id.value(), count, mode, delay.value()));
            }
        }
        if (!problems.isEmpty() || command == null) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return chosenProfile == null ? command : command.withProfile(chosenProfile);
    }

    /** The field's value, or {@code null} with its problem noted. */
    static <T> T checked(List<String> problems, Supplier<T> field) {
        try {
            return field.get();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    private double jobsPerSecond() {
        if (rate == null) {
            throw new IllegalArgumentException("the rate workload needs a rate in jobs per second, e.g. 200");
        }
        try {
            return Double.parseDouble(rate.replace(",", "").replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("rate must be a number of jobs per second, was '"
                    + Text.abbreviate(rate, ECHO_LENGTH) + "'");
        }
    }

    private Duration lasting() {
        if (duration == null) {
            throw new IllegalArgumentException("the rate workload needs a duration, e.g. 60s");
        }
        return Durations.parse(Text.abbreviate(duration, ECHO_LENGTH));
    }

    private long count() {
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
        return JobsCount.of(count).value();
    }

    static String trimmed(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.strip();
    }
}

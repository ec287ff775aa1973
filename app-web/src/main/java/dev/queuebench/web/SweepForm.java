package dev.queuebench.web;

import dev.queuebench.common.Text;
import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.Durations;
import dev.queuebench.domain.JobWork;
import dev.queuebench.domain.JobsCount;
import dev.queuebench.domain.SchedulingMode;
import dev.queuebench.domain.SweepPlan;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The "start a sweep" form as posted ({@code POST /sweeps}): what {@code queue-bench sweep} takes, in the same words.
 * Every field is checked on its own, so that a form with several bad fields hears of each at once; the ranges are the
 * domain's ({@link SweepPlan}), as for the command line.
 */
record SweepForm(String backend, String over, String values, String jobs, String duration, String slo, String mode) {

    static final String BACKEND = "sweep[backend]";
    static final String OVER = "sweep[over]";
    static final String VALUES = "sweep[values]";
    static final String JOBS = "sweep[jobs]";
    static final String DURATION = "sweep[duration]";
    static final String SLO = "sweep[slo]";
    static final String MODE = "sweep[mode]";

    private static final int ECHO_LENGTH = 40;

    static SweepForm from(Context ctx) {
        return new SweepForm(StartRunForm.trimmed(ctx.formParam(BACKEND)), StartRunForm.trimmed(ctx.formParam(OVER)),
                StartRunForm.trimmed(ctx.formParam(VALUES)), StartRunForm.trimmed(ctx.formParam(JOBS)),
                StartRunForm.trimmed(ctx.formParam(DURATION)), StartRunForm.trimmed(ctx.formParam(SLO)),
                StartRunForm.trimmed(ctx.formParam(MODE)));
    }

    /** The form as first shown: a thread sweep of the first backend, as {@code sweep}'s own defaults are. */
    static SweepForm blank(RegisteredBackends registered) {
        String first = registered.all().isEmpty() ? null : registered.all().get(0).id().value();
        return new SweepForm(first, "threads", "1,2,4,8,16", "50000", "30s", "1s", null);
    }

    boolean rates() {
        return "rates".equals(over);
    }

    /**
     * The sweep the form asks for.
     *
     * @throws IllegalArgumentException with a message for the person who filled the form in, naming every bad field
     */
    SweepPlan toPlan(RegisteredBackends registered) {
        List<String> problems = new ArrayList<>();
        BackendId id = backend == null
                ? StartRunForm.checked(problems, () -> {
                    throw new IllegalArgumentException("choose a backend: " + registered.names());
                })
                : StartRunForm.checked(problems, () -> registered.require(backend));
        SweepPlan.Kind kind = StartRunForm.checked(problems, this::kind);
        List<Double> points = StartRunForm.checked(problems, this::points);
        SchedulingMode chosenMode = StartRunForm.checked(problems, () -> mode == null
                ? kind == SweepPlan.Kind.RATES ? SchedulingMode.ONE_BY_ONE : SchedulingMode.IN_BULK
                : SchedulingMode.fromWireName(Text.abbreviate(mode, ECHO_LENGTH)));
        Duration objective = StartRunForm.checked(problems, () -> duration("slo", slo, Duration.ofSeconds(1)));
        JobsCount count = kind == SweepPlan.Kind.THREADS ? StartRunForm.checked(problems, this::count) : null;
        Duration lasting = kind == SweepPlan.Kind.RATES
                ? StartRunForm.checked(problems, () -> duration("duration", duration, Duration.ofSeconds(30)))
                : null;
        if (!problems.isEmpty() || id == null || kind == null || points == null || chosenMode == null
                || objective == null) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new SweepPlan(id, kind, points, count, lasting, objective, chosenMode, JobWork.NONE);
    }

    private SweepPlan.Kind kind() {
        if (over == null || over.equals("threads")) {
            return SweepPlan.Kind.THREADS;
        }
        if (over.equals("rates")) {
            return SweepPlan.Kind.RATES;
        }
        throw new IllegalArgumentException("a sweep is over threads or rates, was '" + Text.abbreviate(over,
                ECHO_LENGTH) + "'");
    }

    private List<Double> points() {
        if (values == null) {
            throw new IllegalArgumentException("give the points to sweep, rising, e.g. 1,2,4,8 (threads) or"
                    + " 100,200,400 (jobs per second)");
        }
        List<Double> parsed = new ArrayList<>();
        for (String value : values.split(",")) {
            try {
                parsed.add(Double.parseDouble(value.strip().replace("_", "")));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("points are numbers separated by commas, e.g. 1,2,4,8; '"
                        + Text.abbreviate(value.strip(), ECHO_LENGTH) + "' is not one");
            }
        }
        return parsed;
    }

    private JobsCount count() {
        if (jobs == null) {
            throw new IllegalArgumentException("a thread sweep drains a backlog: give its jobs, e.g. 50000");
        }
        try {
            return JobsCount.of(Long.parseLong(jobs.replace(",", "").replace("_", "")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("jobs must be a whole number, was '" + Text.abbreviate(jobs,
                    ECHO_LENGTH) + "'");
        }
    }

    private static Duration duration(String name, String value, Duration otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            return Durations.parse(Text.abbreviate(value, ECHO_LENGTH));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }
}

package dev.queuebench.web;

import dev.queuebench.common.Text;
import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.FaultSpec;
import dev.queuebench.domain.JobDelay;
import dev.queuebench.domain.Profile;
import dev.queuebench.domain.TrialPlan;
import dev.queuebench.domain.measure.TrialStatistics;
import dev.queuebench.ports.in.ComparePlan;
import dev.queuebench.ports.in.StartRunCommand;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The "start a comparison" form as posted ({@code POST /comparisons}): the backends ticked, the benchmark in the
 * fields of the run form (so that both read the same words the same way), its trials and warm-ups, the node count
 * and a fault. Every field is checked on its own, so that a form with several bad fields hears of each at once; the
 * plan's own rules (a fault that needs a worker node, a backlog on several nodes) are the core's.
 */
record CompareForm(List<String> backends, StartRunForm benchmark, String trials, String warmups,
                   NodesAndFault spread) {

    static final String BACKENDS = "comparison[backends]";
    static final String TRIALS = "comparison[trials]";
    static final String WARMUPS = "comparison[warmups]";

    /** The trials a blank form offers, and an empty field stands for: the fewest that give an interval. */
    static final int DEFAULT_TRIALS = TrialStatistics.MIN_TRIALS_FOR_AN_INTERVAL;

    private static final int ECHO_LENGTH = 40;

    CompareForm {
        backends = List.copyOf(backends);
    }

    static CompareForm from(Context ctx) {
        List<String> ticked = ctx.formParams(BACKENDS).stream().map(String::strip).filter(id -> !id.isEmpty())
                .toList();
        return new CompareForm(ticked, StartRunForm.from(ctx), StartRunForm.trimmed(ctx.formParam(TRIALS)),
                StartRunForm.trimmed(ctx.formParam(WARMUPS)), NodesAndFault.from(ctx));
    }

    /** The form as first shown: every backend ticked, 10,000 jobs, three trials, no warm-up, one node. */
    static CompareForm blank(RegisteredBackends registered) {
        return new CompareForm(registered.all().stream().map(backend -> backend.id().value()).toList(),
                new StartRunForm(null, "10000", null, null, null, null, null), Integer.toString(DEFAULT_TRIALS),
                "0", new NodesAndFault("1", null));
    }

    boolean ticks(String backend) {
        return backends.contains(backend);
    }

    /**
     * The comparison the form asks for: one benchmark on each backend ticked, in the order the page lists them.
     *
     * @throws IllegalArgumentException with a message for the person who filled the form in, naming every bad field
     */
    ComparePlan toPlan(RegisteredBackends registered, JobDelay delay) {
        List<String> problems = new ArrayList<>();
        Set<BackendId> chosen = new LinkedHashSet<>();
        for (String backend : backends) {
            StartRunForm.checked(problems, () -> chosen.add(registered.require(backend)));
        }
        if (backends.isEmpty()) {
            problems.add("tick the backends to compare: " + registered.names());
        }
        List<StartRunCommand> commands = new ArrayList<>();
        // the benchmark's fields are read once, on the first backend (or any, to name what is wrong with them)
        Optional<String> probe = chosen.stream().findFirst().map(BackendId::value)
                .or(() -> registered.all().stream().findFirst().map(backend -> backend.id().value()));
        if (probe.isPresent() && StartRunForm.checked(problems, () -> benchmark.withBackend(probe.get())
                .toCommand(registered, delay)) != null) {
            for (BackendId backend : chosen) {
                commands.add(benchmark.withBackend(backend.value()).toCommand(registered, delay));
            }
        }
        Integer trialCount = StartRunForm.checked(problems, () -> whole("trials", trials, DEFAULT_TRIALS));
        Integer warmupCount = StartRunForm.checked(problems, () -> whole("warm-ups", warmups, 0));
        TrialPlan plan = trialCount == null || warmupCount == null ? null
                : StartRunForm.checked(problems, () -> new TrialPlan(warmupCount, trialCount));
        Integer nodeCount = spread.count(problems);
        List<FaultSpec> faults = spread.faults(problems);
        if (!problems.isEmpty() || commands.isEmpty() || plan == null || nodeCount == null || faults == null) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        Profile profile = commands.get(0).profile().orElse(Profile.DEFAULT);
        return new ComparePlan(commands, List.of(profile), List.of(nodeCount),
                faults, Optional.empty(), plan);
    }

    private static int whole(String name, String value, int otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.replace(",", "").replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '"
                    + Text.abbreviate(value, ECHO_LENGTH) + "'");
        }
    }
}

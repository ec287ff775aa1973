package dev.queuebench.web;

import dev.queuebench.common.Text;
import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.Profile;
import dev.queuebench.domain.RunId;
import dev.queuebench.domain.RunStatus;
import dev.queuebench.ports.in.CompareListener;
import dev.queuebench.ports.in.ComparePlan;
import dev.queuebench.ports.in.Comparison;
import dev.queuebench.ports.in.RunListener;
import dev.queuebench.ports.in.RunReport;
import dev.queuebench.ports.in.StartRunCommand;
import dev.queuebench.ports.in.TrialResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A comparison started from the page, as it goes: it hears the core go from one backend (in one profile, on one node
 * count) to the next, each run's progress and notices, and each backend's kept trials. Read by the page while the
 * core's driver thread writes it, so every read takes the same lock as every write.
 */
final class StartedComparison implements CompareListener {

    /** Where a comparison stands. */
    enum State {
        /** Waiting for the runs started before it on this node. */
        QUEUED,
        RUNNING,
        /** Every backend ran; its kept runs are compared at {@link #runsHref()}. */
        DONE,
        /** It stopped before its end: the server closed, or a worker node did not start. */
        FAILED
    }

    /** One backend's runs in one profile on one node count, in the order the plan runs them. */
    private static final class Step {
        final BackendId backend;
        final Profile profile;
        final int nodes;
        RunReport latest;
        TrialResult result;
        /** What the core said of its faults (one not injected, one that failed): kept, as the notice moves on. */
        final List<String> faultNotes = new ArrayList<>();

        Step(BackendId backend, Profile profile, int nodes) {
            this.backend = backend;
            this.profile = profile;
            this.nodes = nodes;
        }
    }

    private final int id;
    private final ComparePlan plan;
    private final Instant startedAt;
    private final List<Step> steps = new ArrayList<>();
    private State state = State.QUEUED;
    private Step current;
    private String notice;
    private String failure;

    StartedComparison(int id, ComparePlan plan, Instant startedAt) {
        this.id = id;
        this.plan = Objects.requireNonNull(plan, "plan is required");
        this.startedAt = Objects.requireNonNull(startedAt, "start time is required");
        for (StartRunCommand command : plan.commands()) {
            for (Profile profile : plan.profiles()) {
                for (int nodes : plan.nodeCounts()) {
                    steps.add(new Step(command.spec().backend(), profile, nodes));
                }
            }
        }
    }

    int id() {
        return id;
    }

    Instant startedAt() {
        return startedAt;
    }

    /** "db-scheduler and postgres: 10,000 jobs, delayed (10 s), 3 trials on 2 nodes". */
    String title() {
        StartRunCommand first = plan.commands().get(0);
        List<String> backends = plan.backends().stream().map(BackendId::value).toList();
        String names = backends.size() == 1 ? backends.get(0)
                : String.join(", ", backends.subList(0, backends.size() - 1)) + " and " + backends.get(backends.size() - 1);
        int trials = plan.trials().trials();
        int nodes = plan.nodeCounts().get(0);
        return names + ": " + Text.count(first.spec().jobsCount().value()) + " jobs, " + Text.workload(first.spec())
                + ", " + trials + (trials == 1 ? " trial" : " trials") + (nodes == 1 ? "" : " on " + nodes + " nodes")
                + plan.faults().stream().map(fault -> ", " + fault).collect(Collectors.joining());
    }

    @Override
    public synchronized RunListener starting(BackendId backend, Profile profile, int nodes) {
        state = State.RUNNING;
        current = steps.stream().filter(step -> step.result == null && step.backend.equals(backend)
                        && step.profile == profile && step.nodes == nodes).findFirst()
                .orElseGet(() -> {
                    Step unplanned = new Step(backend, profile, nodes);
                    steps.add(unplanned);
                    return unplanned;
                });
        Step step = current;
        return new RunListener() {
            @Override
            public void progress(RunReport report) {
                synchronized (StartedComparison.this) {
                    step.latest = report;
                }
            }

            @Override
            public void notice(String message) {
                synchronized (StartedComparison.this) {
                    notice = message;
                    if (message.startsWith("fault ")) {
                        step.faultNotes.add(message);
                    }
                }
            }
        };
    }

    @Override
    public synchronized void ended(TrialResult result) {
        if (current != null) {
            current.result = result;
            current = null;
        }
        notice = null;
    }

    /** What the core's future came to: the comparison, or why there is none. */
    synchronized void completed(Comparison comparison, Throwable error) {
        if (error == null) {
            state = State.DONE;
            return;
        }
        state = State.FAILED;
        failure = BackgroundFailure.message(error);
    }

    synchronized State state() {
        return state;
    }

    synchronized boolean active() {
        return state == State.QUEUED || state == State.RUNNING;
    }

    /** The core said something of a fault that the runs do not keep (one not injected): its page says it, once done. */
    synchronized boolean hasFaultNotes() {
        return steps.stream().anyMatch(step -> !step.faultNotes.isEmpty());
    }

    /** The kept runs so far, in the order they ran. */
    synchronized List<RunId> keptRuns() {
        return steps.stream().filter(step -> step.result != null)
                .flatMap(step -> step.result.trials().stream().map(report -> report.run().id())).toList();
    }

    /** Where the kept runs are compared: an address of their own, which outlives this server. */
    synchronized Optional<String> runsHref() {
        List<RunId> kept = keptRuns();
        return kept.isEmpty() ? Optional.empty() : Optional.of("/compare?runs=" + kept.stream()
                .map(run -> Long.toString(run.value())).collect(Collectors.joining(",")));
    }

    synchronized ComparingView view() {
        List<ComparingView.StepRow> rows = new ArrayList<>();
        for (Step step : steps) {
            rows.add(row(step));
        }
        String stateText = switch (state) {
            case QUEUED -> "waiting for the runs started before it";
            case RUNNING -> "running";
            case DONE -> "done";
            case FAILED -> "failed";
        };
        return new ComparingView(id, title(), Text.time(startedAt), state.name().toLowerCase(Locale.ROOT),
                stateText, rows, notice, failure, runsHref().orElse(null), active());
    }

    private ComparingView.StepRow row(Step step) {
        String trials = plan.trials().trials() + (plan.trials().warmups() > 0
                ? " (+" + plan.trials().warmups() + " warm-up)" : "");
        if (step.result != null) {
            List<String> runs = step.result.trials().stream().map(r -> Long.toString(r.run().id().value())).toList();
            long finished = step.result.trials().stream().filter(r -> r.status() == RunStatus.FINISHED).count();
            return new ComparingView.StepRow(step.backend.value(), step.profile.wireName(), step.nodes, trials,
                    "done: " + finished + " of " + runs.size() + " finished" + step.faultNotes.stream()
                            .map(note -> "; " + note).collect(Collectors.joining()), runs, null);
        }
        if (state == State.FAILED) {
            boolean stopped = step == current;
            RunReport latest = step.latest;
            return new ComparingView.StepRow(step.backend.value(), step.profile.wireName(), step.nodes, trials,
                    !stopped ? "not run" : latest == null ? "failed before its first run"
                            : "failed in run " + latest.run().id(), List.of(),
                    stopped && latest != null ? Long.toString(latest.run().id().value()) : null);
        }
        if (step == current) {
            RunReport latest = step.latest;
            return new ComparingView.StepRow(step.backend.value(), step.profile.wireName(), step.nodes, trials,
                    latest == null ? "starting" : "run " + latest.run().id() + ": " + Text.status(latest), List.of(),
                    latest == null ? null : Long.toString(latest.run().id().value()));
        }
        return new ComparingView.StepRow(step.backend.value(), step.profile.wireName(), step.nodes, trials,
                "waiting", List.of(), null);
    }
}

package dev.queuebench.core.internal.service;

import dev.queuebench.core.internal.faults.FaultAccounting;
import dev.queuebench.core.internal.faults.FaultInjector;
import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.Profile;
import dev.queuebench.ports.in.CompareListener;
import dev.queuebench.ports.in.ComparePlan;
import dev.queuebench.ports.in.CompareUseCase;
import dev.queuebench.ports.in.Comparison;
import dev.queuebench.ports.in.RunListener;
import dev.queuebench.ports.in.SizedRun;
import dev.queuebench.ports.in.StartRunCommand;
import dev.queuebench.ports.in.TrialResult;
import dev.queuebench.ports.out.DatabaseControlPort;
import dev.queuebench.ports.out.WorkerNodesPort;
import dev.queuebench.ports.out.WorkerNodesPort.WorkerNodes;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Compares: each backend in each profile on each node count in turn, its extra nodes started for its runs and stopped
 * after them, calibrated first when sized by time, then its warm-ups and trials with the faults injected.
 */
public final class CompareRunner implements CompareUseCase {

    private final QueueBackends backends;
    private final BenchmarkRunner runner;
    private final FaultAccounting accounting;
    private final WorkerNodesPort workerNodes;
    private final DatabaseControlPort database;
    private final Clock clock;

    public CompareRunner(QueueBackends backends, BenchmarkRunner runner, FaultAccounting accounting,
                         WorkerNodesPort workerNodes, DatabaseControlPort database, Clock clock) {
        this.backends = Objects.requireNonNull(backends, "backends are required");
        this.runner = Objects.requireNonNull(runner, "runner is required");
        this.accounting = Objects.requireNonNull(accounting, "fault accounting is required");
        this.workerNodes = Objects.requireNonNull(workerNodes, "worker nodes are required");
        this.database = Objects.requireNonNull(database, "database control is required");
        this.clock = Objects.requireNonNull(clock, "clock is required");
    }

    @Override
    public Comparison compare(ComparePlan plan, CompareListener listener) {
        checkKnobs(plan);
        Comparison comparison = Comparison.empty();
        for (StartRunCommand command : plan.commands()) {
            for (Profile profile : plan.profiles()) {
                for (int nodes : plan.nodeCounts()) {
                    TrialResult result = runOn(nodes, command.withProfile(profile).withNodes(nodes), plan,
                            listener.starting(command.spec().backend(), profile, nodes));
                    listener.ended(result);
                    comparison = comparison.with(nodes, result);
                }
            }
        }
        return comparison;
    }

    @Override
    public CompletableFuture<Comparison> compareInBackground(ComparePlan plan, CompareListener listener) {
        checkKnobs(plan);
        return runner.inBackground("a comparison of " + plan.backends().stream().map(BackendId::value)
                .collect(Collectors.joining(", ")), () -> compare(plan, listener));
    }

    /** Every backend's knobs in every profile, checked before the first run, not after an hour of them. */
    private void checkKnobs(ComparePlan plan) {
        for (BackendId backend : plan.backends()) {
            plan.profiles().forEach(profile -> backends.setupOf(backend, Optional.of(profile)));
        }
    }

    /** One backend's runs in one profile: on {@code nodes} nodes, calibrated without the faults, kept with them. */
    private TrialResult runOn(int nodes, StartRunCommand command, ComparePlan plan, RunListener progress) {
        BackendId backend = command.spec().backend();
        try (WorkerNodes extraNodes = startExtraNodes(nodes, command);
             FaultInjector faults = new FaultInjector(plan.faults(), accounting, database, backend, extraNodes,
                     progress, clock)) {
            Optional<SizedRun> sized = plan.sizing().map(sizing -> runner.sizedToLast(command, sizing, progress));
            if (sized.isPresent() && sized.get().command().isEmpty()) {
                // the failed calibration stands for the backend's trials: its report says why
                return new TrialResult(backend, 0, List.of(sized.get().lastCalibration()));
            }
            StartRunCommand runs = sized.flatMap(SizedRun::command).orElse(command);
            return runner.runTrials(runs, plan.sizing(), plan.trials().warmups(), plan.trials().trials(), faults);
        }
    }

    /** The nodes beside this one, in the backend's knobs of the command's profile; {@code null} for one node. */
    private WorkerNodes startExtraNodes(int nodes, StartRunCommand command) {
        if (nodes == 1) {
            return null;
        }
        BackendId backend = command.spec().backend();
        return workerNodes.start(nodes - 1, backend, backends.settingsIn(backend, command.profile()));
    }
}

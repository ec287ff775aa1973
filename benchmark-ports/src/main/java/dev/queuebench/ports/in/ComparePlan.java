package dev.queuebench.ports.in;

import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.FaultSpec;
import dev.queuebench.domain.Profile;
import dev.queuebench.domain.RunSizing;
import dev.queuebench.domain.TrialPlan;
import dev.queuebench.domain.Workload;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One benchmark on several backends, each in several profiles or on several node counts, with its trials and faults:
 * what {@code compare} runs, and {@code run} with one backend, profile and node count.
 *
 * @param commands   the benchmark on each backend, in the order to run them; one per backend
 * @param profiles   each backend runs in each of these in turn
 * @param nodeCounts each backend runs on each of these in turn: this node and the rest as worker nodes
 * @param faults     injected into every kept run (not into calibrations)
 * @param sizing     sizes each backend's runs by time, from calibration runs first; empty when the command sets jobs
 */
public record ComparePlan(List<StartRunCommand> commands, List<Profile> profiles, List<Integer> nodeCounts,
                          List<FaultSpec> faults, Optional<RunSizing> sizing, TrialPlan trials) {

    /** Worker nodes are processes of this machine: beyond this many they measure the machine, not the backend. */
    public static final int MAX_NODES = 16;

    public ComparePlan {
        commands = List.copyOf(commands);
        profiles = List.copyOf(profiles);
        nodeCounts = List.copyOf(nodeCounts);
        faults = List.copyOf(faults);
        Objects.requireNonNull(sizing, "sizing is required");
        Objects.requireNonNull(trials, "trials are required");
        require(!commands.isEmpty(), "a comparison needs a backend");
        require(!profiles.isEmpty(), "a comparison needs a profile");
        require(!nodeCounts.isEmpty(), "a comparison needs a node count");
        require(commands.stream().map(command -> command.spec().backend()).distinct().count() == commands.size(),
                "a backend is listed twice");
        require(profiles.stream().distinct().count() == profiles.size(), "a profile is listed twice");
        for (int i = 0; i < nodeCounts.size(); i++) {
            require(nodeCounts.get(i) >= 1 && (i == 0 || nodeCounts.get(i) > nodeCounts.get(i - 1)),
                    "node counts rise from 1 or more, e.g. 1,2,4; were " + nodeCounts);
            require(nodeCounts.get(i) <= MAX_NODES, "a run takes at most " + MAX_NODES + " nodes on this machine,"
                    + " not " + nodeCounts.get(i));
        }
        require(nodeCounts.get(nodeCounts.size() - 1) == 1
                        || commands.stream().noneMatch(command -> command.spec().workload() instanceof Workload.Backlog),
                "a backlog is enqueued while no worker runs, but worker nodes run theirs from the start: more nodes"
                        + " than one take the delayed or the rate workload");
        require(nodeCounts.size() == 1 || profiles.size() == 1,
                "a comparison takes several node counts or several profiles, not both");
        boolean singleNode = nodeCounts.get(0) < 2;
        require(!singleNode || faults.stream().noneMatch(fault -> fault.kind().needsWorkerNode()),
                "a fault that hits a worker node needs 2 nodes or more");
    }

    /** One backend's benchmark in one profile on one node count, its trials and faults: what {@code run} runs. */
    public static ComparePlan single(StartRunCommand command, Profile profile, int nodes, List<FaultSpec> faults,
                                     Optional<RunSizing> sizing, TrialPlan trials) {
        return new ComparePlan(List.of(command), List.of(profile), List.of(nodes), faults, sizing, trials);
    }

    public List<BackendId> backends() {
        return commands.stream().map(command -> command.spec().backend()).toList();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}

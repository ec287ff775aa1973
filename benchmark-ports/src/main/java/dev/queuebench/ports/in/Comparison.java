package dev.queuebench.ports.in;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link ComparePlan} gave: each backend's trials in each profile and on each node count, in the order run.
 *
 * @param results     every backend's trials, in the order run
 * @param byNodeCount the same, by node count, in rising order
 */
public record Comparison(List<TrialResult> results, Map<Integer, List<TrialResult>> byNodeCount) {

    public Comparison {
        results = List.copyOf(results);
        Map<Integer, List<TrialResult>> copy = new LinkedHashMap<>();
        byNodeCount.forEach((nodes, ofNodes) -> copy.put(nodes, List.copyOf(ofNodes)));
        byNodeCount = Collections.unmodifiableMap(copy);
    }

    /** Adds one backend's trials on {@code nodes} nodes to those before them. */
    public Comparison with(int nodes, TrialResult result) {
        List<TrialResult> all = new ArrayList<>(results);
        all.add(result);
        Map<Integer, List<TrialResult>> grouped = new LinkedHashMap<>(byNodeCount);
        List<TrialResult> ofNodes = new ArrayList<>(grouped.getOrDefault(nodes, List.of()));
        ofNodes.add(result);
        grouped.put(nodes, ofNodes);
        return new Comparison(all, grouped);
    }

    public static Comparison empty() {
        return new Comparison(List.of(), Map.of());
    }

    /** Whether it compares node counts (the scaling table) rather than backends or profiles. */
    public boolean overNodeCounts() {
        return byNodeCount.size() > 1;
    }

    /** Every trial of every backend finished with every job. */
    public boolean allFinished() {
        return results.stream().allMatch(TrialResult::allFinished);
    }
}

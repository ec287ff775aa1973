package dev.queuebench.ports.in;

import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.RunStatus;
import dev.queuebench.domain.measure.TrialStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One backend's trials of the same benchmark, after its discarded warm-ups, with statistics per metric over the
 * trials that have a value for it.
 */
public record TrialResult(BackendId backend, int warmups, List<RunReport> trials) {

    public TrialResult {
        Objects.requireNonNull(backend, "backend is required");
        trials = List.copyOf(trials);
        if (trials.isEmpty()) {
            throw new IllegalArgumentException("a trial result needs at least one trial");
        }
    }

    /** Per metric, over the trials that have it; a metric no trial has is absent. */
    public Map<TrialMetric, TrialStatistics> statistics() {
        Map<TrialMetric, TrialStatistics> statistics = new LinkedHashMap<>();
        for (TrialMetric metric : TrialMetric.values()) {
            TrialStatistics.ofPresent(metric.scale(), trials.stream().map(metric::valueOf))
                    .ifPresent(values -> statistics.put(metric, values));
        }
        return statistics;
    }

    /** Every trial finished with every job. */
    public boolean allFinished() {
        return trials.stream().allMatch(report -> report.status() == RunStatus.FINISHED);
    }
}

package dev.queuebench.common;

import dev.queuebench.ports.in.ResourceSummary;
import dev.queuebench.ports.in.RunReport;
import dev.queuebench.ports.in.TrialMetric;
import dev.queuebench.ports.in.TrialResult;
import dev.queuebench.ports.in.TrialStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One backend's trials as JSON, as {@code compare} and {@code run --trials} print them and {@code --baseline} reads
 * them back: the kept trials (run objects, see {@link RunJson}), statistics per metric with 95% confidence
 * intervals, the resources over all trials, and the fingerprint of the first trial.
 */
public record TrialResultJson(
        String backend,
        String libraryVersion,
        int warmups,
        List<RunJson> trials,
        Map<String, Statistics> statistics,
        RunJson.Resources resources,
        Map<String, String> fingerprint) {

    public static TrialResultJson of(TrialResult result) {
        List<RunReport> trials = result.trials();
        Map<String, Statistics> statistics = new LinkedHashMap<>();
        result.statistics().forEach((metric, stats) -> statistics.put(metric.key(), Statistics.of(stats, trials, metric)));
        Map<String, String> fingerprint = trials.get(0).environment();
        return new TrialResultJson(
                result.backend().value(),
                fingerprint.getOrDefault("backend.library_version", null),
                result.warmups(),
                trials.stream().map(RunJson::of).toList(),
                statistics,
                RunJson.Resources.of(ResourceSummary.combine(trials.stream().map(RunReport::resources).toList())),
                fingerprint);
    }

    /**
     * One metric over the trials; {@code cv} is the coefficient of variation (stddev / mean, {@code null} for one
     * trial); {@code outlier_runs} are the ids of trials beyond median -+ 3 MAD.
     */
    public record Statistics(int n, double mean, double stddev, double min, double max, double median, double mad,
                             double ci95Low, double ci95High, Double cv, List<Long> outlierRuns) {

        static Statistics of(TrialStatistics stats, List<RunReport> trials, TrialMetric metric) {
            List<RunReport> withValue = trials.stream().filter(t -> metric.valueOf(t).isPresent()).toList();
            List<Long> outliers = stats.outliers().stream().map(i -> withValue.get(i).run().id().value()).toList();
            return new Statistics(stats.n(), stats.mean(), stats.stddev(), stats.min(), stats.max(), stats.median(),
                    stats.mad(), stats.ci95Low(), stats.ci95High(),
                    stats.cv().isPresent() ? stats.cv().getAsDouble() : null, outliers);
        }

        /** Back to the figures the regression check compares. */
        public TrialStatistics toTrialStatistics() {
            return new TrialStatistics(n, mean, stddev, min, max, median, mad, ci95Low, ci95High, List.of());
        }
    }
}

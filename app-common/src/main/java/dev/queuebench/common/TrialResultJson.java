package dev.queuebench.common;

import dev.queuebench.domain.Profile;
import dev.queuebench.domain.measure.ResourceSummary;
import dev.queuebench.domain.measure.TrialStatistics.Interval;
import dev.queuebench.domain.measure.TrialStatistics;
import dev.queuebench.ports.in.RunReport;
import dev.queuebench.ports.in.TrialMetric;
import dev.queuebench.ports.in.TrialResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One backend's trials as JSON, as {@code compare} and {@code run --trials} print them and {@code --baseline} reads
 * them back: the kept trials (run objects, see {@link RunJson}), statistics per metric with 95% confidence
 * intervals, the resources over all trials, and the fingerprint of the first trial.
 */
public record TrialResultJson(
        String backend,
        String profile,
        String libraryVersion,
        int warmups,
        List<RunJson> trials,
        Map<String, Statistics> statistics,
        ResourceSummary resources,
        Map<String, String> fingerprint) {

    public static TrialResultJson of(TrialResult result) {
        List<RunReport> trials = result.trials();
        Map<String, Statistics> statistics = new LinkedHashMap<>();
        result.statistics().forEach((metric, stats) -> statistics.put(metric.key(), Statistics.of(stats, trials, metric)));
        Map<String, String> fingerprint = trials.get(0).environment();
        return new TrialResultJson(
                result.backend().value(),
                trials.get(0).profile().map(Profile::wireName).orElse(null),
                fingerprint.getOrDefault("backend.library_version", null),
                result.warmups(),
                trials.stream().map(RunJson::of).toList(),
                statistics,
                RunJson.sampled(ResourceSummary.combine(trials.stream().map(RunReport::resources).toList())),
                fingerprint);
    }

    /**
     * One metric over the trials; {@code ci95_low} and {@code ci95_high} bound its 95% interval ({@code null} with
     * fewer than three trials; on the log scale for rates and durations); {@code cv} is the coefficient of variation
     * (stddev / mean, {@code null} for one trial); {@code outlier_runs} are the ids of trials beyond median -+ 3 MAD.
     */
    public record Statistics(int n, double mean, double stddev, double min, double max, double median, double mad,
                             Double ci95Low, Double ci95High, Double cv, List<Long> outlierRuns) {

        static Statistics of(TrialStatistics stats, List<RunReport> trials, TrialMetric metric) {
            List<RunReport> withValue = trials.stream().filter(t -> metric.valueOf(t).isPresent()).toList();
            List<Long> outliers = stats.outliers().stream().map(i -> withValue.get(i).run().id().value()).toList();
            return new Statistics(stats.n(), stats.mean(), stats.stddev(), stats.min(), stats.max(), stats.median(),
                    stats.mad(), stats.ci95().map(Interval::low).orElse(null),
                    stats.ci95().map(Interval::high).orElse(null),
                    stats.cv().isPresent() ? stats.cv().getAsDouble() : null, outliers);
        }

        /** Back to the figures the regression check compares. */
        public TrialStatistics toTrialStatistics() {
            Optional<Interval> interval = ci95Low == null || ci95High == null || n < TrialStatistics
                    .MIN_TRIALS_FOR_AN_INTERVAL ? Optional.empty() : Optional.of(new Interval(ci95Low, ci95High));
            return new TrialStatistics(n, mean, stddev, min, max, median, mad, interval, List.of());
        }
    }
}

package dev.queuebench.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.queuebench.domain.JobWork;
import dev.queuebench.domain.Profile;
import dev.queuebench.domain.RunSpec;
import dev.queuebench.domain.Workload;
import dev.queuebench.domain.measure.TrialStatistics;
import dev.queuebench.ports.in.RunFault;
import dev.queuebench.ports.in.RunReport;
import dev.queuebench.ports.in.TrialMetric;
import dev.queuebench.ports.in.TrialResult;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Results in the Bencher Metric Format (BMF, https://bencher.dev/docs/reference/bencher-metric-format), for
 * {@code bencher run --adapter json} to track across commits: one benchmark per backend and benchmark, named by what
 * decides its figures ({@link #benchmarkName}) so that the same command gets the same name on every run; one measure
 * per {@link TrialMetric} (its key, units in the name), with the 95% interval as lower and upper value where there
 * were trials enough, and the jobs lost and executed twice, which a tracker should see rise.
 */
public final class BencherMetrics {

    /** Measures of correctness, beside the trial metrics: their sum over the trials. */
    public static final String MISSING_JOBS = "missing_jobs";
    public static final String DUPLICATE_EXECUTIONS = "duplicate_executions";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /** One measure's figure: {@code value}, and {@code lower_value} and {@code upper_value} when there is a range. */
    public record Metric(double value, Double lowerValue, Double upperValue) {

        static Metric of(double value) {
            return new Metric(value, null, null);
        }
    }

    private BencherMetrics() {
    }

    /** Each run a benchmark of its own, each measure its value. */
    public static Map<String, Map<String, Metric>> ofRuns(List<RunReport> reports) {
        return ofTrials(reports.stream().map(report -> new TrialResult(report.run().backend(), 0, List.of(report)))
                .toList());
    }

    /** Each backend's trials a benchmark, each measure the mean over the trials, with its 95% interval. */
    public static Map<String, Map<String, Metric>> ofTrials(List<TrialResult> results) {
        Map<String, Map<String, Metric>> benchmarks = new LinkedHashMap<>();
        for (TrialResult result : results) {
            Map<String, Metric> measures = new LinkedHashMap<>();
            result.statistics().forEach((metric, statistics) -> measures.put(metric.key(), metric(statistics)));
            measures.put(MISSING_JOBS, Metric.of(result.trials().stream()
                    .mapToLong(report -> report.completions().missingJobs()).sum()));
            measures.put(DUPLICATE_EXECUTIONS, Metric.of(result.trials().stream()
                    .mapToLong(report -> report.completions().duplicateExecutions()).sum()));
            String name = benchmarkName(result.trials().get(0));
            // the same benchmark twice in one output (shown twice, say) keeps both, the second numbered
            String unique = name;
            for (int n = 2; benchmarks.containsKey(unique); n++) {
                unique = name + "#" + n;
            }
            benchmarks.put(unique, measures);
        }
        return benchmarks;
    }

    /** The JSON that {@code bencher run --adapter json} reads. */
    public static String json(Map<String, Map<String, Metric>> benchmarks) {
        try {
            return MAPPER.writeValueAsString(benchmarks);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What decides a run's figures, as a path: {@code queue-bench/<backend>/<workload and its size>/<mode>/<profile>/
     * <threads>}, then the jobs' work and payload, the nodes and the faults where the run had them, e.g.
     * {@code queue-bench/db-scheduler/backlog-10000/one_by_one/tuned/10-threads}. The run's id and time are not in
     * it: the same command names the same benchmark every time.
     */
    public static String benchmarkName(RunReport report) {
        RunSpec spec = report.run().spec();
        StringBuilder name = new StringBuilder("queue-bench/").append(spec.backend().value()).append('/')
                .append(workload(spec)).append('/').append(spec.schedulingMode().wireName()).append('/')
                .append(report.profile().map(Profile::wireName).orElse("default")).append('/')
                .append(report.threadsPerNode().stream().mapToObj(Integer::toString).findFirst().orElse("?"))
                .append("-threads");
        JobWork work = spec.jobWork();
        if (work.kind() != JobWork.Kind.NONE) {
            name.append("/work-").append(work.workText());
        }
        if (work.payloadBytes() > 0) {
            name.append("/payload-").append(work.payloadText());
        }
        if (report.nodesStarted() > 1) {
            name.append('/').append(report.nodesStarted()).append("-nodes");
        }
        List<RunFault> faults = report.injectedFaults();
        if (!faults.isEmpty()) {
            name.append("/fault-").append(faults.stream().map(RunFault::kind).distinct()
                    .collect(Collectors.joining("+")));
        }
        return name.toString();
    }

    private static String workload(RunSpec spec) {
        if (spec.workload() instanceof Workload.Rate rate) {
            return "rate-" + Text.plain(rate.jobsPerSecond()) + "-per-s-for-" + seconds(rate.duration());
        }
        if (spec.workload() instanceof Workload.Delayed) {
            return "delayed-" + spec.jobsCount().value() + "-due-after-" + seconds(spec.jobDelay().value());
        }
        return spec.workload().wireName() + "-" + spec.jobsCount().value();
    }

    private static String seconds(Duration duration) {
        return Text.plain(duration.toMillis() / 1_000.0) + "s";
    }

    private static Metric metric(TrialStatistics statistics) {
        return new Metric(statistics.mean(), statistics.ci95().map(TrialStatistics.Interval::low).orElse(null),
                statistics.ci95().map(TrialStatistics.Interval::high).orElse(null));
    }
}

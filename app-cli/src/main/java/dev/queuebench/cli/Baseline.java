package dev.queuebench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.queuebench.common.TrialResultJson;
import dev.queuebench.core.stats.RegressionCheck;
import dev.queuebench.domain.measure.TrialStatistics;
import dev.queuebench.ports.in.TrialMetric;
import dev.queuebench.ports.in.TrialResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An earlier {@code compare --format json} result, and the verdicts of a new comparison against it: per backend and
 * metric, a regression is a change for the worse of more than 10% whose 95% intervals do not overlap.
 */
final class Baseline {

    /** The part of a trial result object the check needs. */
    record BackendBaseline(String backend, Map<String, TrialResultJson.Statistics> statistics) {
    }

    record Verdict(String backend, TrialMetric metric, TrialStatistics baseline, TrialStatistics current,
                   RegressionCheck.Result result) {
    }

    private static final ObjectReader READER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build()
            .readerForListOf(BackendBaseline.class);

    private final Path file;
    private final Map<String, BackendBaseline> backends;

    private Baseline(Path file, Map<String, BackendBaseline> backends) {
        this.file = file;
        this.backends = backends;
    }

    /** @throws IllegalArgumentException when the file is missing or is not a {@code compare} JSON result */
    static Baseline read(Path file) {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read the baseline " + file);
        }
        try {
            List<BackendBaseline> results = READER.readValue(file.toFile());
            Map<String, BackendBaseline> byBackend = new LinkedHashMap<>();
            for (BackendBaseline result : results) {
                if (result.backend() == null || result.statistics() == null) {
                    throw new IllegalArgumentException("the baseline " + file + " is not a result of"
                            + " `compare --format json` (an entry has no backend or no statistics)");
                }
                byBackend.put(result.backend(), result);
            }
            return new Baseline(file, byBackend);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the baseline " + file + " is not a result of `compare --format json`: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the baseline " + file + ": " + e.getMessage(), e);
        }
    }

    List<Verdict> check(List<TrialResult> results) {
        List<Verdict> verdicts = new ArrayList<>();
        for (TrialResult result : results) {
            BackendBaseline baseline = backends.get(result.backend().value());
            if (baseline == null) {
                continue;
            }
            result.statistics().forEach((metric, current) -> {
                TrialResultJson.Statistics before = baseline.statistics().get(metric.key());
                if (before != null) {
                    TrialStatistics then = before.toTrialStatistics();
                    verdicts.add(new Verdict(result.backend().value(), metric, then, current,
                            RegressionCheck.compare(then, current, metric.direction())));
                }
            });
        }
        return verdicts;
    }

    void print(List<Verdict> verdicts, PrintWriter out) {
        out.println("Against the baseline " + file + " (regression: > 10% worse and 95% intervals apart):");
        if (verdicts.isEmpty()) {
            out.println("  no backend and metric in common with the baseline");
        }
        for (Verdict verdict : verdicts) {
            out.println(String.format(Locale.ROOT, "  %-14s %-18s %12.2f -> %12.2f  %+7.1f%%  %s", verdict.backend(),
                    verdict.metric().key(), verdict.baseline().mean(), verdict.current().mean(),
                    verdict.result().relativeChange() * 100, verdict.result().verdict().words()));
        }
        out.flush();
    }
}

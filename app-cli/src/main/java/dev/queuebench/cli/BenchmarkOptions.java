package dev.queuebench.cli;

import dev.queuebench.common.BadInputException;
import dev.queuebench.common.Converters.DurationConverter;
import dev.queuebench.common.Converters.ModeConverter;
import dev.queuebench.domain.JobDelay;
import dev.queuebench.domain.RunStatusRule;
import dev.queuebench.domain.SchedulingMode;
import dev.queuebench.domain.TrialPlan;
import dev.queuebench.ports.in.BenchmarkSettings;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** What {@code run} and {@code compare} share: the benchmark to run, how often, and where results go. */
final class BenchmarkOptions {

    @Option(names = "--jobs", required = true, paramLabel = "N", description = "Jobs to schedule: 1 to 10,000,000.")
    long jobs;

    @Option(names = "--mode", defaultValue = "one_by_one", converter = ModeConverter.class, paramLabel = "MODE",
            description = "one_by_one (one enqueue call per job) or in_bulk (batches of 1,000). Default: ${DEFAULT-VALUE}.")
    SchedulingMode mode;

    @Option(names = "--delay", defaultValue = JobDelay.DEFAULT_TEXT, converter = DurationConverter.class,
            paramLabel = "DURATION",
            description = "Each job is due this long after its enqueue: 0s to 1h. Default: ${DEFAULT-VALUE}.")
    Duration delay;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads of the backend(s) (their own defaults otherwise).")
    Integer threads;

    @Option(names = "--stall-timeout", defaultValue = RunStatusRule.DEFAULT_STALL_TIMEOUT_TEXT,
            converter = DurationConverter.class, paramLabel = "DURATION",
            description = "A started run without progress for this long is stalled. Default: ${DEFAULT-VALUE}.")
    Duration stallTimeout;

    @Option(names = "--trials", defaultValue = "1", paramLabel = "N",
            description = "Runs to keep, each from clean tables; with more than one, statistics. Default: ${DEFAULT-VALUE}.")
    int trials;

    @Option(names = "--warmup", defaultValue = "0", paramLabel = "M",
            description = "Runs to execute and discard first. Default: ${DEFAULT-VALUE}.")
    int warmups;

    @Option(names = "--results-log", paramLabel = "FILE",
            description = "Append each kept run as one line of JSON to this file.")
    Path resultsLog;

    /** @throws BadInputException for trials or warm-ups out of range, naming the option */
    void validate() {
        if (trials < 1 || trials > TrialPlan.MAX) {
            throw new BadInputException("--trials must be between 1 and " + TrialPlan.MAX + ", was " + trials);
        }
        if (warmups < 0 || warmups > TrialPlan.MAX) {
            throw new BadInputException("--warmup must be between 0 and " + TrialPlan.MAX + ", was " + warmups);
        }
        BadInputException.check(this::settings);
    }

    /** @throws BadInputException for a results log that cannot be written */
    ResultsLog resultsLogOrNull() {
        return resultsLog == null ? null : BadInputException.check(() -> ResultsLog.at(resultsLog));
    }

    boolean singleRun() {
        return trials == 1 && warmups == 0;
    }

    BenchmarkSettings settings() {
        return BenchmarkSettings.defaults().withStallTimeout(stallTimeout);
    }
}

package dev.queuebench.cli;

import dev.queuebench.common.Converters.DurationConverter;
import dev.queuebench.domain.RunStatusRule;
import dev.queuebench.ports.in.BenchmarkSettings;
import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --stall-timeout}: shared by the commands that drive runs to their end. */
final class StallTimeoutOption {

    @Option(names = "--stall-timeout", defaultValue = RunStatusRule.DEFAULT_STALL_TIMEOUT_TEXT,
            converter = DurationConverter.class, paramLabel = "DURATION",
            description = "A started run without progress for this long is stalled. Default: ${DEFAULT-VALUE}.")
    Duration stallTimeout;

    /** The core's settings with this stall timeout. */
    BenchmarkSettings settings() {
        return BenchmarkSettings.defaults().withStallTimeout(stallTimeout);
    }
}

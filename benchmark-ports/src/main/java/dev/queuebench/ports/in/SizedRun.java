package dev.queuebench.ports.in;

import java.util.Objects;
import java.util.Optional;

/**
 * A benchmark sized by time from calibration runs: the sized run, or none when a calibration run did not finish; and
 * the last calibration run's report (discarded, like a warm-up: not a result, but it says why sizing failed).
 */
public record SizedRun(Optional<StartRunCommand> command, RunReport lastCalibration) {

    public SizedRun {
        Objects.requireNonNull(command, "command is required (may be empty)");
        Objects.requireNonNull(lastCalibration, "calibration report is required");
    }
}

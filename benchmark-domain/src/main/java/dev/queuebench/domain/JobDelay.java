package dev.queuebench.domain;

import java.time.Duration;
import java.util.Objects;

/** How long after its enqueue a pretend job becomes due: zero to one hour, ten seconds by default. */
public record JobDelay(Duration value) {

    public static final Duration MAX = Duration.ofHours(1);
    /** The default as users type it (runners' option defaults must be constants). */
    public static final String DEFAULT_TEXT = "10s";
    public static final JobDelay DEFAULT = new JobDelay(Durations.parse(DEFAULT_TEXT));

    public JobDelay {
        Objects.requireNonNull(value, "job delay is required");
        if (value.isNegative() || value.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("job delay must be between 0s and 1h, was " + value);
        }
    }

    public static JobDelay of(Duration value) {
        return new JobDelay(value);
    }
}

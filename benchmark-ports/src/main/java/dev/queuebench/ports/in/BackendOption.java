package dev.queuebench.ports.in;

import java.util.Objects;

/** One tuning knob a backend understands, for help texts and reports. */
public record BackendOption(String name, String defaultValue, String meaning) {

    public BackendOption {
        Objects.requireNonNull(name, "option name is required");
        Objects.requireNonNull(defaultValue, "default value is required");
        Objects.requireNonNull(meaning, "meaning is required");
    }
}

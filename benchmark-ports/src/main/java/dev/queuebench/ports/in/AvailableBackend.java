package dev.queuebench.ports.in;

import java.util.List;
import java.util.Objects;

/** A backend on the classpath, as users choose one: what it is, and the knobs it takes. */
public record AvailableBackend(BackendDescriptor descriptor, List<BackendOption> options) {

    public AvailableBackend {
        Objects.requireNonNull(descriptor, "descriptor is required");
        options = List.copyOf(options);
    }
}

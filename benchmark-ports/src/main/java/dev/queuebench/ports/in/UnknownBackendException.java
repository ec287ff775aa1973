package dev.queuebench.ports.in;

import dev.queuebench.domain.BackendId;
import java.util.Collection;
import java.util.stream.Collectors;

/** A run or query named a backend that is not registered. */
public final class UnknownBackendException extends IllegalArgumentException {

    public UnknownBackendException(BackendId backend, Collection<BackendId> registered) {
        super("unknown backend '" + backend + "'; registered backends: "
                + registered.stream().map(BackendId::value).collect(Collectors.joining(", ")));
    }
}

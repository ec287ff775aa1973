package dev.queuebench.web;

import dev.queuebench.common.Text;
import dev.queuebench.domain.BackendId;
import dev.queuebench.ports.in.BackendDescriptor;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The backends a request may name, looked up by the text it sent, so that no id is built from unchecked input. */
record RegisteredBackends(List<BackendDescriptor> all) {

    RegisteredBackends {
        all = List.copyOf(all);
    }

    Optional<BackendDescriptor> find(String id) {
        return all.stream().filter(descriptor -> descriptor.id().value().equals(id)).findFirst();
    }

    /** @throws IllegalArgumentException naming the registered backends */
    BackendId require(String id) {
        return find(id).map(BackendDescriptor::id).orElseThrow(() -> new IllegalArgumentException(
                "unknown backend '" + Text.abbreviate(String.valueOf(id), 40) + "'; registered backends: " + names()));
    }

    String names() {
        return all.stream().map(descriptor -> descriptor.id().value()).collect(Collectors.joining(", "));
    }
}

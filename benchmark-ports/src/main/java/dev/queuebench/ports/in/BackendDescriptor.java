package dev.queuebench.ports.in;

import dev.queuebench.domain.BackendId;
import java.util.Objects;

/**
 * Names a backend: its id (as typed by users), its display name and the version of the library it drives.
 */
public record BackendDescriptor(BackendId id, String displayName, String libraryVersion) {

    public BackendDescriptor {
        Objects.requireNonNull(id, "backend id is required");
        Objects.requireNonNull(displayName, "display name is required");
        Objects.requireNonNull(libraryVersion, "library version is required");
    }
}

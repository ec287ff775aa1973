package dev.queuebench.ports.in;

import dev.queuebench.domain.BackendId;
import java.util.Objects;

/**
 * Names a backend: its id (as typed by users), its display name, the version of the library it drives, and whether
 * it is the reference the others are measured beside (the plain PostgreSQL queue: what a client gets with no library
 * in the way). {@code compare} sets each backend's headline figure beside the reference's, as a ratio.
 */
public record BackendDescriptor(BackendId id, String displayName, String libraryVersion, boolean reference) {

    public BackendDescriptor {
        Objects.requireNonNull(id, "backend id is required");
        Objects.requireNonNull(displayName, "display name is required");
        Objects.requireNonNull(libraryVersion, "library version is required");
    }

    /** A backend that drives a library: not the reference. */
    public BackendDescriptor(BackendId id, String displayName, String libraryVersion) {
        this(id, displayName, libraryVersion, false);
    }
}

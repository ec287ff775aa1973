package dev.queuebench.ports.spi;

import dev.queuebench.ports.in.BackendDescriptor;
import java.util.Optional;

/**
 * Entry point of a backend module, found with {@link java.util.ServiceLoader}: listed in
 * {@code META-INF/services/dev.queuebench.ports.spi.QueueBackendProvider}. Must have a public no-argument
 * constructor and do no work in it. See {@code context/adding-a-backend.md}.
 */
public interface QueueBackendProvider {

    /** Its id (as users type it), display name and library version. */
    BackendDescriptor descriptor();

    /**
     * The knobs users may set, each declared once with its value in every profile; the core rejects any other before
     * it creates the backend.
     */
    Knobs knobs();

    /**
     * How many connections the backend borrows at most at once with these settings: its worker threads and the
     * library's own threads (polling, heartbeats, housekeeping), as the library's code or documentation says. The core
     * sizes the backend's pool from it, adding what its own enqueuers hold, unless the user sizes the pool.
     *
     * @throws IllegalArgumentException when a knob's value does not fit
     */
    int connectionsNeeded(BackendSettings settings);

    /**
     * The migrations of the backend's tables, which the core applies before {@link #create}; empty for a library
     * that creates its tables itself (JobRunr does).
     */
    default Optional<SchemaMigrations> migrations() {
        return Optional.empty();
    }

    /**
     * Builds the library's client over the context's database, whose tables are migrated already. Starts no threads:
     * {@link QueueBackend#startWorkers()} does.
     *
     * @throws IllegalArgumentException when knobs do not fit together (each knob alone is checked before)
     */
    QueueBackend create(BackendContext context);
}

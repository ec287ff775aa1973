package dev.queuebench.ports.in;

import dev.queuebench.domain.BackendId;

/**
 * Makes this process one more node of a backend: its workers execute any run's jobs, and this node records what they
 * executed, until the process closes its core (which lets the running jobs finish, up to the backend's shutdown
 * timeout, and flushes what was recorded).
 */
public interface ServeWorkersUseCase {

    /** @throws UnknownBackendException when no backend with this id is registered */
    void serveWorkers(BackendId backend);
}

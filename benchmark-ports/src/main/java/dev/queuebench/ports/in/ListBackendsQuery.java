package dev.queuebench.ports.in;

import dev.queuebench.domain.BackendId;
import java.util.List;

/** The registered queue backends, in registration order, and whether this process runs their workers. */
public interface ListBackendsQuery {

    List<BackendDescriptor> backends();

    /**
     * Whether this process runs workers of the backend now. Asking creates nothing: a backend no run has used yet
     * has no workers.
     *
     * @throws UnknownBackendException for an id no provider registered
     */
    boolean workersRunning(BackendId id);
}

package dev.queuebench.ports.spi;

import dev.queuebench.ports.in.BackendOption;

import dev.queuebench.ports.in.BackendDescriptor;
import java.util.List;

/**
 * Entry point of a backend module, found with {@link java.util.ServiceLoader}. Must have a public no-argument
 * constructor and do no work in it.
 */
public interface QueueBackendProvider {

    BackendDescriptor descriptor();

    /** The knobs {@link BackendSettings} may carry for this backend. */
    List<BackendOption> options();

    /**
     * Prepares the backend's tables (idempotently, with its own migrations) and builds its library's client.
     * Starts no threads: {@link QueueBackend#startWorkers()} does.
     *
     * @throws IllegalArgumentException when the settings hold an unknown or invalid knob
     */
    QueueBackend create(BackendContext context);
}

package dev.queuebench.core.internal.service;

import dev.queuebench.domain.BackendId;
import dev.queuebench.ports.in.BackendDescriptor;
import dev.queuebench.ports.in.ListBackendsQuery;
import dev.queuebench.ports.in.UnknownBackendException;
import dev.queuebench.ports.spi.BackendContext;
import dev.queuebench.ports.spi.QueueBackend;
import dev.queuebench.ports.spi.QueueBackendProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * The registered backends. A backend is created (its tables prepared, its client built) on first use, so a command
 * that drives one backend does not pay for the others.
 */
public final class QueueBackends implements ListBackendsQuery, AutoCloseable {

    private final Map<BackendId, QueueBackendProvider> providers = new LinkedHashMap<>();
    private final Map<BackendId, QueueBackend> created = new LinkedHashMap<>();
    private final Function<BackendId, BackendContext> contexts;
    private boolean closed;

    /**
     * @param contexts builds the context each backend is created with
     */
    public QueueBackends(List<QueueBackendProvider> providers, Function<BackendId, BackendContext> contexts) {
        this.contexts = Objects.requireNonNull(contexts, "context factory is required");
        for (QueueBackendProvider provider : providers) {
            BackendId id = provider.descriptor().id();
            if (this.providers.putIfAbsent(id, provider) != null) {
                throw new IllegalStateException("two backends are registered as '" + id + "': "
                        + this.providers.get(id).getClass().getName() + " and " + provider.getClass().getName());
            }
        }
    }

    /** Every provider listed in a {@code META-INF/services/dev.queuebench.ports.spi.QueueBackendProvider}. */
    public static List<QueueBackendProvider> discover() {
        List<QueueBackendProvider> found = new ArrayList<>();
        ServiceLoader.load(QueueBackendProvider.class).forEach(found::add);
        return found;
    }

    @Override
    public List<BackendDescriptor> backends() {
        return providers.values().stream().map(QueueBackendProvider::descriptor).toList();
    }

    public List<BackendId> ids() {
        return List.copyOf(providers.keySet());
    }

    public QueueBackendProvider provider(BackendId id) {
        QueueBackendProvider provider = providers.get(id);
        if (provider == null) {
            throw new UnknownBackendException(id, providers.keySet());
        }
        return provider;
    }

    /** Checks that a backend is registered without creating it. */
    public void requireRegistered(BackendId id) {
        provider(id);
    }

    /** The backend, created on first use. */
    public synchronized QueueBackend backend(BackendId id) {
        QueueBackend backend = created.get(id);
        if (backend == null && closed) {
            throw new IllegalStateException("backend '" + id + "' is not available: Queue Bench is shutting down");
        }
        if (backend == null) {
            backend = provider(id).create(contexts.apply(id));
            created.put(id, backend);
        }
        return backend;
    }

    /**
     * Stops the workers of every created backend and releases them. Closes outside the registry's lock: a scheduling
     * job still running on a stopping worker looks its backend up here, and must not wait for this close.
     */
    @Override
    public void close() {
        List<QueueBackend> closing;
        synchronized (this) {
            closed = true;
            closing = List.copyOf(created.values());
        }
        RuntimeException failure = null;
        for (QueueBackend backend : closing) {
            try {
                backend.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    if (failure != e) {
                        failure.addSuppressed(e);
                    }
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}

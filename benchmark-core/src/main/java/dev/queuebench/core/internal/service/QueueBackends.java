package dev.queuebench.core.internal.service;

import dev.queuebench.domain.BackendId;
import dev.queuebench.ports.in.AvailableBackend;
import dev.queuebench.ports.in.BackendDescriptor;
import dev.queuebench.ports.in.ListBackendsQuery;
import dev.queuebench.ports.in.UnknownBackendException;
import dev.queuebench.ports.out.SchemaMigrationPort;
import dev.queuebench.ports.spi.BackendContext;
import dev.queuebench.ports.spi.BackendSettings;
import dev.queuebench.ports.spi.QueueBackend;
import dev.queuebench.ports.spi.QueueBackendProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * The registered backends. A backend is created on first use, so a command that drives one backend does not pay for
 * the others: its knobs are checked against its declaration, its tables migrated, and its library's client built.
 */
public final class QueueBackends implements ListBackendsQuery, AutoCloseable {

    private final Map<BackendId, QueueBackendProvider> providers = new LinkedHashMap<>();
    private final Map<BackendId, QueueBackend> created = new LinkedHashMap<>();
    private final Map<BackendId, BackendSettings> settings;
    private final BiFunction<BackendId, BackendSettings, BackendContext> contexts;
    private final SchemaMigrationPort migrations;
    private boolean closed;

    /**
     * @param settings   each backend's knobs, as users gave them (none for a backend absent here)
     * @param contexts   builds the context each backend is created with, from its settings
     * @param migrations applies a backend's migrations before it is created
     */
    public QueueBackends(List<QueueBackendProvider> providers, Map<BackendId, BackendSettings> settings,
                         BiFunction<BackendId, BackendSettings, BackendContext> contexts,
                         SchemaMigrationPort migrations) {
        this.settings = new ConcurrentHashMap<>(settings);
        this.contexts = Objects.requireNonNull(contexts, "context factory is required");
        this.migrations = Objects.requireNonNull(migrations, "schema migration port is required");
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

    /** What users choose from: each provider's descriptor and knobs. */
    public static AvailableBackend available(QueueBackendProvider provider) {
        return new AvailableBackend(provider.descriptor(), provider.knobs().options());
    }

    @Override
    public List<BackendDescriptor> backends() {
        return providers.values().stream().map(QueueBackendProvider::descriptor).toList();
    }

    public QueueBackendProvider provider(BackendId id) {
        QueueBackendProvider provider = providers.get(id);
        if (provider == null) {
            throw new UnknownBackendException(id, providers.keySet());
        }
        return provider;
    }

    /**
     * Every knob of the backend in effect, defaults included, as text.
     *
     * @throws IllegalArgumentException for a knob the backend does not declare, or a value that does not fit
     */
    public Map<String, String> effectiveSettings(BackendId id) {
        return provider(id).knobs().effective(settingsOf(id));
    }

    /** The backend, created on first use. */
    public synchronized QueueBackend backend(BackendId id) {
        QueueBackend backend = created.get(id);
        if (backend == null && closed) {
            throw new IllegalStateException("backend '" + id + "' is not available: Queue Bench is shutting down");
        }
        if (backend == null) {
            QueueBackendProvider provider = provider(id);
            effectiveSettings(id);
            BackendContext context = contexts.apply(id, settingsOf(id));
            provider.migrations().ifPresent(schema -> migrations.migrate(context.dataSource(), schema));
            backend = provider.create(context);
            created.put(id, backend);
        }
        return backend;
    }

    /** Whether the backend's workers run in this process; false for a backend not created yet. */
    public synchronized boolean workersRunning(BackendId id) {
        QueueBackend backend = created.get(provider(id).descriptor().id());
        return backend != null && backend.workersRunning();
    }

    /** The backend's knobs as users gave them. */
    public BackendSettings settingsOf(BackendId id) {
        return settings.getOrDefault(id, BackendSettings.none());
    }

    /**
     * Gives the backend new knobs: the backend created with the old ones stops its workers and is released, and the
     * next use creates it anew. For a sweep over worker threads, between its runs.
     *
     * @throws IllegalArgumentException for a knob the backend does not declare, or a value that does not fit
     */
    public void reconfigure(BackendId id, BackendSettings newSettings) {
        provider(id).knobs().effective(newSettings);
        QueueBackend old;
        synchronized (this) {
            settings.put(id, newSettings);
            old = created.remove(id);
        }
        if (old != null) {
            old.close();
        }
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
                } else if (failure != e) {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}

package dev.queuebench.core.internal.service;

import dev.queuebench.core.internal.workload.RateWorkload;
import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.Profile;
import dev.queuebench.ports.in.AvailableBackend;
import dev.queuebench.ports.in.BackendDescriptor;
import dev.queuebench.ports.in.BackendSetup;
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
import java.util.Optional;
import java.util.OptionalInt;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registered backends. A backend is created on first use, so a command that drives one backend does not pay for
 * the others: its knobs are checked against its declaration, its tables migrated, and its library's client built.
 */
public final class QueueBackends implements ListBackendsQuery, AutoCloseable {

    private final Map<BackendId, QueueBackendProvider> providers = new LinkedHashMap<>();
    private final Map<BackendId, QueueBackend> created = new LinkedHashMap<>();
    /**
     * Connections Queue Bench's own enqueuing holds in a backend's pool beside the backend's: a rate run's
     * enqueuers, each with one call under way (a backlog's and a delayed run's enqueue one call at a time, on a thread
     * the backend counts or while no worker runs).
     */
    public static final int ENQUEUER_CONNECTIONS = RateWorkload.ENQUEUERS;

    /** Builds the context a backend is created with, over a pool of {@code connections}. */
    @FunctionalInterface
    public interface ContextFactory {
        BackendContext create(BackendId backend, BackendSettings settings, int connections);
    }

    private final Map<BackendId, BackendSettings> settings;
    private final ContextFactory contexts;
    private final SchemaMigrationPort migrations;
    private final OptionalInt poolSize;
    private boolean closed;

    /**
     * @param settings   each backend's knobs, as users gave them (none for a backend absent here)
     * @param contexts   builds the context each backend is created with, from its settings and pool size
     * @param migrations applies a backend's migrations before it is created
     * @param poolSize   every backend's pool as the user sized it; empty to size each from what it needs
     */
    public QueueBackends(List<QueueBackendProvider> providers, Map<BackendId, BackendSettings> settings,
                         ContextFactory contexts, SchemaMigrationPort migrations, OptionalInt poolSize) {
        this.settings = new ConcurrentHashMap<>(settings);
        this.contexts = Objects.requireNonNull(contexts, "context factory is required");
        this.migrations = Objects.requireNonNull(migrations, "schema migration port is required");
        this.poolSize = Objects.requireNonNull(poolSize, "pool size is required (may be empty)");
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
     * Every knob of the backend in effect, its profile's values included, as text.
     *
     * @throws IllegalArgumentException for a knob the backend does not declare, or a value that does not fit
     */
    public Map<String, String> effectiveSettings(BackendId id) {
        return provider(id).knobs().effective(settingsOf(id));
    }

    /**
     * How the backend runs with its settings: its profile, its knobs in effect and its pool.
     *
     * @throws IllegalArgumentException for a knob the backend does not declare, or a value that does not fit
     */
    public BackendSetup setupOf(BackendId id) {
        return setupOf(provider(id), settingsOf(id), poolSize);
    }

    /**
     * How the backend runs in {@code profile}, its user's knobs kept; with its current settings for none.
     *
     * @throws IllegalArgumentException for a knob the backend does not declare, or a value that does not fit
     */
    public BackendSetup setupOf(BackendId id, Optional<Profile> profile) {
        return setupOf(provider(id), settingsIn(id, profile), poolSize);
    }

    /**
     * Makes the backend run in {@code profile} from now on, its user's knobs kept: created anew if it ran in another
     * ({@link #reconfigure}). Nothing changes for none, or the profile it runs in.
     */
    public void runIn(BackendId id, Optional<Profile> profile) {
        BackendSettings wanted = settingsIn(id, profile);
        if (!wanted.equals(settingsOf(id))) {
            reconfigure(id, wanted);
        }
    }

    /** The backend's settings in {@code profile}, its user's knobs kept; its current settings for none. */
    public BackendSettings settingsIn(BackendId id, Optional<Profile> profile) {
        BackendSettings current = settingsOf(id);
        return profile.map(current::withProfile).orElse(current);
    }

    /**
     * How a backend runs with these settings, before anything is opened.
     *
     * @param poolSize its pool as the user sized it; empty to size it from what it needs
     * @throws IllegalArgumentException for a knob the backend does not declare, or a value that does not fit
     */
    public static BackendSetup setupOf(QueueBackendProvider provider, BackendSettings settings, OptionalInt poolSize) {
        Map<String, String> knobs = provider.knobs().effective(settings);
        int needed = provider.connectionsNeeded(settings) + ENQUEUER_CONNECTIONS;
        return new BackendSetup(provider.descriptor().id(), settings.profile(), knobs, poolSize.orElse(needed),
                needed);
    }

    /** The backend, created on first use. */
    public synchronized QueueBackend backend(BackendId id) {
        QueueBackend backend = created.get(id);
        if (backend == null && closed) {
            throw new IllegalStateException("backend '" + id + "' is not available: Queue Bench is shutting down");
        }
        if (backend == null) {
            QueueBackendProvider provider = provider(id);
            BackendSetup setup = setupOf(id);
            BackendContext context = contexts.create(id, settingsOf(id), setup.pool());
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
        setupOf(provider(id), newSettings, poolSize);
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

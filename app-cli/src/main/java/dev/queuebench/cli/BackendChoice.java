package dev.queuebench.cli;

import dev.queuebench.common.DatabaseOptions;
import dev.queuebench.core.QueueBench;
import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.Profile;
import dev.queuebench.ports.in.AvailableBackend;
import dev.queuebench.ports.in.BackendSetup;
import dev.queuebench.ports.in.UnknownBackendException;
import dev.queuebench.ports.spi.BackendSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Checks a backend choice, its profile, its knobs and its pool against the backends on the classpath before anything
 * is opened, so a typo costs nothing.
 */
final class BackendChoice {

    private BackendChoice() {
    }

    static List<AvailableBackend> registered() {
        return QueueBench.availableBackends();
    }

    /** @throws UnknownBackendException naming the registered backends */
    static AvailableBackend backend(BackendId id) {
        List<AvailableBackend> available = registered();
        return available.stream()
                .filter(backend -> backend.descriptor().id().equals(id))
                .findFirst()
                .orElseThrow(() -> new UnknownBackendException(id,
                        available.stream().map(backend -> backend.descriptor().id()).toList()));
    }

    /**
     * The knobs for a backend: its profile, {@code --threads} and {@code --backend-option key=value} pairs, each value
     * checked as the backend will read it.
     *
     * @throws IllegalArgumentException for a knob the backend does not know, or a value that does not fit
     */
    static BackendSettings settings(AvailableBackend backend, Profile profile, Integer threads,
                                    Map<String, String> options) {
        Map<String, String> values = new LinkedHashMap<>(options);
        if (threads != null) {
            values.put(BackendSettings.THREADS, Integer.toString(threads));
        }
        BackendSettings settings = BackendSettings.of(profile, values);
        QueueBench.setupOf(backend.descriptor().id(), settings, OptionalInt.empty());
        return settings;
    }

    /**
     * How the backend will run with these settings in each profile, its pool checked.
     *
     * @throws dev.queuebench.common.BadInputException for a pool smaller than the backend needs, unless allowed
     */
    static void requireEnoughConnections(BackendId backend, BackendSettings settings, List<Profile> profiles,
                                         DatabaseOptions database) {
        for (Profile profile : profiles) {
            BackendSetup setup = QueueBench.setupOf(backend, settings.withProfile(profile),
                    database.backendPoolSize());
            database.requireEnoughConnections(setup);
        }
    }
}

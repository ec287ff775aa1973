package dev.queuebench.cli;

import dev.queuebench.core.QueueBench;
import dev.queuebench.domain.BackendId;
import dev.queuebench.ports.in.AvailableBackend;
import dev.queuebench.ports.in.UnknownBackendException;
import dev.queuebench.ports.spi.BackendSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a backend choice and its knobs against the backends on the classpath before anything is opened, so a
 * typo costs nothing.
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
     * The knobs for a backend: {@code --threads} plus {@code --backend-option key=value} pairs.
     *
     * @throws IllegalArgumentException for knobs the backend does not know
     */
    static BackendSettings settings(AvailableBackend backend, Integer threads, Map<String, String> options) {
        Map<String, String> values = new LinkedHashMap<>(options);
        if (threads != null) {
            values.put(BackendSettings.THREADS, Integer.toString(threads));
        }
        BackendSettings settings = BackendSettings.of(values);
        settings.requireOnly(backend.options());
        return settings;
    }
}

package dev.queuebench.cli;

import dev.queuebench.domain.BackendId;
import dev.queuebench.ports.in.UnknownBackendException;
import dev.queuebench.ports.service.QueueBackends;
import dev.queuebench.ports.spi.BackendSettings;
import dev.queuebench.ports.spi.QueueBackendProvider;
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

    static List<QueueBackendProvider> registered() {
        return QueueBackends.discover();
    }

    /** @throws UnknownBackendException naming the registered backends */
    static QueueBackendProvider provider(BackendId id) {
        List<QueueBackendProvider> providers = registered();
        return providers.stream()
                .filter(provider -> provider.descriptor().id().equals(id))
                .findFirst()
                .orElseThrow(() -> new UnknownBackendException(id,
                        providers.stream().map(provider -> provider.descriptor().id()).toList()));
    }

    /**
     * The knobs for a backend: {@code --threads} plus {@code --backend-option key=value} pairs.
     *
     * @throws IllegalArgumentException for knobs the backend does not know
     */
    static BackendSettings settings(QueueBackendProvider provider, Integer threads, Map<String, String> options) {
        Map<String, String> values = new LinkedHashMap<>(options);
        if (threads != null) {
            values.put(BackendSettings.THREADS, Integer.toString(threads));
        }
        BackendSettings settings = BackendSettings.of(values);
        settings.requireOnly(provider.options());
        return settings;
    }
}

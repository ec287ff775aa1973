package dev.queuebench.ports.spi;

import dev.queuebench.ports.in.BackendOption;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tuning knobs for one backend, as text from the command line or a form ({@code threads=8},
 * {@code poll-interval=500ms}). Each backend declares its knobs ({@link Knob}, {@link Knobs}) and reads its values with
 * {@link Knob#valueIn}; the core rejects knobs a backend does not declare before it creates the backend.
 */
public final class BackendSettings {

    /** The knob every backend has, set by {@code --threads}. */
    public static final String THREADS = "threads";

    private static final BackendSettings NONE = new BackendSettings(Map.of());

    private final Map<String, String> values;

    private BackendSettings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static BackendSettings none() {
        return NONE;
    }

    public static BackendSettings of(Map<String, String> values) {
        Objects.requireNonNull(values, "settings are required");
        return new BackendSettings(values);
    }

    public BackendSettings with(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return new BackendSettings(copy);
    }

    public Map<String, String> values() {
        return values;
    }

    /** @throws IllegalArgumentException naming the unknown knobs and the known ones */
    public void requireOnly(Collection<BackendOption> known) {
        Set<String> unknown = new TreeSet<>(values.keySet());
        known.forEach(option -> unknown.remove(option.name()));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown backend option(s) " + unknown + "; this backend knows "
                    + known.stream().map(BackendOption::name).toList());
        }
    }

    @Override
    public String toString() {
        return values.toString();
    }
}

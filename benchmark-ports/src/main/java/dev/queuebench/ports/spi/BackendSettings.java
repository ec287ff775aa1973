package dev.queuebench.ports.spi;

import dev.queuebench.ports.in.BackendOption;

import dev.queuebench.domain.Durations;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Tuning knobs for one backend, as text from the command line or a form ({@code threads=8},
 * {@code poll-interval=500ms}). A backend reads the knobs it understands and rejects the others with
 * {@link #requireOnly(Collection)}.
 */
public final class BackendSettings {

    public static final String THREADS = "threads";
    public static final String POLL_INTERVAL = "poll-interval";

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

    public int intValue(String name, int defaultValue, int min, int max) {
        return parse(name, defaultValue, text -> {
            int value = Integer.parseInt(text.trim());
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
            }
            return value;
        }, "a whole number");
    }

    public double doubleValue(String name, double defaultValue) {
        return parse(name, defaultValue, text -> Double.parseDouble(text.trim()), "a number");
    }

    public Duration durationValue(String name, Duration defaultValue) {
        return parse(name, defaultValue, Durations::parse, "a duration like 500ms, 10s or 2m");
    }

    public String stringValue(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    private <T> T parse(String name, T defaultValue, Function<String, T> parser, String expected) {
        String text = values.get(name);
        if (text == null) {
            return defaultValue;
        }
        try {
            return parser.apply(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be " + expected + ", was '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return values.toString();
    }
}

package dev.queuebench.ports.spi;

import dev.queuebench.domain.Profile;
import dev.queuebench.ports.in.BackendOption;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tuning knobs for one backend: the {@link Profile} whose values apply, and the values a user gave as text from the
 * command line or a form ({@code threads=8}, {@code poll-interval=500ms}), which override the profile's. Each backend
 * declares its knobs ({@link Knob}, {@link Knobs}) and reads its values with {@link Knob#valueIn}; the core rejects
 * knobs a backend does not declare before it creates the backend.
 */
public final class BackendSettings {

    /** The knob every backend has, set by {@code --threads}. */
    public static final String THREADS = "threads";
    /** Worker threads of every backend, in every profile, unless a run says otherwise. */
    public static final int DEFAULT_THREADS = 10;

    private static final BackendSettings NONE = new BackendSettings(Profile.DEFAULT, Map.of());

    private final Profile profile;
    private final Map<String, String> values;

    private BackendSettings(Profile profile, Map<String, String> values) {
        this.profile = Objects.requireNonNull(profile, "profile is required");
        this.values = Map.copyOf(values);
    }

    /** The default profile's values, nothing overridden. */
    public static BackendSettings none() {
        return NONE;
    }

    /** The default profile, with these values overriding it. */
    public static BackendSettings of(Map<String, String> values) {
        return of(Profile.DEFAULT, values);
    }

    public static BackendSettings of(Profile profile, Map<String, String> values) {
        Objects.requireNonNull(values, "settings are required");
        return new BackendSettings(profile, values);
    }

    public BackendSettings with(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return new BackendSettings(profile, copy);
    }

    /** The same overrides over another profile. */
    public BackendSettings withProfile(Profile other) {
        return new BackendSettings(other, values);
    }

    public Profile profile() {
        return profile;
    }

    /** The values the user gave, each overriding the profile's. */
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
    public boolean equals(Object other) {
        return other instanceof BackendSettings that && profile == that.profile && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(profile, values);
    }

    @Override
    public String toString() {
        return profile + " " + values;
    }
}

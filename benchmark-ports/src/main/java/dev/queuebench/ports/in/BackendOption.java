package dev.queuebench.ports.in;

import dev.queuebench.domain.Profile;
import java.util.Map;
import java.util.Objects;

/**
 * One tuning knob a backend understands, for help texts and reports: its name, what it means, and its value in each
 * profile with the source of that value (the library's code or documentation, or why the harness departs from it).
 */
public record BackendOption(String name, String meaning, Map<Profile, Default> defaults) {

    /** A knob's value in one profile, as text, and where it comes from. */
    public record Default(String value, String source) {
        public Default {
            Objects.requireNonNull(value, "value is required");
            Objects.requireNonNull(source, "source is required");
        }
    }

    public BackendOption {
        Objects.requireNonNull(name, "option name is required");
        Objects.requireNonNull(meaning, "meaning is required");
        defaults = Map.copyOf(defaults);
        for (Profile profile : Profile.values()) {
            if (!defaults.containsKey(profile)) {
                throw new IllegalArgumentException("knob " + name + " has no value in the " + profile + " profile");
            }
        }
    }

    /** The knob's value in {@code profile}, as users type it. */
    public String defaultIn(Profile profile) {
        return defaults.get(profile).value();
    }

    /** Where the knob's value in {@code profile} comes from. */
    public String sourceIn(Profile profile) {
        return defaults.get(profile).source();
    }
}

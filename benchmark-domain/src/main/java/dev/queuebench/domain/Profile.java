package dev.queuebench.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Whose advice a backend's settings follow, so that a figure says which library it measured: the library as shipped,
 * or as its authors advise for throughput. Every knob of every backend has a value in each profile, with its source;
 * a user's own value ({@code -o}) overrides the profile's. Worker threads are not part of a profile: they are their own
 * axis, the same for every backend unless a run says otherwise.
 */
public enum Profile {

    /** The library as its authors ship it; only what the harness needs is changed, and each change is named. */
    SHIPPED("shipped"),
    /** The authors' own published advice for throughput on PostgreSQL, each value cited. */
    TUNED("tuned");

    /**
     * The profile runs use unless told otherwise: the one the libraries' authors would sign for a throughput
     * benchmark (README, "Profiles").
     */
    public static final Profile DEFAULT = TUNED;
    /** {@link #DEFAULT}'s name, for annotations. */
    public static final String DEFAULT_WIRE_NAME = "tuned";

    private final String wireName;

    Profile(String wireName) {
        this.wireName = wireName;
    }

    /** {@code shipped} or {@code tuned}: what users type and reports print. */
    public String wireName() {
        return wireName;
    }

    /** @throws IllegalArgumentException naming the profiles there are */
    public static Profile fromWireName(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (Profile profile : values()) {
            if (profile.wireName.equals(wanted)) {
                return profile;
            }
        }
        throw new IllegalArgumentException("profile must be " + Arrays.stream(values()).map(Profile::wireName)
                .collect(Collectors.joining(" or ")) + ", was '" + name + "'");
    }

    /** A comma-separated list, in the order given, each once: {@code shipped,tuned}. */
    public static List<Profile> listOf(String names) {
        List<Profile> profiles = Arrays.stream(names.split(",")).map(Profile::fromWireName).toList();
        if (profiles.stream().distinct().count() != profiles.size()) {
            throw new IllegalArgumentException("a profile is listed twice in '" + names + "'");
        }
        return profiles;
    }

    @Override
    public String toString() {
        return wireName;
    }
}

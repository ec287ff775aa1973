package dev.queuebench.ports.in;

import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.Profile;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a backend runs with given settings, worked out before anything is opened: its profile, every knob in effect
 * (the profile's values and the user's), and its connection pool.
 *
 * @param knobs           every knob's value in effect, as text
 * @param pool            the connections its pool holds: what it needs, or what the user sized it to
 * @param poolNeeded      what its workers, the library's own threads and Queue Bench's enqueuers borrow at most at
 *                        once with these settings
 */
public record BackendSetup(BackendId backend, Profile profile, Map<String, String> knobs, int pool, int poolNeeded) {

    public BackendSetup {
        Objects.requireNonNull(backend, "backend is required");
        Objects.requireNonNull(profile, "profile is required");
        knobs = Collections.unmodifiableMap(new LinkedHashMap<>(knobs));
    }

    /** Whether the pool holds fewer connections than the backend needs: its figures then measure the pool too. */
    public boolean poolShort() {
        return pool < poolNeeded;
    }
}

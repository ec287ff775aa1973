package dev.queuebench.domain.measure;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/** Events per second over a window: the one division every rate of a run is. */
public final class Rates {

    private Rates() {
    }

    /** {@code count} per second over {@code window}; empty for a window that is zero or negative. */
    public static OptionalDouble perSecond(long count, Duration window) {
        if (window.isNegative() || window.isZero()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(count / (window.toNanos() / 1e9));
    }

    /** {@code count} per second from {@code from} to {@code to}; empty without an end, or with no time between. */
    public static OptionalDouble perSecond(long count, Instant from, Optional<Instant> to) {
        return to.map(end -> perSecond(count, Duration.between(from, end))).orElse(OptionalDouble.empty());
    }
}

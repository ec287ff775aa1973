package dev.queuebench.core.internal.recording;

import java.time.Clock;
import java.time.Instant;

/** Microseconds since the epoch: the unit of every recorded timestamp and latency. */
public final class Micros {

    private Micros() {
    }

    public static long of(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    public static long now(Clock clock) {
        return of(clock.instant());
    }

    public static Instant toInstant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}

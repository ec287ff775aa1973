package dev.queuebench.domain;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.time.temporal.ChronoUnit;

/**
 * Why the trials of one benchmark differ by more than the goal allows, from what they recorded, so that a coefficient
 * of variation above it comes with a reason rather than a shrug: a rate that drifts within each run (then how long a
 * run lasts decides its figure), or work done in bursts with pauses between them (then when the bursts fall decides
 * it); or, when each run was steady, that the runs differ from one another, which the runs alone cannot explain.
 */
public final class TrialSpread {

    /** Trials of a benchmark should agree within this coefficient of variation (issue 16's goal). */
    public static final double CV_GOAL = 0.05;
    /** A rate whose last quarter of the middle differs by more than this from its first drifts. */
    static final double DRIFT = 0.15;
    /** A middle with pauses this long works in bursts. */
    static final Duration PAUSE = Duration.ofSeconds(1);

    private TrialSpread() {
    }

    /** The reason trials with this coefficient of variation and these steady states differ; empty within the goal. */
    public static Optional<String> reasonFor(double cv, List<SteadyState> steady) {
        Objects.requireNonNull(steady, "steady states are required");
        if (cv < CV_GOAL || steady.isEmpty()) {
            return Optional.empty();
        }
        double meanDrift = steady.stream().mapToDouble(SteadyState::drift).average().orElse(0);
        if (Math.abs(meanDrift) > DRIFT) {
            return Optional.of(String.format(Locale.ROOT, "its rate drifts within each run (the last quarter of the"
                    + " middle %s%.0f%% on the first, on average), so a run's length decides its figure",
                    meanDrift > 0 ? "+" : "", meanDrift * 100));
        }
        Duration longestPause = steady.stream().map(SteadyState::longestPause).max(Comparator.naturalOrder())
                .orElseThrow();
        Duration shortest = steady.stream().map(SteadyState::window).min(Comparator.naturalOrder()).orElseThrow();
        if (longestPause.compareTo(PAUSE) >= 0) {
            return Optional.of("it works in bursts, idle for up to " + Durations.format(longestPause) + " within the"
                    + " middle (" + Durations.format(shortest.truncatedTo(ChronoUnit.SECONDS)) + " at the shortest):"
                    + " when the bursts fall decides the figure; a longer --min-duration holds more of them");
        }
        return Optional.of(String.format(Locale.ROOT, "each run was steady (drift %s%.0f%% on average, no pause of"
                + " a second), but the runs differ from one another: more trials narrow the interval, not the spread",
                meanDrift > 0 ? "+" : "", meanDrift * 100));
    }
}

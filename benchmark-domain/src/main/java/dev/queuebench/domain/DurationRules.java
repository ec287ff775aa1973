package dev.queuebench.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The durations of a run, each empty while its end is missing (shown as "Pending").
 *
 * <ul>
 *   <li>scheduling duration: {@code created_at -> scheduling_finished_at} (as in the original harness);</li>
 *   <li>run duration: {@code created_at -> run_finished_at} (as in the original harness);</li>
 *   <li>phases: waiting for the lock ({@code created_at -> scheduling_started_at}, which includes the backend
 *       picking up the scheduling job), scheduling ({@code scheduling_started_at -> scheduling_finished_at}) and
 *       draining ({@code scheduling_finished_at -> run_finished_at}).</li>
 * </ul>
 *
 * <p>Draining is never negative: when the last job completes before the scheduler has stamped
 * {@code scheduling_finished_at} (possible with no delay), nothing was left to drain.
 */
public final class DurationRules {

    private DurationRules() {
    }

    public static Optional<Duration> schedulingDuration(RunTimeline timeline) {
        return timeline.schedulingFinishedAt().map(end -> Duration.between(timeline.createdAt(), end));
    }

    public static Optional<Duration> runDuration(RunTimeline timeline) {
        return timeline.runFinishedAt().map(end -> Duration.between(timeline.createdAt(), end));
    }

    public static Optional<Duration> lockWaitPhase(RunTimeline timeline) {
        return timeline.schedulingStartedAt().map(end -> Duration.between(timeline.createdAt(), end));
    }

    public static Optional<Duration> schedulingPhase(RunTimeline timeline) {
        return between(timeline.schedulingStartedAt(), timeline.schedulingFinishedAt());
    }

    public static Optional<Duration> drainingPhase(RunTimeline timeline) {
        return between(timeline.schedulingFinishedAt(), timeline.runFinishedAt())
                .map(d -> d.isNegative() ? Duration.ZERO : d);
    }

    private static Optional<Duration> between(Optional<Instant> start, Optional<Instant> end) {
        return start.flatMap(s -> end.map(e -> Duration.between(s, e)));
    }
}

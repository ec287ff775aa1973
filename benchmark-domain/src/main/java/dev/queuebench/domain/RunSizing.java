package dev.queuebench.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Sizes a run by time rather than by count: how many jobs make its steady window (the middle
 * {@value #STEADY_SHARE_PERCENT}% of its completions, {@link SteadyState}) last at least {@code minimum}, from the rate
 * a calibration run reached. A drain of one or two seconds lasts about one poll interval of some libraries, and when
 * that poll falls decides the figure; a window of twenty seconds holds several.
 *
 * <p>Calibration starts at {@value #FIRST_CALIBRATION_JOBS} jobs; a calibration too short to read a steady rate from
 * (under {@value #MIN_CALIBRATION_SECONDS} s) is run again ten times as large, up to {@value #MAX_CALIBRATION_JOBS}.
 */
public record RunSizing(Duration minimum) {

    /** Long enough that five trials of every backend on this project's 2-core machine agree within 5% (context/0012). */
    public static final Duration DEFAULT_MINIMUM = Duration.ofSeconds(20);
    public static final String DEFAULT_MINIMUM_TEXT = "20s";
    public static final int FIRST_CALIBRATION_JOBS = 1_000;
    static final int MAX_CALIBRATION_JOBS = 100_000;
    static final int MIN_CALIBRATION_SECONDS = 2;
    static final int STEADY_SHARE_PERCENT = SteadyState.TO_SHARE_PERCENT - SteadyState.FROM_SHARE_PERCENT;
    private static final Duration LONGEST = Duration.ofHours(24);

    public RunSizing {
        Objects.requireNonNull(minimum, "minimum duration is required");
        if (minimum.compareTo(Duration.ofSeconds(1)) < 0 || minimum.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("a run's minimum duration must be between 1s and 24h, was "
                    + Durations.format(minimum));
        }
    }

    /**
     * The jobs that keep a backend completing at {@code steadyRate} busy for the minimum within its steady window,
     * rounded up to two significant digits, within the jobs a run may hold.
     */
    public JobsCount jobsAt(double steadyRate) {
        if (!(steadyRate > 0) || !Double.isFinite(steadyRate)) {
            throw new IllegalArgumentException("a steady rate is above zero, was " + steadyRate);
        }
        double needed = steadyRate * (minimum.toNanos() / 1e9) * 100 / STEADY_SHARE_PERCENT;
        long rounded = roundUpToTwoDigits((long) Math.ceil(needed));
        return JobsCount.of(Math.max(JobsCount.MIN, Math.min(JobsCount.MAX, rounded)));
    }

    /**
     * The size of the next calibration run after one of {@code jobs} that took {@code lasted} from its workers' start
     * to its last completion; empty when that one is long enough to read its rate from, or calibration is as large as
     * it goes.
     */
    public static OptionalLong nextCalibration(int jobs, Duration lasted, boolean steadyRateRead) {
        boolean longEnough = steadyRateRead && lasted.compareTo(Duration.ofSeconds(MIN_CALIBRATION_SECONDS)) >= 0;
        if (longEnough || jobs >= MAX_CALIBRATION_JOBS) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.min(MAX_CALIBRATION_JOBS, jobs * 10L));
    }

    static long roundUpToTwoDigits(long value) {
        if (value < 100) {
            return value;
        }
        long scale = 1;
        while (value / scale >= 100) {
            scale *= 10;
        }
        return (value + scale - 1) / scale * scale;
    }
}

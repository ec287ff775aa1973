package dev.queuebench.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Sizes a run by time rather than by count: how many jobs make its steady window (the middle
 * {@value #STEADY_SHARE_PERCENT}% of its completions, {@link SteadyState}) last at least {@code minimum}, from the rate
 * a calibration run reached. A drain of one or two seconds lasts about one poll interval of some libraries, and when
 * that poll falls decides the figure; a window of twenty seconds holds several.
 *
 * <p>Calibration starts at {@value #FIRST_CALIBRATION_JOBS} jobs. A backend's rate over a thousand jobs is not its rate
 * over a run (JobRunr's fetches come in bursts until its workers are all busy; PostgreSQL's caches warm), so a
 * calibration whose steady window lasts less than a quarter of the minimum is run again, sized from its rate to a
 * window of half the minimum; one with no steady window at all (too fast to tell) ten times as large. Calibration
 * stops at {@value #MAX_CALIBRATION_JOBS} jobs. The warm-up, a run of the full size, checks the result
 * ({@link #resizedAfterWarmup}).
 */
public record RunSizing(Duration minimum) {

    /** Long enough that five trials of every backend on this project's 2-core machine agree within 5% (context/0012). */
    public static final Duration DEFAULT_MINIMUM = Duration.ofSeconds(40);
    public static final String DEFAULT_MINIMUM_TEXT = "40s";
    public static final int FIRST_CALIBRATION_JOBS = 1_000;
    static final int MAX_CALIBRATION_JOBS = 1_000_000;
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
        return jobsFor(steadyRate, minimum);
    }

    /**
     * The size of the next calibration run after one of {@code jobs} whose steady state was {@code steady}; empty when
     * that one lasted long enough to read the backend's rate from, or calibration is as large as it goes.
     */
    public OptionalLong nextCalibration(int jobs, Optional<SteadyState> steady) {
        if (jobs >= MAX_CALIBRATION_JOBS) {
            return OptionalLong.empty();
        }
        if (steady.isEmpty()) {
            return OptionalLong.of(Math.min(MAX_CALIBRATION_JOBS, jobs * 10L));
        }
        if (steady.get().window().compareTo(minimum.dividedBy(4)) >= 0) {
            return OptionalLong.empty();
        }
        long toHalf = jobsFor(steady.get().perSecond(), minimum.dividedBy(2)).value();
        return OptionalLong.of(Math.min(MAX_CALIBRATION_JOBS, Math.max(jobs * 2L, toHalf)));
    }

    /**
     * The size the runs take after a discarded warm-up of {@code jobs} whose steady state was {@code steady}: larger,
     * sized from the warm-up's rate, when its steady window fell short of three quarters of the minimum; empty to
     * keep the size. A backend's first runs on new tables can go several times slower than the runs after them
     * (JobRunr's 11,000-job calibration read 370 jobs/s, the 19,000-job runs sized from it went four times as fast,
     * each with a steady window of about 10 s): the warm-up is a run of the full size, so its rate is the one to trust. Never smaller: a run
     * that lasts longer than asked measures no worse.
     */
    public Optional<JobsCount> resizedAfterWarmup(int jobs, Optional<SteadyState> steady) {
        if (steady.isEmpty() || steady.get().window().compareTo(minimum.multipliedBy(3).dividedBy(4)) >= 0) {
            return Optional.empty();
        }
        JobsCount resized = jobsFor(steady.get().perSecond(), minimum);
        return resized.value() > jobs ? Optional.of(resized) : Optional.empty();
    }

    private static JobsCount jobsFor(double steadyRate, Duration window) {
        if (!(steadyRate > 0) || !Double.isFinite(steadyRate)) {
            throw new IllegalArgumentException("a steady rate is above zero, was " + steadyRate);
        }
        double needed = steadyRate * (window.toNanos() / 1e9) * 100 / STEADY_SHARE_PERCENT;
        long rounded = roundUpToTwoDigits((long) Math.ceil(needed));
        return JobsCount.of(Math.max(JobsCount.MIN, Math.min(JobsCount.MAX, rounded)));
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

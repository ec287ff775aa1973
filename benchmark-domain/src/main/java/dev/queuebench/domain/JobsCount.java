package dev.queuebench.domain;

/** How many pretend jobs a run schedules: {@value #MIN} to {@value #MAX}. */
public record JobsCount(int value) {

    public static final int MIN = 1;
    public static final int MAX = 10_000_000;

    public JobsCount {
        if (value < MIN || value > MAX) {
            throw new IllegalArgumentException(
                    "jobs count must be between " + MIN + " and " + String.format("%,d", MAX) + ", was " + value);
        }
    }

    public static JobsCount of(int value) {
        return new JobsCount(value);
    }

    /** Accepts a wider number so that out-of-range input is reported as such instead of overflowing. */
    public static JobsCount of(long value) {
        if (value < MIN || value > MAX) {
            throw new IllegalArgumentException(
                    "jobs count must be between " + MIN + " and " + String.format("%,d", MAX) + ", was " + value);
        }
        return new JobsCount((int) value);
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}

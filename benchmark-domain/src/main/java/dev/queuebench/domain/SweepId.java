package dev.queuebench.domain;

/** Identifies one sweep. Positive, assigned by the sweep store. */
public record SweepId(long value) {

    public SweepId {
        if (value <= 0) {
            throw new IllegalArgumentException("sweep id must be positive, was " + value);
        }
    }

    public static SweepId of(long value) {
        return new SweepId(value);
    }

    /** Parses a sweep id typed by a user, e.g. {@code "3"}. */
    public static SweepId parse(String text) {
        try {
            return new SweepId(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("sweep id must be a positive whole number, was '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}

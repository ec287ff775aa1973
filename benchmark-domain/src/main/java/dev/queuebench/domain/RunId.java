package dev.queuebench.domain;

/** Identifies one benchmark run. Positive, assigned by the run store. */
public record RunId(long value) {

    public RunId {
        if (value <= 0) {
            throw new IllegalArgumentException("run id must be positive, was " + value);
        }
    }

    public static RunId of(long value) {
        return new RunId(value);
    }

    /** Parses a run id typed by a user, e.g. {@code "42"}. */
    public static RunId parse(String text) {
        try {
            return new RunId(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("run id must be a positive whole number, was '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}

package dev.queuebench.domain;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and writes durations the way people type them: {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}. */
public final class Durations {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    private Durations() {
    }

    /** @throws IllegalArgumentException for anything but a whole number followed by ms, s, m or h */
    public static Duration parse(String text) {
        Matcher matcher = FORMAT.matcher(text == null ? "" : text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a duration: write a whole number and a unit, like 500ms, 10s, 2m or 1h");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    /** The shortest exact form: {@code 1500ms}, {@code 10s}, {@code 2m}. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0 && millis != 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0 && millis != 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1_000 == 0) {
            return millis / 1_000 + "s";
        }
        return millis + "ms";
    }

    /** For people: {@code 850 ms}, {@code 12.34 s}, {@code 3 min 05 s}. */
    public static String readable(Duration duration) {
        long millis = duration.toMillis();
        if (Math.abs(millis) < 1_000) {
            return millis + " ms";
        }
        if (Math.abs(millis) < 120_000) {
            return String.format(Locale.ROOT, "%.2f s", millis / 1_000.0);
        }
        return String.format(Locale.ROOT, "%d min %02d s", millis / 60_000, (millis / 1_000) % 60);
    }
}

package dev.queuebench.cli;

import dev.queuebench.ports.in.LatencySummary;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** Numbers, durations and times as people read them. */
final class Text {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private Text() {
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** {@code 850 ms}, {@code 12.34 s}, {@code 3 min 05 s}; "Pending" when missing. */
    static String duration(Optional<Duration> duration) {
        return duration.map(Text::duration).orElse("Pending");
    }

    static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (Math.abs(millis) < 1_000) {
            return millis + " ms";
        }
        if (Math.abs(millis) < 120_000) {
            return String.format(Locale.ROOT, "%.2f s", millis / 1_000.0);
        }
        return String.format(Locale.ROOT, "%d min %02d s", millis / 60_000, (millis / 1_000) % 60);
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    /** Microseconds as milliseconds: {@code 12.345 ms}. */
    static String micros(long micros) {
        return String.format(Locale.ROOT, "%.3f ms", micros / 1_000.0);
    }

    static String latency(LatencySummary summary) {
        if (summary.isEmpty()) {
            return "no samples";
        }
        return "p50 " + micros(summary.p50()) + "   p95 " + micros(summary.p95()) + "   p99 " + micros(summary.p99())
                + "   max " + micros(summary.max()) + "   (" + count(summary.count()) + " samples)";
    }

    /** {@code 312.4 MB}. */
    static String bytes(double bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024 * 1024));
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.1f", perSecond);
    }
}

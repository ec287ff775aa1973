package dev.queuebench.domain;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each pretend job does when it runs, and the data it carries: nothing (the default, as the original harness's
 * no-op jobs), sleep for a while (a job that waits on I/O), or keep a CPU busy for a while; and a payload of
 * {@code payloadBytes} that the backend serializes with the job and hands back to it.
 */
public record JobWork(Kind kind, Duration duration, int payloadBytes) {

    public static final JobWork NONE = new JobWork(Kind.NONE, Duration.ZERO, 0);
    public static final Duration MAX_DURATION = Duration.ofMinutes(1);
    public static final int MAX_PAYLOAD_BYTES = 1 << 20;

    private static final Pattern SPEC = Pattern.compile("(sleep|cpu):(.+)");
    private static final Pattern SIZE = Pattern.compile("(\\d{1,7})\\s*(B|KB|MB)?", Pattern.CASE_INSENSITIVE);

    public enum Kind {
        NONE, SLEEP, CPU
    }

    public JobWork {
        Objects.requireNonNull(kind, "kind is required");
        Objects.requireNonNull(duration, "duration is required");
        if (kind == Kind.NONE && !duration.isZero()) {
            throw new IllegalArgumentException("a job that does nothing takes no time");
        }
        if (kind != Kind.NONE && (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0)) {
            throw new IllegalArgumentException("job work must take between 1ms and 1m, was "
                    + Durations.format(duration));
        }
        if (payloadBytes < 0 || payloadBytes > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("payload must be between 0 and 1MB, was " + payloadBytes + " bytes");
        }
    }

    /**
     * @param work    {@code none}, {@code sleep:DURATION} or {@code cpu:DURATION}, e.g. {@code sleep:10ms}
     * @param payload a size: {@code 0}, {@code 512}, {@code 512B}, {@code 4KB}, {@code 1MB}
     */
    public static JobWork parse(String work, String payload) {
        return new JobWork(kindOf(work), durationOf(work), parseSize(payload));
    }

    private static Kind kindOf(String work) {
        String text = Objects.requireNonNull(work, "job work is required").trim().toLowerCase(Locale.ROOT);
        if (text.equals("none")) {
            return Kind.NONE;
        }
        Matcher matcher = SPEC.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("job work must be none, sleep:DURATION or cpu:DURATION (e.g."
                    + " sleep:10ms), was '" + work + "'");
        }
        return matcher.group(1).equals("sleep") ? Kind.SLEEP : Kind.CPU;
    }

    private static Duration durationOf(String work) {
        Matcher matcher = SPEC.matcher(work.trim().toLowerCase(Locale.ROOT));
        return matcher.matches() ? Durations.parse(matcher.group(2)) : Duration.ZERO;
    }

    /** {@code 0}, {@code 512}, {@code 512B}, {@code 4KB} (4,096 bytes), {@code 1MB}. */
    public static int parseSize(String size) {
        Matcher matcher = SIZE.matcher(Objects.requireNonNull(size, "payload size is required").trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("payload must be a size like 0, 512B, 4KB or 1MB, was '" + size + "'");
        }
        long bytes = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "B" : matcher.group(2).toUpperCase(Locale.ROOT);
        bytes *= switch (unit) {
            case "KB" -> 1024L;
            case "MB" -> 1024L * 1024L;
            default -> 1L;
        };
        if (bytes > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("payload must be between 0 and 1MB, was '" + size + "'");
        }
        return (int) bytes;
    }

    /** As users type it: {@code none}, {@code sleep:10ms}, {@code cpu:2ms}. */
    public String workText() {
        return kind == Kind.NONE ? "none" : kind.name().toLowerCase(Locale.ROOT) + ":" + Durations.format(duration);
    }

    /** {@code 0}, {@code 512B}, {@code 4KB}, {@code 1MB}: the exact size, in the largest unit that divides it. */
    public String payloadText() {
        if (payloadBytes > 0 && payloadBytes % (1024 * 1024) == 0) {
            return payloadBytes / (1024 * 1024) + "MB";
        }
        if (payloadBytes > 0 && payloadBytes % 1024 == 0) {
            return payloadBytes / 1024 + "KB";
        }
        return payloadBytes == 0 ? "0" : payloadBytes + "B";
    }
}

package dev.queuebench.ports.spi;

import dev.queuebench.domain.Durations;
import dev.queuebench.ports.in.BackendOption;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One tuning knob of a backend, declared once: its name, its default, how it is read from the text users type and
 * written back, the values it accepts, and what it means. The help text, the check of what users type, the value the
 * backend uses and the value reports show all come from this one declaration.
 *
 * <pre>{@code
 * static final Knob<Integer> THREADS = Knob.integer(BackendSettings.THREADS, 10, 1, 1_000, "worker threads");
 * int threads = THREADS.valueIn(context.settings());
 * }</pre>
 */
public final class Knob<T> {

    private final String name;
    private final T defaultValue;
    private final Function<String, T> parser;
    private final Function<T, String> formatter;
    private final String meaning;

    private Knob(String name, T defaultValue, Function<String, T> parser, Function<T, String> formatter,
                 String meaning) {
        this.name = Objects.requireNonNull(name, "knob name is required");
        this.defaultValue = Objects.requireNonNull(defaultValue, "default value is required");
        this.parser = Objects.requireNonNull(parser, "parser is required");
        this.formatter = Objects.requireNonNull(formatter, "formatter is required");
        this.meaning = Objects.requireNonNull(meaning, "meaning is required");
    }

    /** A whole number between {@code min} and {@code max}. */
    public static Knob<Integer> integer(String name, int defaultValue, int min, int max, String meaning) {
        return new Knob<>(name, defaultValue, text -> {
            int value;
            try {
                value = Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number, was '" + text + "'");
            }
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
            }
            return value;
        }, value -> Integer.toString(value), meaning);
    }

    /** A decimal number, e.g. {@code 0.5}. */
    public static Knob<Double> number(String name, double defaultValue, String meaning) {
        return new Knob<>(name, defaultValue, text -> {
            try {
                return Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a number, was '" + text + "'");
            }
        }, value -> Double.toString(value), meaning);
    }

    /** A duration as people write it ({@code 500ms}, {@code 10s}, {@code 2m}), at least {@code min}. */
    public static Knob<Duration> duration(String name, Duration defaultValue, Duration min, String meaning) {
        return duration(name, defaultValue, min, null, meaning);
    }

    /**
     * A duration at least {@code min}, which exists for {@code whyMin}: a value under it is refused with the reason,
     * e.g. "poll-interval must be at least 5s (JobRunr's minimum), was 2s".
     */
    public static Knob<Duration> duration(String name, Duration defaultValue, Duration min, String whyMin,
                                          String meaning) {
        return new Knob<>(name, defaultValue, text -> {
            Duration value;
            try {
                value = Durations.parse(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
            }
            if (value.compareTo(min) < 0) {
                throw new IllegalArgumentException(name + " must be at least " + Durations.format(min)
                        + (whyMin == null ? "" : " (" + whyMin + ")") + ", was " + Durations.format(value));
            }
            return value;
        }, Durations::format, meaning);
    }

    /** One of a few words. */
    public static Knob<String> choice(String name, String defaultValue, List<String> choices, String meaning) {
        List<String> allowed = List.copyOf(choices);
        if (!allowed.contains(defaultValue)) {
            throw new IllegalArgumentException("the default of " + name + " must be one of " + allowed);
        }
        return new Knob<>(name, defaultValue, text -> {
            String value = text.trim();
            if (!allowed.contains(value)) {
                throw new IllegalArgumentException(name + " must be " + String.join(" or ", allowed) + ", was '"
                        + text + "'");
            }
            return value;
        }, Function.identity(), meaning);
    }

    public String name() {
        return name;
    }

    public T defaultValue() {
        return defaultValue;
    }

    public String meaning() {
        return meaning;
    }

    /** The knob as help texts and reports show it. */
    public BackendOption option() {
        return new BackendOption(name, format(defaultValue), meaning);
    }

    /**
     * The value the settings give this knob, or its default.
     *
     * @throws IllegalArgumentException naming the knob and saying what it takes, when the text does not fit
     */
    public T valueIn(BackendSettings settings) {
        String text = settings.values().get(name);
        return text == null ? defaultValue : parser.apply(text);
    }

    public String format(T value) {
        return formatter.apply(value);
    }

    /** The value in effect, as text: for reports and fingerprints. */
    String effectiveIn(BackendSettings settings) {
        return format(valueIn(settings));
    }

    @Override
    public String toString() {
        return name + "=" + format(defaultValue);
    }
}

package dev.queuebench.ports.spi;

import dev.queuebench.domain.Durations;
import dev.queuebench.domain.Profile;
import dev.queuebench.ports.in.BackendOption;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One tuning knob of a backend, declared once: its name, how it is read from the text users type and written back,
 * the values it accepts, what it means, and its value in each {@link Profile} with the source of that value. The help
 * text, the check of what users type, the value the backend uses and the value reports show all come from this one
 * declaration.
 *
 * <pre>{@code
 * static final Knob<Duration> POLL_INTERVAL = Knob.duration("poll-interval", Duration.ofMillis(10), "how often ...")
 *         .shipped(Duration.ofSeconds(10), "db-scheduler's default (SchedulerBuilder.DEFAULT_POLLING_INTERVAL)")
 *         .tuned(Duration.ofSeconds(10), "no advice of the authors': db-scheduler's default");
 * Duration pollInterval = POLL_INTERVAL.valueIn(context.settings());
 * }</pre>
 *
 * A profile's value may follow another knob ({@link #tuned(Knob, String)}: Quartz's batch acquisition is as large as
 * its thread count).
 */
public final class Knob<T> {

    private final String name;
    private final Function<String, T> parser;
    private final Function<T, String> formatter;
    private final String meaning;
    private final Map<Profile, Choice<T>> choices;

    /** A profile's value of a knob: a value of its own, or the value another knob has; and where it comes from. */
    private record Choice<T>(T value, Knob<T> sameAs, String source) {
        Choice {
            Objects.requireNonNull(source, "the source of a profile's value is required");
            if ((value == null) == (sameAs == null)) {
                throw new IllegalArgumentException("a profile's value is a value or another knob's, not both");
            }
        }
    }

    private Knob(String name, Function<String, T> parser, Function<T, String> formatter, String meaning,
                 Map<Profile, Choice<T>> choices) {
        this.name = Objects.requireNonNull(name, "knob name is required");
        this.parser = Objects.requireNonNull(parser, "parser is required");
        this.formatter = Objects.requireNonNull(formatter, "formatter is required");
        this.meaning = Objects.requireNonNull(meaning, "meaning is required");
        this.choices = choices.isEmpty() ? new EnumMap<>(Profile.class) : new EnumMap<>(choices);
    }

    private Knob(String name, Function<String, T> parser, Function<T, String> formatter, String meaning) {
        this(name, parser, formatter, meaning, Map.of());
    }

    /**
     * The worker threads every backend has ({@link BackendSettings#THREADS}, set by {@code --threads}). Threads are
     * not part of a profile but their own axis: every backend runs {@link BackendSettings#DEFAULT_THREADS} in every
     * profile, so that no profile hides a difference in threads.
     *
     * @param meaning          what the threads do in this backend
     * @param librarysDefault  what the library would run by itself, and where it says so
     */
    public static Knob<Integer> threads(String meaning, String librarysDefault) {
        return integer(BackendSettings.THREADS, 1, 1_000, meaning).inEveryProfile(BackendSettings.DEFAULT_THREADS,
                "Queue Bench runs every backend with the same threads (--threads); " + librarysDefault);
    }

    /** A whole number between {@code min} and {@code max}. */
    public static Knob<Integer> integer(String name, int min, int max, String meaning) {
        return new Knob<>(name, text -> {
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

    /** A decimal number between {@code min} and {@code max}, e.g. {@code 0.5}. */
    public static Knob<Double> number(String name, double min, double max, String meaning) {
        return new Knob<>(name, text -> {
            double value;
            try {
                value = Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a number, was '" + text + "'");
            }
            if (!(value >= min && value <= max)) {
                throw new IllegalArgumentException(name + " must be between " + formatNumber(min) + " and " + formatNumber(max)
                        + ", was " + text.trim());
            }
            return value;
        }, Knob::formatNumber, meaning);
    }

    private static String formatNumber(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.1f", value) : Double.toString(value);
    }

    /** A duration as people write it ({@code 500ms}, {@code 10s}, {@code 2m}), at least {@code min}. */
    public static Knob<Duration> duration(String name, Duration min, String meaning) {
        return duration(name, min, null, meaning);
    }

    /**
     * A duration at least {@code min}, which exists for {@code whyMin}: a value under it is refused with the reason,
     * e.g. "poll-interval must be at least 5s (JobRunr's minimum), was 2s".
     */
    public static Knob<Duration> duration(String name, Duration min, String whyMin, String meaning) {
        return new Knob<>(name, text -> {
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
    public static Knob<String> choice(String name, List<String> choices, String meaning) {
        List<String> allowed = List.copyOf(choices);
        return new Knob<>(name, text -> {
            String value = text.trim();
            if (!allowed.contains(value)) {
                throw new IllegalArgumentException(name + " must be " + String.join(" or ", allowed) + ", was '"
                        + text + "'");
            }
            return value;
        }, Function.identity(), meaning);
    }

    /** The knob with its value in the {@code shipped} profile: the library's own default, or a named departure. */
    public Knob<T> shipped(T value, String source) {
        return withChoice(Profile.SHIPPED, new Choice<>(checked(value), null, source));
    }

    /** The knob with its value in the {@code tuned} profile: the authors' advice for throughput, cited. */
    public Knob<T> tuned(T value, String source) {
        return withChoice(Profile.TUNED, new Choice<>(checked(value), null, source));
    }

    /** The knob whose {@code tuned} value is whatever {@code sameAs} has (e.g. as many as the threads). */
    public Knob<T> tuned(Knob<T> sameAs, String source) {
        Objects.requireNonNull(sameAs, "the knob to follow is required");
        return withChoice(Profile.TUNED, new Choice<>(null, sameAs, source));
    }

    /** The knob with the same value, from the same source, in every profile. */
    public Knob<T> inEveryProfile(T value, String source) {
        Knob<T> knob = this;
        for (Profile profile : Profile.values()) {
            knob = knob.withChoice(profile, new Choice<>(checked(value), null, source));
        }
        return knob;
    }

    /** A value a profile gives must be one a user could type: it goes through the same check. */
    private T checked(T value) {
        Objects.requireNonNull(value, "a profile's value is required");
        return parser.apply(formatter.apply(value));
    }

    private Knob<T> withChoice(Profile profile, Choice<T> choice) {
        Map<Profile, Choice<T>> copy = new EnumMap<>(Profile.class);
        copy.putAll(choices);
        copy.put(profile, choice);
        return new Knob<>(name, parser, formatter, meaning, copy);
    }

    public String name() {
        return name;
    }

    public String meaning() {
        return meaning;
    }

    /** Whether every profile gives this knob a value: a declaration is complete only then. */
    boolean complete() {
        return choices.keySet().containsAll(List.of(Profile.values()));
    }

    /** The knob as help texts and reports show it: each profile's value, as text, and its source. */
    public BackendOption option() {
        requireComplete();
        Map<Profile, BackendOption.Default> defaults = new EnumMap<>(Profile.class);
        choices.forEach((profile, choice) -> defaults.put(profile, new BackendOption.Default(
                choice.sameAs() == null ? format(choice.value()) : "= " + choice.sameAs().name(), choice.source())));
        return new BackendOption(name, meaning, defaults);
    }

    /** The value {@code profile} gives, when no user overrides it. */
    public T defaultIn(Profile profile, BackendSettings settings) {
        requireComplete();
        Choice<T> choice = choices.get(profile);
        return choice.sameAs() == null ? choice.value() : choice.sameAs().valueIn(settings);
    }

    /**
     * The value the settings give this knob: the user's, or else their profile's.
     *
     * @throws IllegalArgumentException naming the knob and saying what it takes, when the text does not fit
     */
    public T valueIn(BackendSettings settings) {
        String text = settings.values().get(name);
        return text == null ? defaultIn(settings.profile(), settings) : parser.apply(text);
    }

    public String format(T value) {
        return formatter.apply(value);
    }

    /** The value in effect, as text: for reports and fingerprints. */
    String effectiveIn(BackendSettings settings) {
        return format(valueIn(settings));
    }

    private void requireComplete() {
        if (!complete()) {
            throw new IllegalStateException("knob " + name + " has no value in every profile: declare it with"
                    + " shipped(...) and tuned(...), or inEveryProfile(...)");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}

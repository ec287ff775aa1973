package dev.queuebench.domain;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fault to inject into a run on purpose, as people write it: {@code kill-node@40%}, {@code pause-node@40%:30s},
 * {@code drop-connections@15s}, {@code restart-db@50%}. It fires once, when the given share of the run's jobs has
 * completed, or this long after the run's workers started.
 *
 * @param kind       what to do
 * @param atShare    fire when this share of the jobs completed, in (0, 1); empty when {@code after} is set
 * @param after      fire this long after the run's workers started; empty when {@code atShare} is set
 * @param pause      how long a paused node stays stopped ({@link Kind#PAUSE_NODE} only)
 */
public record FaultSpec(Kind kind, OptionalDouble atShare, Optional<Duration> after, Optional<Duration> pause) {

    /** What a fault does. */
    public enum Kind {
        /** SIGKILL one worker node: it dies mid-job, as a crashed machine would. */
        KILL_NODE("kill-node"),
        /** SIGSTOP one worker node, then SIGCONT it: it comes back after the others took over its work. */
        PAUSE_NODE("pause-node"),
        /** {@code pg_terminate_backend} of every connection of the backend's pools, on every node. */
        DROP_CONNECTIONS("drop-connections"),
        /** Stop the embedded PostgreSQL and start it again on the same data and port. */
        RESTART_DB("restart-db");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        /** As written: {@code kill-node}. */
        public String text() {
            return text;
        }

        /** As stored with the run and in JSON: {@code kill_node}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether it needs a worker node besides the process that drives the run. */
        public boolean needsWorkerNode() {
            return this == KILL_NODE || this == PAUSE_NODE;
        }

        static Kind of(String text) {
            for (Kind kind : values()) {
                if (kind.text.equals(text)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown fault '" + text + "': use kill-node, pause-node,"
                    + " drop-connections or restart-db");
        }
    }

    private static final Pattern FORMAT = Pattern.compile("([a-z-]+)@([^:]+)(?::(.+))?");
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,2}(?:\\.\\d+)?)%");
    private static final String EXAMPLES = "e.g. kill-node@40%, pause-node@40%:30s, drop-connections@15s or restart-db@50%";

    public FaultSpec {
        Objects.requireNonNull(kind, "kind is required");
        Objects.requireNonNull(atShare, "share is required (empty for a fault in time)");
        Objects.requireNonNull(after, "time is required (empty for a fault at a share)");
        Objects.requireNonNull(pause, "pause is required (empty but for pause-node)");
        if (atShare.isPresent() == after.isPresent()) {
            throw new IllegalArgumentException("a fault fires at a share of the jobs or after a time, not both");
        }
        atShare.ifPresent(share -> {
            if (!(share > 0 && share < 1)) {
                throw new IllegalArgumentException("a fault fires when between 0% and 100% of the jobs completed,"
                        + " not at " + share * 100 + "%");
            }
        });
        after.ifPresent(time -> {
            if (time.isNegative()) {
                throw new IllegalArgumentException("a fault cannot fire before the workers start: " + time);
            }
        });
        if ((kind == Kind.PAUSE_NODE) != pause.isPresent()) {
            throw new IllegalArgumentException(kind == Kind.PAUSE_NODE
                    ? "pause-node needs how long the node stays stopped, e.g. pause-node@40%:30s"
                    : kind.text() + " takes no duration after ':' (only pause-node does)");
        }
        pause.ifPresent(duration -> {
            if (duration.isZero() || duration.isNegative()) {
                throw new IllegalArgumentException("a node is paused for a positive time, not " + duration);
            }
        });
    }

    /**
     * Reads {@code KIND@WHEN[:PAUSE]}, where {@code WHEN} is a share ({@code 40%}) or a time ({@code 15s}).
     *
     * @throws IllegalArgumentException with what is wrong and an example
     */
    public static FaultSpec parse(String text) {
        String trimmed = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Matcher matcher = FORMAT.matcher(trimmed);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a fault: write KIND@WHEN, " + EXAMPLES);
        }
        Kind kind = Kind.of(matcher.group(1));
        String when = matcher.group(2);
        Matcher percent = PERCENT.matcher(when);
        OptionalDouble share = OptionalDouble.empty();
        Optional<Duration> after = Optional.empty();
        if (percent.matches()) {
            share = OptionalDouble.of(Double.parseDouble(percent.group(1)) / 100);
        } else if (when.endsWith("%")) {
            throw new IllegalArgumentException("'" + when + "' is not a share of the jobs: between 0% and 100%"
                    + " exclusive, " + EXAMPLES);
        } else {
            after = Optional.of(Durations.parse(when));
        }
        Optional<Duration> pause = Optional.ofNullable(matcher.group(3)).map(Durations::parse);
        return new FaultSpec(kind, share, after, pause);
    }

    /** Whether it fires now, with {@code completedShare} of the jobs done {@code sinceWorkersStarted}. */
    public boolean firesAt(double completedShare, Duration sinceWorkersStarted) {
        if (atShare.isPresent()) {
            return completedShare >= atShare.getAsDouble();
        }
        return sinceWorkersStarted.compareTo(after.orElseThrow()) >= 0;
    }

    /** As written, normalized: {@code kill-node@40%}, {@code pause-node@40%:30s}. */
    public String text() {
        String when = atShare.isPresent() ? percent(atShare.getAsDouble()) : Durations.format(after.orElseThrow());
        return kind.text() + "@" + when + pause.map(duration -> ":" + Durations.format(duration)).orElse("");
    }

    @Override
    public String toString() {
        return text();
    }

    private static String percent(double share) {
        double percent = share * 100;
        return (percent == Math.rint(percent) ? Long.toString(Math.round(percent)) : Double.toString(percent)) + "%";
    }
}

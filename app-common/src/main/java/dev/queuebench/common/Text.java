package dev.queuebench.common;

import dev.queuebench.domain.CompletionCounts;
import dev.queuebench.domain.Durations;
import dev.queuebench.domain.JobWork;
import dev.queuebench.domain.RunSpec;
import dev.queuebench.domain.SchedulingMode;
import dev.queuebench.domain.Workload;
import dev.queuebench.ports.in.RunReport;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * Numbers, durations and statuses as Queue Bench shows them to people, on the pages and in the CLI's tables.
 * {@code live.js} formats the same values the same way when it updates a row: a change here goes there too.
 */
public final class Text {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private Text() {
    }

    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** {@code 850 ms}, {@code 12.34 s}, {@code 3 min 05 s}; "Pending" while missing. */
    public static String duration(Optional<Duration> duration) {
        return duration.map(Text::duration).orElse("Pending");
    }

    public static String duration(Duration duration) {
        return Durations.readable(duration);
    }

    public static String time(Instant instant) {
        return TIME.format(instant);
    }

    /** A latency in microseconds at a readable scale: {@code 850 µs}, {@code 12.3 ms}, {@code 1.25 s}. */
    public static String micros(long micros) {
        long magnitude = Math.abs(micros);
        if (magnitude < 1_000) {
            return micros + " µs";
        }
        if (magnitude < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f ms", micros / 1_000.0);
        }
        return String.format(Locale.ROOT, "%.2f s", micros / 1_000_000.0);
    }

    /** A number as typed on a command line: {@code 500}, {@code 12.5}. */
    public static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%s", value);
    }

    public static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.1f", perSecond);
    }

    /**
     * The workload with its parameters and, when the jobs do something, their work: {@code delayed, delay 10.00 s},
     * {@code backlog}, {@code rate 500.0 jobs/s for 60.00 s}, {@code backlog, jobs sleep:10ms, payload 4KB}.
     */
    public static String workload(RunSpec spec) {
        String workload;
        if (spec.workload() instanceof Workload.Rate rate) {
            workload = "rate " + rate(rate.jobsPerSecond()) + " jobs/s for " + duration(rate.duration());
        } else if (spec.workload() instanceof Workload.Delayed) {
            workload = "delayed, delay " + duration(spec.jobDelay().value());
        } else {
            workload = spec.workload().wireName();
        }
        JobWork work = spec.jobWork();
        if (!work.equals(JobWork.NONE)) {
            workload += ", jobs " + work.workText() + (work.payloadBytes() > 0 ? ", payload " + work.payloadText() : "");
        }
        return workload;
    }

    /** {@code one by one} or {@code in bulk}. */
    public static String mode(SchedulingMode mode) {
        return mode.wireName().replace('_', ' ');
    }

    /** {@code 1k}, {@code 10k}, {@code 1M}: the preset buttons' labels. */
    public static String shortCount(int value) {
        if (value >= 1_000_000 && value % 1_000_000 == 0) {
            return value / 1_000_000 + "M";
        }
        if (value >= 1_000 && value % 1_000 == 0) {
            return value / 1_000 + "k";
        }
        return count(value);
    }

    /**
     * {@code scheduling 500/1,000}, {@code running 10/1,000}, {@code finished}, {@code stalled at 10/1,000, ...},
     * {@code interrupted at 0/1,000: the process that started it ... is gone}.
     */
    /** "1 more node ran none of its jobs", for a run with such nodes; they record nothing, so no list names them. */
    public static Optional<String> nodesWithoutAJob(RunReport report) {
        int silent = report.nodesWithoutAJob();
        return silent == 0 ? Optional.empty() : Optional.of(count(silent) + " more node" + (silent == 1 ? "" : "s")
                + " ran none of its jobs");
    }

    public static String status(RunReport report) {
        CompletionCounts counts = report.completions();
        int jobs = report.run().jobsCount();
        return switch (report.status()) {
            case PENDING -> "pending";
            case SCHEDULING -> "scheduling " + count(report.run().scheduledJobs()) + "/" + count(jobs);
            case RUNNING -> "running " + count(counts.distinctCompleted()) + "/" + count(jobs);
            case FINISHED -> counts.duplicateExecutions() == 0
                    ? "finished"
                    : "finished, " + count(counts.duplicateExecutions()) + " duplicates";
            case STALLED -> "stalled at " + count(counts.distinctCompleted()) + "/" + count(jobs)
                    + ", " + count(counts.missingJobs()) + " missing";
            case INTERRUPTED -> "interrupted at " + count(counts.distinctCompleted()) + "/" + count(jobs)
                    + report.endReason().map(reason -> ": " + reason).orElse("");
        };
    }

    /**
     * Why a run shows no statements, as its fingerprint recorded it: {@code pg_stat_statements off: the server does
     * not load it ...}; empty when it has statements, or when its fingerprint says nothing of them (an older run).
     */
    public static Optional<String> statementsMissing(RunReport report) {
        if (!report.topStatements().isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(report.environment().get(RunReport.STATEMENTS_FACT))
                .filter(kept -> !kept.equals("on"))
                .map(kept -> "pg_stat_statements " + kept);
    }

    /** A core message ("jobs count must be ...") as a sentence on a page ("Jobs count must be ...."). */
    public static String sentence(String message) {
        if (message == null || message.isEmpty()) {
            return message;
        }
        String capitalized = Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return capitalized.endsWith(".") ? capitalized : capitalized + ".";
    }

    /** Cuts what a user typed to a length that fits a message. */
    public static String abbreviate(String text, int maxLength) {
        if (text.length() <= maxLength) {
            return text;
        }
        return text.substring(0, maxLength - 1) + "…";
    }

    /** A statement as {@code pg_stat_statements} keeps it, on one line and cut to {@code maxLength}. */
    public static String statement(String query, int maxLength) {
        return abbreviate(query.strip().replaceAll("\\s+", " "), maxLength);
    }
}

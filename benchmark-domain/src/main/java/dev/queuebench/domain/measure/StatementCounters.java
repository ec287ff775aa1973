package dev.queuebench.domain.measure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The database's cumulative statement statistics at one moment, per normalized statement ({@code pg_stat_statements}
 * keyed by its query id). Two of them, taken at a run's start and end, give the statements that took the most time
 * in between: {@link #since}.
 */
public record StatementCounters(Map<Long, Counter> byQueryId) {

    /** A server that does not keep statement statistics, or a harness that does not ask. */
    public static final StatementCounters NONE = new StatementCounters(Map.of());

    /** How many of the backend's, and of the harness's own, statements a run keeps. */
    public static final int TOP_BACKEND = 5;
    public static final int TOP_HARNESS = 2;

    public StatementCounters {
        byQueryId = Map.copyOf(byQueryId);
    }

    /** One statement's cumulative figures. */
    public record Counter(String query, long calls, double totalMillis, long rows) {

        public Counter {
            Objects.requireNonNull(query, "query is required");
        }
    }

    /**
     * The statements that ran between {@code start} and this moment, the most time first: the {@link #TOP_BACKEND}
     * that touched one of {@code backendTables} (named in the query's text, in any case), then the
     * {@link #TOP_HARNESS} of the others. A statement the server evicted from its statistics in between counts from
     * zero; one without calls in between is left out.
     */
    public List<StatementTime> since(StatementCounters start, List<String> backendTables) {
        List<String> tables = backendTables.stream().map(table -> table.toLowerCase(Locale.ROOT)).toList();
        List<StatementTime> ran = new ArrayList<>();
        byQueryId.forEach((id, now) -> {
            Counter before = start.byQueryId.get(id);
            boolean reset = before == null || before.calls > now.calls;
            long calls = reset ? now.calls : now.calls - before.calls;
            if (calls > 0) {
                String query = now.query.toLowerCase(Locale.ROOT);
                ran.add(new StatementTime(now.query, calls,
                        Math.max(0, reset ? now.totalMillis : now.totalMillis - before.totalMillis),
                        Math.max(0, reset ? now.rows : now.rows - before.rows),
                        tables.stream().anyMatch(query::contains)));
            }
        });
        ran.sort(Comparator.comparingDouble(StatementTime::totalMillis).reversed());
        return Stream.concat(ran.stream().filter(StatementTime::backend).limit(TOP_BACKEND),
                ran.stream().filter(statement -> !statement.backend()).limit(TOP_HARNESS)).toList();
    }
}

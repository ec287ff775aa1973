package dev.queuebench.domain.measure;

import java.util.Objects;

/**
 * One kind of statement the database ran during a run, as {@code pg_stat_statements} normalizes it (constants become
 * {@code $1}, {@code $2}, ...): how often it ran, its total execution time and the rows it returned or changed.
 *
 * @param backend whether it touched the backend's tables (the library's own work) rather than only the harness's
 */
public record StatementTime(String query, long calls, double totalMillis, long rows, boolean backend) {

    public StatementTime {
        Objects.requireNonNull(query, "query is required");
        if (calls < 0 || totalMillis < 0 || rows < 0) {
            throw new IllegalArgumentException("calls, time and rows cannot be negative: " + calls + ", "
                    + totalMillis + ", " + rows);
        }
    }

    /** Milliseconds per call; 0 without calls. */
    public double meanMillis() {
        return calls == 0 ? 0 : totalMillis / calls;
    }
}

package dev.queuebench.ports.out;

import dev.queuebench.domain.measure.DatabaseSample;
import dev.queuebench.domain.measure.StatementCounters;
import java.util.List;
import java.util.Map;

/** What PostgreSQL reports about itself. */
public interface DatabaseMetricsPort {

    /** The fact that says whether the server keeps statement statistics: {@code on}, or {@code off: <why>}. */
    String STATEMENTS_FACT = "postgres.pg_stat_statements";

    /** The database's counters now, and the rows and size of the given tables. */
    DatabaseSample sample(List<String> backendTables);

    /**
     * Facts that move results, for a run's fingerprint: the server version and settings such as
     * {@code synchronous_commit}, {@code fsync}, {@code shared_buffers}, {@code max_connections}, keyed
     * {@code postgres.version}, {@code postgres.fsync}, ...
     */
    Map<String, String> facts();

    /**
     * The server's cumulative statistics per normalized statement, where it keeps them ({@code pg_stat_statements});
     * {@link StatementCounters#NONE} where it does not. Whether it does is among the {@link #facts()}.
     */
    default StatementCounters statements() {
        return StatementCounters.NONE;
    }
}

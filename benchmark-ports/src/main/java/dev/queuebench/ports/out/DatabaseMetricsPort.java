package dev.queuebench.ports.out;

import dev.queuebench.domain.measure.DatabaseSample;
import java.util.List;
import java.util.Map;

/** What PostgreSQL reports about itself. */
public interface DatabaseMetricsPort {

    /** The database's counters now, and the rows and size of the given tables. */
    DatabaseSample sample(List<String> backendTables);

    /**
     * Facts that move results, for a run's fingerprint: the server version and settings such as
     * {@code synchronous_commit}, {@code fsync}, {@code shared_buffers}, {@code max_connections}, keyed
     * {@code postgres.version}, {@code postgres.fsync}, ...
     */
    Map<String, String> facts();
}

package dev.queuebench.ports.out;

import dev.queuebench.domain.BackendId;
import javax.sql.DataSource;

/**
 * The PostgreSQL database each backend keeps its tables in, through a pool of its own with room for the connections
 * it needs. Asked whenever a backend is created: again with a new size when its settings change (a sweep over
 * threads), so the same backend's pool grows or shrinks to it.
 */
@FunctionalInterface
public interface BackendDataSourcePort {

    /**
     * @param connections how many connections the backend's pool holds at most: what it needs with its settings, or
     *                    what the user sized it to; a data source of one's own may ignore it
     */
    DataSource dataSourceFor(BackendId backend, int connections);
}

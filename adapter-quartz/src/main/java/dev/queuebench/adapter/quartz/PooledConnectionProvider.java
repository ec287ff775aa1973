package dev.queuebench.adapter.quartz;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Hands Quartz connections from Queue Bench's pool instead of a pool of Quartz's own. Quartz finds a provider by name
 * in its JVM-wide {@link DBConnectionManager}, so each backend registers under a name of its own; the manager has no
 * way to unregister, so {@link #release()} drops the reference to the pool instead. Quartz's {@code shutdown()}
 * call leaves the pool alone: it belongs to whoever built the backend.
 */
final class PooledConnectionProvider implements ConnectionProvider {

    private static final AtomicInteger BACKENDS = new AtomicInteger();

    private final String name;
    private volatile DataSource dataSource;

    private PooledConnectionProvider(String name, DataSource dataSource) {
        this.name = name;
        this.dataSource = dataSource;
    }

    /** Registers a provider over {@code dataSource} under a name no other backend in this JVM uses. */
    static PooledConnectionProvider register(DataSource dataSource) {
        PooledConnectionProvider provider =
                new PooledConnectionProvider("queue-bench-" + BACKENDS.incrementAndGet(), dataSource);
        DBConnectionManager.getInstance().addConnectionProvider(provider.name, provider);
        return provider;
    }

    /** The name for {@code org.quartz.jobStore.dataSource}. */
    String name() {
        return name;
    }

    @Override
    public Connection getConnection() throws SQLException {
        DataSource current = dataSource;
        if (current == null) {
            throw new SQLException("the Quartz backend that owned data source '" + name + "' was closed");
        }
        return current.getConnection();
    }

    /** Lets go of the pool once the backend is closed. */
    void release() {
        dataSource = null;
    }

    @Override
    public void shutdown() {
        // the pool is not Quartz's to close
    }

    @Override
    public void initialize() {
        // nothing to set up: the pool exists already
    }
}

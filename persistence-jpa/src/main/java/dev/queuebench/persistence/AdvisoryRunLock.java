package dev.queuebench.persistence;

import com.zaxxer.hikari.HikariDataSource;
import dev.queuebench.ports.out.RunLockPort;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run lock as a PostgreSQL session-level advisory lock ({@code pg_advisory_lock}, key 0 as in the original
 * harness), held on a connection of its own for the whole scheduling phase. Waiting is bounded by
 * {@code lock_timeout}. Released on close; if the release cannot be confirmed, the connection is thrown away, which
 * ends the session and with it the lock.
 */
final class AdvisoryRunLock implements RunLockPort {

    static final long DEFAULT_KEY = 0;
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final Logger LOG = LoggerFactory.getLogger(AdvisoryRunLock.class);

    private final DataSource dataSource;
    private final long key;

    AdvisoryRunLock(DataSource dataSource, long key) {
        this.dataSource = dataSource;
        this.key = key;
    }

    @Override
    public Optional<RunLock> tryAcquire(Duration maxWait) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            boolean acquired = maxWait.toMillis() < 1 ? tryLockNow(connection) : lockWithin(connection, maxWait);
            if (!acquired) {
                connection.close();
                return Optional.empty();
            }
            return Optional.of(new HeldLock(connection));
        } catch (SQLException e) {
            discard(connection);
            throw new IllegalStateException("could not take the run lock: " + e.getMessage(), e);
        }
    }

    private boolean tryLockNow(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            statement.setLong(1, key);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    private boolean lockWithin(Connection connection, Duration maxWait) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set lock_timeout = '" + maxWait.toMillis() + "ms'");
        }
        try (PreparedStatement statement = connection.prepareStatement("select pg_advisory_lock(?)")) {
            statement.setLong(1, key);
            statement.execute();
            return true;
        } catch (SQLException e) {
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        } finally {
            try (Statement statement = connection.createStatement()) {
                statement.execute("reset lock_timeout");
            }
        }
    }

    private void discard(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            if (dataSource instanceof HikariDataSource pool) {
                pool.evictConnection(connection);
            } else {
                connection.close();
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("could not close the run lock's connection", e);
        }
    }

    private final class HeldLock implements RunLock {

        private final Connection connection;
        private final AtomicBoolean released = new AtomicBoolean();

        HeldLock(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void close() {
            if (!released.compareAndSet(false, true)) {
                return;
            }
            try (PreparedStatement statement = connection.prepareStatement("select pg_advisory_unlock(?)")) {
                statement.setLong(1, key);
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    if (!result.getBoolean(1)) {
                        LOG.warn("the run lock was not held when released; its session may have ended");
                    }
                }
                connection.close();
            } catch (SQLException | RuntimeException e) {
                LOG.warn("could not release the run lock; closing its connection ends the session and the lock", e);
                discard(connection);
            }
        }
    }
}

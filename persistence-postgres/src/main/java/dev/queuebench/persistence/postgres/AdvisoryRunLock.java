package dev.queuebench.persistence.postgres;

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
 * ends the session and with it the lock. A lock lost with its session (a dropped connection, a restarted server) is
 * taken again on a new connection by {@link RunLock#reacquireIfLost}.
 */
public final class AdvisoryRunLock implements RunLockPort {

    public static final long DEFAULT_KEY = 0;
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final Logger LOG = LoggerFactory.getLogger(AdvisoryRunLock.class);

    private final DataSource dataSource;
    private final long key;

    public AdvisoryRunLock(DataSource dataSource, long key) {
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
        if (!Databases.discard(dataSource, connection)) {
            LOG.warn("could not close the run lock's connection");
        }
    }

    private final class HeldLock implements RunLock {

        private Connection connection;
        private final AtomicBoolean released = new AtomicBoolean();

        HeldLock(Connection connection) {
            this.connection = connection;
        }

        @Override
        public synchronized boolean reacquireIfLost(Duration maxWait) {
            if (released.get()) {
                return false;
            }
            if (stillHeld()) {
                return true;
            }
            discard(connection);
            Connection fresh = null;
            try {
                fresh = dataSource.getConnection();
                fresh.setAutoCommit(true);
                if (!lockWithin(fresh, maxWait)) {
                    fresh.close();
                    connection = null;
                    return false;
                }
                connection = fresh;
                LOG.info("took the run lock again on a new session: the old one ended");
                return true;
            } catch (SQLException e) {
                discard(fresh);
                connection = null;
                throw new IllegalStateException("could not take the run lock again: " + e.getMessage(), e);
            }
        }

        private boolean stillHeld() {
            if (connection == null) {
                return false;
            }
            try (PreparedStatement statement = connection.prepareStatement("select exists (select 1 from pg_locks"
                    + " where locktype = 'advisory' and pid = pg_backend_pid() and granted and objsubid = 1"
                    + " and classid = ?::oid and objid = ?::oid)")) {
                statement.setLong(1, key >>> 32);
                statement.setLong(2, key & 0xFFFF_FFFFL);
                try (ResultSet result = statement.executeQuery()) {
                    return result.next() && result.getBoolean(1);
                }
            } catch (SQLException e) {
                return false;
            }
        }

        @Override
        public synchronized void close() {
            if (!released.compareAndSet(false, true) || connection == null) {
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

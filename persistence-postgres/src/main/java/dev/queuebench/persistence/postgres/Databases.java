package dev.queuebench.persistence.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.pool.HikariPool;
import dev.queuebench.domain.measure.PoolSample;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Connection pools on a {@link DatabaseTarget}. */
public final class Databases {

    private Databases() {
    }

    /**
     * A HikariCP pool that connects once before it returns, so an unreachable or misconfigured database fails here,
     * with a message that names it.
     *
     * @throws DatabaseUnavailableException when no connection can be made
     */
    public static HikariDataSource pool(DatabaseTarget target, String name, int maximumSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(target.jdbcUrl());
        config.setUsername(target.user());
        config.setPassword(target.password());
        config.setPoolName(name);
        // each session says which pool it is of (pg_stat_activity.application_name): what drop-connections aims at
        config.addDataSourceProperty("ApplicationName", name);
        config.setMaximumPoolSize(maximumSize);
        config.setMinimumIdle(Math.min(2, maximumSize));
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(5_000);
        config.setRegisterMbeans(false);
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new DatabaseUnavailableException("cannot connect to PostgreSQL at " + target.displayUrl()
                    + " as '" + target.user() + "': " + cause.getMessage(), e);
        }
    }

    /**
     * Throws away a connection whose session holds something (an advisory lock) or may be broken: a pooled one is
     * evicted, so that its session ends instead of going back to the pool; any other is closed.
     *
     * @return whether it went without an error
     */
    public static boolean discard(DataSource dataSource, Connection connection) {
        if (connection == null) {
            return true;
        }
        try {
            if (dataSource instanceof HikariDataSource pool) {
                pool.evictConnection(connection);
            } else {
                connection.close();
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Terminates ({@code pg_terminate_backend}) every session of the pool named {@code poolName}, from any process,
     * as a failover or a server restart would drop them.
     *
     * @return how many sessions were terminated
     */
    public static int terminateSessions(DataSource dataSource, String poolName) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement terminate = connection.prepareStatement("select count(*) filter (where"
                     + " pg_terminate_backend(pid)) from pg_stat_activity where application_name = ?"
                     + " and pid <> pg_backend_pid()")) {
            terminate.setString(1, poolName);
            try (ResultSet result = terminate.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    /** The pool as it is now, for resource sampling. */
    public static PoolSample sample(HikariDataSource pool) {
        HikariPoolMXBean bean = pool.getHikariPoolMXBean();
        if (bean == null) {
            return new PoolSample(pool.getPoolName(), 0, 0, 0);
        }
        return new PoolSample(pool.getPoolName(), bean.getActiveConnections(), bean.getIdleConnections(),
                bean.getThreadsAwaitingConnection());
    }

    /** No connection could be made to the configured PostgreSQL. */
    public static final class DatabaseUnavailableException extends RuntimeException {

        public DatabaseUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

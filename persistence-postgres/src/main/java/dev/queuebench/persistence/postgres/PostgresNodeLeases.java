package dev.queuebench.persistence.postgres;

import dev.queuebench.domain.NodeId;
import dev.queuebench.domain.RunId;
import dev.queuebench.ports.out.NodeLeasePort;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Node leases in PostgreSQL. A node is a row of {@code benchmark_nodes}; its lease is a session-level advisory lock
 * ({@code pg_advisory_lock(20802, number)}) held on a connection of its own, which ends with the node's process or
 * its session: PostgreSQL releases it then, at once. The heartbeat touches the row about once a second and, when the
 * session ended (a dropped connection, a restarted server), takes the lock again on a new one.
 *
 * <p>A node is gone when no session holds its lock and its last heartbeat is older than the grace period, measured by
 * the database's clock. After a server restart the grace period counts from the restart
 * ({@code pg_postmaster_start_time()}), so that live nodes have the time to come back.
 */
public final class PostgresNodeLeases implements NodeLeasePort {

    /** The advisory lock class of node leases: "QB" in ASCII. Key 0 (the run lock) is the one-key form: no clash. */
    public static final int LOCK_CLASS = 0x5142;
    private static final Logger LOG = LoggerFactory.getLogger(PostgresNodeLeases.class);

    private static final String ORPHANED_RUNS = """
            select r.id, coalesce(r.owner_node, 'an earlier version of Queue Bench')
            from benchmark_runs r
            left join benchmark_nodes n on n.node_id = r.owner_node
            where r.run_finished_at is null and r.ended_at is null
              and (n.number is null or (
                    not exists (select 1 from pg_locks l
                                where l.locktype = 'advisory' and l.granted and l.objsubid = 2
                                  and l.database = (select oid from pg_database where datname = current_database())
                                  and l.classid = ?::oid and l.objid = n.number::oid)
                    and (n.stopped_at is not null or n.seen_at < now() - ?::interval)))
              and pg_postmaster_start_time() < now() - ?::interval
            order by r.id
            """;

    private final DataSource dataSource;
    private Connection session;
    private Integer number;
    private boolean released;

    public PostgresNodeLeases(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public synchronized void register(NodeId node) {
        if (number != null) {
            throw new IllegalStateException("this node is registered already as number " + number);
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("insert into benchmark_nodes"
                     + " (node_id, started_at, seen_at) values (?, now(), now()) returning number")) {
            insert.setString(1, node.value());
            try (ResultSet result = insert.executeQuery()) {
                result.next();
                number = result.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not register node " + node + ": " + e.getMessage(), e);
        }
        takeLease();
    }

    @Override
    public synchronized void heartbeat() {
        if (number == null || released) {
            return;
        }
        try {
            if (session == null || !touch()) {
                takeLease();
            }
        } catch (SQLException e) {
            discardSession();
            throw new IllegalStateException("node heartbeat failed: " + e.getMessage(), e);
        }
    }

    /** Touches this node's row on its lease session; false when the session no longer holds the lease. */
    private boolean touch() throws SQLException {
        try (PreparedStatement update = session.prepareStatement("update benchmark_nodes set seen_at = now()"
                + " where number = ? returning exists (select 1 from pg_locks where locktype = 'advisory'"
                + " and pid = pg_backend_pid() and objsubid = 2 and classid = ?::oid and objid = ?::oid and granted)")) {
            update.setInt(1, number);
            update.setInt(2, LOCK_CLASS);
            update.setInt(3, number);
            try (ResultSet result = update.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private void takeLease() {
        discardSession();
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            session = connection;
            try (PreparedStatement lock = session.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
                lock.setInt(1, LOCK_CLASS);
                lock.setInt(2, number);
                try (ResultSet result = lock.executeQuery()) {
                    result.next();
                    if (!result.getBoolean(1)) {
                        // the old session is not gone yet from the server's point of view: the next heartbeat tries again
                        LOG.warn("the lease of node {} is still held by an earlier session; trying again", number);
                        discardSession();
                        return;
                    }
                }
            }
            touch();
        } catch (SQLException e) {
            discardSession();
            throw new IllegalStateException("could not take the node lease: " + e.getMessage(), e);
        }
    }

    private void discardSession() {
        if (session == null) {
            return;
        }
        Connection closing = session;
        session = null;
        if (!Databases.discard(dataSource, closing)) {
            LOG.debug("could not close the node lease's connection");
        }
    }

    @Override
    public synchronized void release() {
        if (number == null || released) {
            return;
        }
        released = true;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement stop = connection.prepareStatement(
                     "update benchmark_nodes set stopped_at = now() where number = ?")) {
            stop.setInt(1, number);
            stop.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("could not mark node {} stopped; its lease ends with its session: {}", number, e.getMessage());
        }
        // unlocking ends the lease at once; closing the session would too, but the pool closes evicted connections
        // in the background, and other nodes would see the lease held a moment longer
        unlock();
        discardSession();
    }

    private void unlock() {
        if (session == null) {
            return;
        }
        try (PreparedStatement unlock = session.prepareStatement("select pg_advisory_unlock(?, ?)")) {
            unlock.setInt(1, LOCK_CLASS);
            unlock.setInt(2, number);
            unlock.execute();
        } catch (SQLException e) {
            LOG.debug("could not unlock the lease of node {}; it ends with its session: {}", number, e.getMessage());
        }
    }

    @Override
    public List<OrphanedRun> orphanedRuns(Duration grace) {
        String interval = grace.toMillis() + " milliseconds";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(ORPHANED_RUNS)) {
            select.setInt(1, LOCK_CLASS);
            select.setString(2, interval);
            select.setString(3, interval);
            List<OrphanedRun> orphans = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    orphans.add(new OrphanedRun(RunId.of(result.getLong(1)), result.getString(2)));
                }
            }
            return orphans;
        } catch (SQLException e) {
            throw new IllegalStateException("could not look for runs of gone nodes: " + e.getMessage(), e);
        }
    }
}

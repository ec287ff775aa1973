package dev.queuebench.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuebench.domain.BackendId;
import dev.queuebench.domain.BenchmarkRun;
import dev.queuebench.domain.JobDelay;
import dev.queuebench.domain.JobsCount;
import dev.queuebench.domain.NodeId;
import dev.queuebench.domain.RunSpec;
import dev.queuebench.domain.SchedulingMode;
import dev.queuebench.persistence.postgres.PostgresNodeLeases;
import dev.queuebench.ports.out.NodeLeasePort.OrphanedRun;
import dev.queuebench.ports.out.SaveRunPort;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Node leases against a real PostgreSQL: sessions are terminated as a crash or a failover would. */
class PostgresNodeLeasesTest {

    private static final PersistenceFixture FIXTURE = new PersistenceFixture();
    private static final Duration GRACE = Duration.ofMillis(800);

    private final SaveRunPort save = FIXTURE.persistence.saveRuns();

    @AfterAll
    static void close() {
        FIXTURE.close();
    }

    private static NodeId newNode() {
        return NodeId.of("test/" + UUID.randomUUID());
    }

    private PostgresNodeLeases registered(NodeId node) {
        PostgresNodeLeases leases = new PostgresNodeLeases(FIXTURE.database.dataSource());
        leases.register(node);
        return leases;
    }

    private BenchmarkRun runOwnedBy(NodeId node) {
        BenchmarkRun run = BenchmarkRun.create(save.nextRunId(), new RunSpec(BackendId.of("db-scheduler"),
                JobsCount.of(10), SchedulingMode.ONE_BY_ONE, JobDelay.DEFAULT), Instant.now());
        save.insertRun(run, node);
        return run;
    }

    private static boolean isOrphan(BenchmarkRun run, PostgresNodeLeases observer) {
        return observer.orphanedRuns(GRACE).stream().map(OrphanedRun::runId).anyMatch(run.id()::equals);
    }

    @Test
    void the_runs_of_a_live_node_are_not_orphans_however_long_they_wait() throws InterruptedException {
        NodeId node = newNode();
        PostgresNodeLeases leases = registered(node);
        BenchmarkRun run = runOwnedBy(node);

        Thread.sleep(GRACE.toMillis() * 2);

        assertThat(isOrphan(run, leases)).isFalse();
        leases.release();
    }

    @Test
    void the_runs_of_a_node_whose_session_ended_for_good_are_orphans_after_the_grace_period() throws Exception {
        NodeId node = newNode();
        PostgresNodeLeases killed = registered(node);
        PostgresNodeLeases observer = registered(newNode());
        BenchmarkRun run = runOwnedBy(node);

        terminateLeaseSessionOf(node);
        assertThat(isOrphan(run, observer)).as("within the grace period").isFalse();
        Thread.sleep(GRACE.toMillis() + 200);

        assertThat(observer.orphanedRuns(GRACE)).filteredOn(orphan -> orphan.runId().equals(run.id()))
                .singleElement().extracting(OrphanedRun::owner).isEqualTo(node.value());
        observer.release();
        killed.release();
    }

    @Test
    void a_node_whose_session_was_terminated_takes_its_lease_again_at_its_next_heartbeat() throws Exception {
        NodeId node = newNode();
        PostgresNodeLeases leases = registered(node);
        BenchmarkRun run = runOwnedBy(node);
        terminateLeaseSessionOf(node);

        // the first heartbeat after the drop may find its session dead; the one after takes the lease again
        for (int beat = 0; beat < 3 && !holdsLease(node); beat++) {
            try {
                leases.heartbeat();
            } catch (IllegalStateException dropped) {
                // a dropped connection is what the heartbeat exists to survive
            }
        }
        Thread.sleep(GRACE.toMillis() + 200);
        leases.heartbeat();

        assertThat(holdsLease(node)).isTrue();
        assertThat(isOrphan(run, leases)).isFalse();
        leases.release();
    }

    @Test
    void the_runs_of_a_node_that_stopped_are_orphans_at_once() {
        NodeId node = newNode();
        PostgresNodeLeases leases = registered(node);
        BenchmarkRun run = runOwnedBy(node);

        leases.release();

        PostgresNodeLeases observer = registered(newNode());
        assertThat(isOrphan(run, observer)).isTrue();
        observer.release();
    }

    @Test
    void runs_created_before_nodes_existed_have_no_owner_and_are_orphans() throws SQLException {
        BenchmarkRun run = runOwnedBy(newNode());
        try (Connection connection = FIXTURE.database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("update benchmark_runs set owner_node = null where id = " + run.id());
        }
        PostgresNodeLeases observer = registered(newNode());

        assertThat(observer.orphanedRuns(GRACE)).filteredOn(orphan -> orphan.runId().equals(run.id()))
                .singleElement().extracting(OrphanedRun::owner).isEqualTo("an earlier version of Queue Bench");
        observer.release();
    }

    private static void terminateLeaseSessionOf(NodeId node) throws SQLException {
        try (Connection connection = FIXTURE.database.dataSource().getConnection();
             PreparedStatement terminate = connection.prepareStatement("select pg_terminate_backend(l.pid)"
                     + " from pg_locks l join benchmark_nodes n on l.objid = n.number::oid"
                     + " where l.locktype = 'advisory' and l.classid = ?::oid and l.objsubid = 2 and n.node_id = ?")) {
            terminate.setInt(1, PostgresNodeLeases.LOCK_CLASS);
            terminate.setString(2, node.value());
            try (ResultSet result = terminate.executeQuery()) {
                assertThat(result.next()).as("the node held its lease").isTrue();
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (holdsLease(node) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    private static boolean holdsLease(NodeId node) throws SQLException {
        try (Connection connection = FIXTURE.database.dataSource().getConnection();
             PreparedStatement held = connection.prepareStatement("select exists (select 1 from pg_locks l"
                     + " join benchmark_nodes n on l.objid = n.number::oid where l.locktype = 'advisory'"
                     + " and l.classid = ?::oid and l.objsubid = 2 and l.granted and n.node_id = ?)")) {
            held.setInt(1, PostgresNodeLeases.LOCK_CLASS);
            held.setString(2, node.value());
            try (ResultSet result = held.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }
}

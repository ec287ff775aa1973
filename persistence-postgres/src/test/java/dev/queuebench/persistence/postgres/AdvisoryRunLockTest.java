package dev.queuebench.persistence.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuebench.ports.out.RunLockPort;
import dev.queuebench.ports.out.RunLockPort.RunLock;
import dev.queuebench.testing.TestPostgres;
import dev.queuebench.testing.TestPostgres.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class AdvisoryRunLockTest {

    private static final TestDatabase DATABASE = TestPostgres.newDatabase();

    private final RunLockPort lock = new AdvisoryRunLock(DATABASE.dataSource(), AdvisoryRunLock.DEFAULT_KEY);

    @AfterAll
    static void close() {
        DATABASE.close();
    }

    @Test
    void the_lock_is_held_until_closed_and_a_second_taker_gives_up_after_its_wait() throws SQLException {
        try (RunLock held = lock.tryAcquire(Duration.ofSeconds(1)).orElseThrow()) {
            assertThat(advisoryLocksHeldOnKeyZero()).isEqualTo(1);

            long start = System.nanoTime();
            Optional<RunLock> second = lock.tryAcquire(Duration.ofMillis(300));
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;

            assertThat(second).isEmpty();
            assertThat(waitedMillis).isGreaterThanOrEqualTo(250);
        }
        assertThat(advisoryLocksHeldOnKeyZero()).isZero();
        try (RunLock again = lock.tryAcquire(Duration.ZERO).orElseThrow()) {
            assertThat(again).isNotNull();
        }
    }

    @Test
    void a_lock_is_had_at_once_without_waiting_when_free() {
        try (RunLock held = lock.tryAcquire(Duration.ZERO).orElseThrow()) {
            assertThat(lock.tryAcquire(Duration.ZERO)).isEmpty();
        }
    }

    @Test
    void closing_twice_releases_once() throws SQLException {
        RunLock held = lock.tryAcquire(Duration.ofSeconds(1)).orElseThrow();
        held.close();
        held.close();
        assertThat(advisoryLocksHeldOnKeyZero()).isZero();
    }

    @Test
    void a_waiting_taker_gets_the_lock_when_the_holder_releases_it() throws Exception {
        RunLock held = lock.tryAcquire(Duration.ZERO).orElseThrow();
        Thread releaser = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            held.close();
        });
        releaser.start();

        try (RunLock next = lock.tryAcquire(Duration.ofSeconds(5)).orElseThrow()) {
            assertThat(next).isNotNull();
        }
        releaser.join();
    }

    @Test
    void a_lock_lost_with_its_session_is_taken_again_on_a_new_one() throws SQLException {
        try (RunLock held = lock.tryAcquire(Duration.ZERO).orElseThrow()) {
            assertThat(held.reacquireIfLost(Duration.ofSeconds(1))).as("nothing lost yet").isTrue();
            terminateTheSessionHoldingKeyZero();
            assertThat(advisoryLocksHeldOnKeyZero()).isZero();

            assertThat(held.reacquireIfLost(Duration.ofSeconds(1))).isTrue();

            assertThat(advisoryLocksHeldOnKeyZero()).isEqualTo(1);
        }
        assertThat(advisoryLocksHeldOnKeyZero()).isZero();
    }

    @Test
    void a_lost_lock_that_someone_else_took_meanwhile_is_not_had_again_in_time() throws SQLException {
        RunLock held = lock.tryAcquire(Duration.ZERO).orElseThrow();
        terminateTheSessionHoldingKeyZero();
        try (RunLock other = lock.tryAcquire(Duration.ofSeconds(1)).orElseThrow()) {
            assertThat(held.reacquireIfLost(Duration.ofMillis(200))).isFalse();
        }
        held.close();
        assertThat(advisoryLocksHeldOnKeyZero()).isZero();
    }

    private static void terminateTheSessionHoldingKeyZero() throws SQLException {
        try (Connection connection = DATABASE.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement("select pg_terminate_backend(pid)"
                     + " from pg_locks where locktype = 'advisory' and objid = 0 and objsubid = 1 and granted"
                     + " and database = (select oid from pg_database where datname = current_database())");
             ResultSet result = statement.executeQuery()) {
            assertThat(result.next()).as("a session held key 0").isTrue();
        }
        // pg_terminate_backend signals; the session is gone a moment later
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (advisoryLocksHeldOnKeyZero() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    private static int advisoryLocksHeldOnKeyZero() throws SQLException {
        try (Connection connection = DATABASE.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement("select count(*) from pg_locks"
                     + " where locktype = 'advisory' and objid = 0 and granted and database = "
                     + "(select oid from pg_database where datname = current_database())");
             ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getInt(1);
        }
    }
}

package dev.queuebench.ports.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class TransientFailuresTest {

    @Test
    void a_terminated_session_wrapped_by_a_library_is_transient() {
        SQLException terminated = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
        assertThat(TransientFailures.isTransient(new RuntimeException("could not save", terminated))).isTrue();
    }

    @Test
    void a_lost_connection_and_a_server_that_is_starting_up_are_transient() {
        assertThat(TransientFailures.isTransient(new SQLException("I/O error", "08006"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("the database system is starting up", "57P03")))
                .isTrue();
        assertThat(TransientFailures.isTransient(new IllegalStateException(new ConnectException("refused")))).isTrue();
    }

    @Test
    void a_terminated_session_kept_as_a_suppressed_exception_of_a_failed_rollback_is_transient() {
        // what db-scheduler throws when pg_terminate_backend ends the session of an insert
        RuntimeException rollback = new RuntimeException("Failed to rollback.", new SQLException("Connection is closed"));
        rollback.addSuppressed(new RuntimeException(new SQLException("FATAL: terminating connection", "57P01")));

        assertThat(TransientFailures.isTransient(new IllegalStateException("Failed to add new execution.", rollback)))
                .isTrue();
    }

    @Test
    void a_pool_that_cannot_hand_out_a_connection_in_time_is_transient() {
        assertThat(TransientFailures.isTransient(new SQLTransientConnectionException("qb-core - timed out"))).isTrue();
    }

    @Test
    void a_constraint_violation_or_a_bug_is_not() {
        assertThat(TransientFailures.isTransient(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalStateException("a bug"))).isFalse();
        assertThat(TransientFailures.isTransient(new SQLException("no state"))).isFalse();
    }
}

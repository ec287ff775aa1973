package dev.queuebench.ports.spi;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells a database that is briefly unreachable from a real error. Every backend and store here talks to PostgreSQL
 * through JDBC, so whatever a library wraps it in, the causes hold the driver's {@link SQLException}; its SQLSTATE says
 * whether trying again can help. Libraries do not always put it in the cause chain: db-scheduler, whose rollback fails
 * on the dead connection too, reports "Connection is closed" and keeps the driver's error as a suppressed exception.
 * So the causes, their suppressed exceptions and chained SQL exceptions are all looked at.
 */
public final class TransientFailures {

    /**
     * SQLSTATEs that mean "the connection or the server went away, try again": class 08 (connection exception),
     * 57P01 admin_shutdown ({@code pg_terminate_backend}, a fast shutdown), 57P02 crash_shutdown, 57P03
     * cannot_connect_now (starting up), 53300 too_many_connections, and the two a retry resolves by design: 40001
     * serialization_failure and 40P01 deadlock_detected.
     */
    private static final Set<String> TRANSIENT_STATES = Set.of("57P01", "57P02", "57P03", "53300", "40001", "40P01");
    private static final int MAX_DEPTH = 32;

    private TransientFailures() {
    }

    /** Whether any cause of the failure says the database was unreachable for the moment. */
    public static boolean isTransient(Throwable failure) {
        return isTransient(failure, 0);
    }

    private static boolean isTransient(Throwable failure, int depth) {
        Throwable cause = failure;
        for (; cause != null && depth < MAX_DEPTH; depth++) {
            if (isTransientItself(cause)) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getNextException() != null
                    && isTransientItself(sql.getNextException())) {
                return true;
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                if (isTransient(suppressed, depth + 1)) {
                    return true;
                }
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return false;
    }

    private static boolean isTransientItself(Throwable cause) {
        if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException) {
            return true;
        }
        if (cause instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.startsWith("08") || TRANSIENT_STATES.contains(state);
        }
        return cause instanceof ConnectException || cause instanceof SocketException
                || cause instanceof SocketTimeoutException || cause instanceof EOFException;
    }
}

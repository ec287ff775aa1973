package dev.queuebench.ports.out;

import java.time.Duration;
import java.util.Optional;

/** The global run lock: at most one run schedules at a time, across every process sharing the database. */
public interface RunLockPort {

    /**
     * Waits at most {@code maxWait} for the lock.
     *
     * @return the held lock, to be closed on every path; empty when it could not be had in time
     */
    Optional<RunLock> tryAcquire(Duration maxWait);

    /** A held run lock. Closing releases it; closing twice does nothing. */
    interface RunLock extends AutoCloseable {

        /**
         * Takes the lock again if it was lost with its session (a dropped connection, a restarted server), waiting at
         * most {@code maxWait}.
         *
         * @return whether the lock is held now
         */
        boolean reacquireIfLost(Duration maxWait);

        @Override
        void close();
    }
}

package dev.queuebench.ports.out;

import dev.queuebench.domain.BackendId;

/** What fault injection does to the database: what a failover or a restart does to a real one. */
public interface DatabaseControlPort {

    /** A database that cannot be touched: every fault on it fails with why. */
    DatabaseControlPort NONE = new DatabaseControlPort() {
        @Override
        public int dropConnections(BackendId backend) {
            throw new IllegalStateException("this program cannot terminate the database's sessions");
        }

        @Override
        public void restart() {
            throw new IllegalStateException("this program cannot restart the database");
        }
    };

    /**
     * Terminates ({@code pg_terminate_backend}) every session of the backend's pools, on every node of the database,
     * idle ones and ones in the middle of a statement.
     *
     * @return how many sessions were terminated
     * @throws IllegalStateException when the server does not answer
     */
    int dropConnections(BackendId backend);

    /**
     * Stops the database and starts it again on the same data and port; every node's connections break meanwhile.
     *
     * @throws IllegalStateException for a database that is not this program's to restart
     */
    void restart();
}

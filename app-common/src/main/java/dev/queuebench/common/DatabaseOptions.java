package dev.queuebench.common;

import dev.queuebench.ports.in.BackendSetup;
import dev.queuebench.ports.in.BenchmarkSettings;
import dev.queuebench.ports.spi.BackendSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where the database is: the embedded default under {@code QB_HOME}, or any PostgreSQL by JDBC URL. */
public final class DatabaseOptions {

    @Option(names = "--jdbc-url", defaultValue = "${env:QB_JDBC_URL}", paramLabel = "URL",
            description = "PostgreSQL to use instead of the embedded one, e.g. jdbc:postgresql://localhost:5432/bench"
                    + " (env QB_JDBC_URL).")
    String jdbcUrl;

    @Option(names = "--db-user", defaultValue = "${env:QB_DB_USER}", paramLabel = "USER",
            description = "Database user (env QB_DB_USER).")
    String user;

    @Option(names = "--db-password", defaultValue = "${env:QB_DB_PASSWORD}", paramLabel = "PASSWORD",
            description = "Database password (env QB_DB_PASSWORD).")
    String password;

    @Option(names = "--db-pool-size", paramLabel = "N",
            description = {"Connections of each backend's pool, 1 to " + BenchmarkSettings.MAX_POOL_SIZE + " (default:"
                    + " what the backend needs with its threads: its workers, the library's own threads and Queue",
                    "Bench's enqueuers, as `backends` lists). Fewer than it needs is refused, unless --allow-small-pool."})
    Integer backendPoolSize;

    @Option(names = "--allow-small-pool",
            description = "Run with a --db-pool-size below what the backend needs, on purpose (the report says so).")
    boolean allowSmallPool;

    public boolean embedded() {
        return jdbcUrl == null || jdbcUrl.isBlank();
    }

    /**
     * Each backend's pool as the user sized it; empty to size each from what it needs.
     *
     * @throws BadInputException for a size out of range
     */
    public OptionalInt backendPoolSize() {
        if (backendPoolSize == null) {
            return OptionalInt.empty();
        }
        BadInputException.check(() -> BenchmarkSettings.defaults().withBackendPoolSize(backendPoolSize));
        return OptionalInt.of(backendPoolSize);
    }

    /**
     * The core's settings with the user's pool size, if any.
     *
     * @throws BadInputException for a pool size out of range
     */
    public BenchmarkSettings applyTo(BenchmarkSettings settings) {
        return backendPoolSize == null ? settings
                : BadInputException.check(() -> settings.withBackendPoolSize(backendPoolSize));
    }

    /**
     * Refuses a backend's pool that holds fewer connections than it needs, unless the user allowed it on purpose.
     *
     * @throws BadInputException saying what it needs, and how to ask for it anyway
     */
    public void requireEnoughConnections(BackendSetup setup) {
        if (setup.poolShort() && !allowSmallPool) {
            throw new BadInputException("--db-pool-size " + setup.pool() + " is below the " + setup.poolNeeded()
                    + " connections " + setup.backend() + " needs with " + setup.knobs().get(BackendSettings.THREADS)
                    + " threads (its workers, its library's own threads and Queue Bench's enqueuers): leave it out to"
                    + " size the pool from the threads, or add --allow-small-pool to run short of connections on"
                    + " purpose");
        }
    }

    /** The pool options, for another Queue Bench process on this database ({@code --nodes}). */
    public List<String> poolArguments() {
        List<String> arguments = new ArrayList<>();
        if (backendPoolSize != null) {
            arguments.addAll(List.of("--db-pool-size", Integer.toString(backendPoolSize)));
        }
        if (allowSmallPool) {
            arguments.add("--allow-small-pool");
        }
        return arguments;
    }

    /**
     * Points another Queue Bench process at this database through its environment, where credentials stay off a
     * command line that every user of the machine can read: the variables above, or none of them for the embedded
     * default (which the other process then joins).
     */
    public void passTo(Map<String, String> environment) {
        environment.keySet().removeAll(List.of("QB_JDBC_URL", "QB_DB_USER", "QB_DB_PASSWORD"));
        if (embedded()) {
            return;
        }
        environment.put("QB_JDBC_URL", jdbcUrl);
        if (user != null) {
            environment.put("QB_DB_USER", user);
        }
        if (password != null) {
            environment.put("QB_DB_PASSWORD", password);
        }
    }

    /** Where the embedded database and the logs live: {@code QB_HOME}, or {@code ~/.queue-bench}. */
    public static Path home() {
        String home = System.getenv("QB_HOME");
        return home == null || home.isBlank()
                ? Path.of(System.getProperty("user.home"), ".queue-bench")
                : Path.of(home);
    }
}

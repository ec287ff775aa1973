package dev.queuebench.common;

import java.nio.file.Path;
import java.util.List;
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

    @Option(names = "--db-pool-size", defaultValue = "30", paramLabel = "N",
            description = "Connections per backend pool (default: ${DEFAULT-VALUE}).")
    int backendPoolSize;

    public boolean embedded() {
        return jdbcUrl == null || jdbcUrl.isBlank();
    }

    public int backendPoolSize() {
        return backendPoolSize;
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

package dev.queuebench.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * The PostgreSQL server SQL tests run against, one per JVM, chosen once:
 * <ol>
 *   <li>{@code QB_TEST_JDBC_URL} (user {@code QB_TEST_DB_USER}, password {@code QB_TEST_DB_PASSWORD}) when set: an
 *       external server on which the tests may create databases;</li>
 *   <li>otherwise a Testcontainers PostgreSQL when a Docker engine answers;</li>
 *   <li>otherwise an embedded PostgreSQL (io.zonky), which needs nothing but this JVM.</li>
 * </ol>
 * Each {@link #newDatabase()} is a fresh, empty database on that server, dropped on close. Tests that need SQL
 * never skip: when no server can be had, they fail.
 */
public final class TestPostgres {

    private static final Pattern JDBC_URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(\\?.*)?");

    private static Server server;

    private TestPostgres() {
    }

    /** A fresh, empty database; close it to drop it. */
    public static TestDatabase newDatabase() {
        return create("");
    }

    private static TestDatabase create(String template) {
        Server current = server();
        String name = "qb_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(current, "CREATE DATABASE " + name + template);
        Matcher matcher = JDBC_URL.matcher(current.adminUrl);
        if (!matcher.matches()) {
            throw new IllegalStateException("not a PostgreSQL JDBC URL: " + current.adminUrl);
        }
        String url = matcher.group(1) + name + (matcher.group(3) == null ? "" : matcher.group(3));
        return new TestDatabase(name, url, current.user, current.password, () -> dropDatabase(current, name));
    }

    /** Which server the tests use, for test output. */
    public static String description() {
        return server().description;
    }

    private static synchronized Server server() {
        if (server == null) {
            server = startServer();
        }
        return server;
    }

    private static Server startServer() {
        String externalUrl = System.getenv("QB_TEST_JDBC_URL");
        if (externalUrl != null && !externalUrl.isBlank()) {
            String user = envOr("QB_TEST_DB_USER", "postgres");
            String password = envOr("QB_TEST_DB_PASSWORD", "");
            return new Server(externalUrl, user, password, "external PostgreSQL at " + externalUrl);
        }
        if (dockerAnswers()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:18-alpine")
                    .withCommand("postgres", "-c", "fsync=off",
                            "-c", "shared_preload_libraries=pg_stat_statements");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "qb-test-postgres-stop"));
            return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    "Testcontainers " + container.getDockerImageName());
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    // as the project's embedded server: a run can name the statements that took its time
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track_utility", "off")
                    .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the server's temporary directory goes with it
                }
            }, "qb-test-postgres-stop"));
            return new Server(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "",
                    "embedded PostgreSQL on port " + embedded.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start an embedded PostgreSQL for the tests", e);
        }
    }

    private static boolean dockerAnswers() {
        boolean configured = System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
        if (!configured) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void dropDatabase(Server current, String name) {
        execute(current, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(Server current, String sql) {
        try (Connection connection = DriverManager.getConnection(current.adminUrl, current.user, current.password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("'" + sql + "' failed on " + current.description + ": " + e.getMessage(), e);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private record Server(String adminUrl, String user, String password, String description) {
    }

    /** A database of its own for one test class, or one test. */
    public static final class TestDatabase implements AutoCloseable {

        private final String name;
        private final String jdbcUrl;
        private final String user;
        private final String password;
        private final Runnable drop;
        private HikariDataSource dataSource;

        private TestDatabase(String name, String jdbcUrl, String user, String password, Runnable drop) {
            this.name = name;
            this.jdbcUrl = jdbcUrl;
            this.user = user;
            this.password = password;
            this.drop = drop;
        }

        public String name() {
            return name;
        }

        public String jdbcUrl() {
            return jdbcUrl;
        }

        public String user() {
            return user;
        }

        public String password() {
            return password;
        }

        /** A pooled data source on this database, created on first use and closed with it. */
        public synchronized HikariDataSource dataSource() {
            if (dataSource == null) {
                HikariConfig config = new HikariConfig();
                config.setJdbcUrl(jdbcUrl);
                config.setUsername(user);
                config.setPassword(password);
                config.setMaximumPoolSize(30);
                config.setPoolName("test-" + name.toLowerCase(Locale.ROOT));
                dataSource = new HikariDataSource(config);
            }
            return dataSource;
        }

        /**
         * A new database with this one's tables and rows, copied by PostgreSQL ({@code CREATE DATABASE ... TEMPLATE}):
         * this database's own connections are closed first, as a template may have none.
         */
        public synchronized TestDatabase copy() {
            if (dataSource != null) {
                dataSource.close();
                dataSource = null;
            }
            return create(" TEMPLATE " + name);
        }

        @Override
        public synchronized void close() {
            if (dataSource != null) {
                dataSource.close();
            }
            drop.run();
        }
    }
}

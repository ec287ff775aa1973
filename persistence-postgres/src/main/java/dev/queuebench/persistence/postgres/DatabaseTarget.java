package dev.queuebench.persistence.postgres;

import java.util.Objects;

/**
 * Where Queue Bench's PostgreSQL is: a JDBC URL with credentials, and whether it is the embedded server.
 */
public record DatabaseTarget(String jdbcUrl, String user, String password, boolean embedded) {

    public DatabaseTarget {
        Objects.requireNonNull(jdbcUrl, "JDBC URL is required");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("the JDBC URL must start with jdbc:postgresql:, was '" + jdbcUrl + "'");
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    public static DatabaseTarget external(String jdbcUrl, String user, String password) {
        return new DatabaseTarget(jdbcUrl, user, password, false);
    }

    /** The URL without its query string, which may hold credentials. */
    public String displayUrl() {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }
}

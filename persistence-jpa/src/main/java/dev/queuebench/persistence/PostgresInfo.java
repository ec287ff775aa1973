package dev.queuebench.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** What the server says about itself: its version, and the settings that move benchmark results. */
public final class PostgresInfo {

    /** The settings that change how fast commits and scans are, and how many sessions may run. */
    public static final List<String> SETTINGS_THAT_MOVE_RESULTS =
            List.of("synchronous_commit", "fsync", "shared_buffers", "max_connections", "wal_level", "work_mem");

    private final DataSource dataSource;

    public PostgresInfo(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** E.g. {@code PostgreSQL 18.6 on x86_64-pc-linux-gnu, ...}; throws when the server cannot be reached. */
    public String version() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select version()")) {
            result.next();
            return result.getString(1);
        }
    }

    /** The current values of {@link #SETTINGS_THAT_MOVE_RESULTS}, with their units. */
    public Map<String, String> settings() throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select name, current_setting(name) from pg_settings where name = any (?)")) {
            statement.setArray(1, connection.createArrayOf("text", SETTINGS_THAT_MOVE_RESULTS.toArray()));
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    settings.put(result.getString(1), result.getString(2));
                }
            }
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        SETTINGS_THAT_MOVE_RESULTS.forEach(name -> {
            if (settings.containsKey(name)) {
                ordered.put(name, settings.get(name));
            }
        });
        return ordered;
    }
}

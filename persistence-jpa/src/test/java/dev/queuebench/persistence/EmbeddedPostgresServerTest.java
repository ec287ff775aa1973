package dev.queuebench.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    @TempDir
    Path home;

    @Test
    void the_embedded_server_keeps_its_data_across_restarts_and_a_second_user_joins_it() throws SQLException {
        try (EmbeddedPostgresServer owner = EmbeddedPostgresServer.startOrJoin(home)) {
            assertThat(owner.ownsServer()).isTrue();
            assertThat(owner.target().embedded()).isTrue();
            execute(owner.target(), "create table kept (value int); insert into kept values (42)");
            assertThat(query(owner.target(), "show fsync")).isEqualTo("on");
            assertThat(query(owner.target(), "show synchronous_commit")).isEqualTo("on");

            try (EmbeddedPostgresServer joiner = EmbeddedPostgresServer.startOrJoin(home)) {
                assertThat(joiner.ownsServer()).isFalse();
                assertThat(joiner.target().jdbcUrl()).isEqualTo(owner.target().jdbcUrl());
            }
            assertThat(query(owner.target(), "select value from kept")).isEqualTo("42");
        }

        try (EmbeddedPostgresServer restarted = EmbeddedPostgresServer.startOrJoin(home)) {
            assertThat(restarted.ownsServer()).isTrue();
            assertThat(query(restarted.target(), "select value from kept")).isEqualTo("42");
            assertThat(restarted.dataDirectory()).isEqualTo(home.resolve("pgdata-18"));
        }
    }

    private static void execute(DatabaseTarget target, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String query(DatabaseTarget target, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}

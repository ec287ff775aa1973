package dev.queuebench.persistence.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
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

    @Test
    void the_server_lives_while_another_process_uses_it_and_the_last_user_stops_it() throws Exception {
        DatabaseTarget target;
        Process joiner;
        try (EmbeddedPostgresServer owner = EmbeddedPostgresServer.startOrJoin(home)) {
            target = owner.target();
            joiner = startUser("joined");
        }

        try {
            assertThat(query(target, "select 'still serving'")).as("the owner closed; the joiner still uses the server")
                    .isEqualTo("still serving");

            joiner.getOutputStream().close();
            assertThat(joiner.waitFor(90, TimeUnit.SECONDS)).isTrue();
        } finally {
            joiner.destroyForcibly();
        }
        assertThatThrownBy(() -> query(target, "select 1")).as("the last user stopped the server")
                .isInstanceOf(SQLException.class);
    }

    @Test
    void a_server_whose_only_user_was_killed_is_started_again_by_the_next() throws Exception {
        Process starter = startUser("started");
        starter.destroyForcibly();
        assertThat(starter.waitFor(30, TimeUnit.SECONDS)).isTrue();

        try (EmbeddedPostgresServer next = EmbeddedPostgresServer.startOrJoin(home)) {
            assertThat(next.ownsServer()).as("a server nobody uses is not joined").isTrue();
            assertThat(query(next.target(), "select 'serving'")).isEqualTo("serving");
        }
    }

    /** Starts {@link EmbeddedServerUser} on this home and waits until it uses the server. */
    private Process startUser(String how) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EmbeddedServerUser.class.getName(), home.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            String line;
            while ((line = out.readLine()) != null && System.nanoTime() < deadline) {
                if (line.startsWith(EmbeddedServerUser.USING)) {
                    assertThat(line).isEqualTo(EmbeddedServerUser.USING + " " + how);
                    Thread drain = new Thread(() -> out.lines().forEach(ignored -> { }));
                    drain.setDaemon(true);
                    drain.start();
                    return process;
                }
            }
            throw new AssertionError("the other process did not use the server");
        } catch (IOException | RuntimeException | Error e) {
            process.destroyForcibly(); // a process this test started ends whatever happens
            throw e;
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

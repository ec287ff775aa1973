package dev.queuebench.dist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.queuebench.testing.TestPostgres.TestDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs the CLI in this JVM against a test database, capturing what it prints. */
final class CliRunner {

    record Result(int exitCode, String out, String err) {

        JsonNode json() {
            try {
                return new ObjectMapper().readTree(out);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + out + "\nstderr: " + err, e);
            }
        }
    }

    private final TestDatabase database;

    CliRunner(TestDatabase database) {
        this.database = database;
    }

    /** Runs a command with this database's options appended (none for commands without a database). */
    Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!args[0].equals("backends")) {
            all.addAll(List.of("--jdbc-url", database.jdbcUrl(), "--db-user", database.user(),
                    "--db-password=" + database.password()));
        }
        return runExactly(all.toArray(String[]::new));
    }

    static Result runExactly(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = QueueBenchMain.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }
}

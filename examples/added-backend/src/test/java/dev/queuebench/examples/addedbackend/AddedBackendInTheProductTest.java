package dev.queuebench.examples.addedbackend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.queuebench.testing.TestPostgres;
import dev.queuebench.testing.TestPostgres.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A backend added as a module is a backend of the product: the CLI, with this module on its classpath, lists it with
 * the shipped ones and compares it with them; and the repository outside this module does not know it.
 */
class AddedBackendInTheProductTest {

    /** This module's directory, from the repository's root. */
    private static final String MODULE = "examples/added-backend";
    /** Where code, build and test files live; documentation may point at this module, code may not. */
    private static final Set<String> CHECKED = Set.of(".java", ".xml", ".properties", ".yml", ".yaml", ".sh", ".jte",
            ".js", ".html", ".sql", ".toml");

    @Test
    @Timeout(60)
    void the_cli_lists_it_beside_the_shipped_backends() throws Exception {
        Finished backends = queueBench("backends", "--format", "json");

        List<String> ids = new ArrayList<>();
        backends.json().forEach(backend -> ids.add(backend.get("id").asText()));
        assertThat(ids).contains(AddedBackendProvider.ID.value(), "postgres").hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    @Timeout(300)
    void compare_runs_it_beside_the_reference_queue_to_every_job_once() throws Exception {
        try (TestDatabase database = TestPostgres.newDatabase()) {
            Finished compare = queueBench("compare", "--backends", AddedBackendProvider.ID.value() + ",postgres",
                    "--jobs", "300", "--delay", "0s", "--format", "json",
                    "--jdbc-url", database.jdbcUrl(), "--db-user", database.user(),
                    "--db-password=" + database.password());

            JsonNode compared = compare.json();
            assertThat(compared).hasSize(2);
            assertThat(compared.get(0).get("backend").asText()).isEqualTo(AddedBackendProvider.ID.value());
            assertThat(compared.get(1).get("backend").asText()).isEqualTo("postgres");
            for (JsonNode backend : compared) {
                JsonNode run = backend.get("trials").get(0);
                assertThat(run.get("status").asText()).as(backend.get("backend").asText()).isEqualTo("finished");
                assertThat(run.get("completed_jobs").asInt()).isEqualTo(300);
                assertThat(run.get("duplicate_executions").asInt()).isZero();
            }
        }
    }

    /** What a command printed, having exited with 0. */
    private record Finished(String out) {
        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(out);
        }
    }

    /**
     * Runs {@code queue-bench args...} in a JVM of its own, its classpath this module's tests' (the CLI, the shipped
     * backends and this one): how a backend's jar joins the others.
     */
    private static Finished queueBench(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), QueueBenchCommandLine.class.getName()));
        command.addAll(List.of(args));
        Path home = Files.createTempDirectory("qb-added-backend");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(home.resolve("out.txt").toFile())
                .redirectError(home.resolve("err.txt").toFile());
        builder.environment().put("QB_HOME", home.toString());
        Process process = builder.start();
        try {
            assertThat(process.waitFor(240, TimeUnit.SECONDS)).as("queue-bench ended within 240 s").isTrue();
            assertThat(process.exitValue()).as(Files.readString(home.resolve("err.txt"))).isZero();
            return new Finished(Files.readString(home.resolve("out.txt")));
        } finally {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void no_code_build_or_test_file_outside_this_module_names_it_but_the_root_poms_module_line() throws IOException {
        Path module = Path.of("").toAbsolutePath();
        Path root = module.getParent().getParent();
        assertThat(root.resolve(MODULE)).as("run from the module's directory, as Maven does").isEqualTo(module);
        List<String> names = List.of(AddedBackendProvider.ID.value(), AddedBackendProvider.class.getPackageName(),
                "example-added-backend", MODULE);

        List<String> mentions = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile)
                    .filter(file -> !file.startsWith(module))
                    .filter(file -> noneOf(root.relativize(file), "target", ".git", ".mvn", "node_modules"))
                    .filter(file -> CHECKED.stream().anyMatch(file.toString()::endsWith)
                            || file.toString().contains("META-INF/services") || file.endsWith(".ci/run"))
                    .forEach(file -> {
                        try {
                            List<String> lines = Files.readAllLines(file);
                            for (int i = 0; i < lines.size(); i++) {
                                String line = lines.get(i);
                                if (names.stream().anyMatch(line::contains)) {
                                    mentions.add(root.relativize(file) + ":" + (i + 1) + ": " + line.strip());
                                }
                            }
                        } catch (IOException e) {
                            // not text: no line names it
                        }
                    });
        }

        assertThat(mentions).as("outside " + MODULE)
                .containsExactly("pom.xml:" + rootPomModuleLine(root) + ": <module>" + MODULE + "</module>");
    }

    private static boolean noneOf(Path relative, String... directories) {
        for (Path part : relative) {
            for (String directory : directories) {
                if (part.toString().equals(directory)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int rootPomModuleLine(Path root) throws IOException {
        List<String> lines = Files.readAllLines(root.resolve("pom.xml"));
        return lines.indexOf("    <module>" + MODULE + "</module>") + 1;
    }
}

package dev.queuebench.examples.addedbackend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.queuebench.core.QueueBench;
import dev.queuebench.dist.QueueBenchMain;
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
 * A backend added as a module is a backend of the product: the distribution finds it with the shipped ones and
 * compares it with them, and the repository outside this module does not know it.
 */
class AddedBackendInTheProductTest {

    /** This module's directory, from the repository's root. */
    private static final String MODULE = "examples/added-backend";
    /** Where code, build and test files live; documentation may point at this module, code may not. */
    private static final Set<String> CHECKED = Set.of(".java", ".xml", ".properties", ".yml", ".yaml", ".sh", ".jte",
            ".js", ".html", ".sql", ".toml");

    @Test
    void the_distribution_finds_it_beside_the_shipped_backends() {
        List<String> ids = QueueBench.availableBackends().stream()
                .map(backend -> backend.descriptor().id().value()).toList();

        assertThat(ids).contains(AddedBackendProvider.ID.value()).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    @Timeout(300)
    void compare_runs_it_beside_the_reference_queue_to_every_job_once() throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), QueueBenchMain.class.getName(),
                "compare", "--backends", AddedBackendProvider.ID.value() + ",postgres", "--jobs", "300",
                "--delay", "0s", "--format", "json"));
        Path home = Files.createTempDirectory("qb-added-backend");
        try (TestDatabase database = TestPostgres.newDatabase()) {
            command.addAll(List.of("--jdbc-url", database.jdbcUrl(), "--db-user", database.user(),
                    "--db-password=" + database.password()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(home.resolve("out.txt").toFile())
                    .redirectError(home.resolve("err.txt").toFile());
            builder.environment().put("QB_HOME", home.toString());
            Process process = builder.start();
            try {
                assertThat(process.waitFor(240, TimeUnit.SECONDS)).as("compare ended within 240 s").isTrue();
                String err = Files.readString(home.resolve("err.txt"));
                assertThat(process.exitValue()).as(err).isZero();
                JsonNode backends = new ObjectMapper().readTree(home.resolve("out.txt").toFile());
                assertThat(backends).hasSize(2);
                JsonNode added = backends.get(0);
                assertThat(added.get("backend").asText()).isEqualTo(AddedBackendProvider.ID.value());
                JsonNode run = added.get("trials").get(0);
                assertThat(run.get("status").asText()).isEqualTo("finished");
                assertThat(run.get("completed_jobs").asInt()).isEqualTo(300);
                assertThat(run.get("duplicate_executions").asInt()).isZero();
                assertThat(backends.get(1).get("backend").asText()).isEqualTo("postgres");
            } finally {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
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

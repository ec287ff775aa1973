package dev.queuebench.dist;

import static dev.queuebench.dist.CliEndToEndTest.assertBadInput;
import static org.assertj.core.api.Assertions.assertThat;

import dev.queuebench.core.QueueBench;
import dev.queuebench.ports.in.AvailableBackend;
import dev.queuebench.ports.in.BackendOption;
import dev.queuebench.testing.TestPostgres.TestDatabase;
import dev.queuebench.testing.TestPostgres;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/**
 * Whatever a user types wrong, on every command and for every backend's knobs and profiles: exit code 2, one line on
 * stderr that says what was wrong, nothing on stdout, and no run stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class CliBadInputTest {

    private final TestDatabase database = TestPostgres.newDatabase();
    private final CliRunner cli = new CliRunner(database);

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    @Test
    void a_knob_value_a_backend_does_not_take_is_bad_input_naming_the_knob_on_every_command_that_takes_knobs() {
        int runsBefore = storedRuns();
        for (AvailableBackend backend : QueueBench.availableBackends()) {
            String id = backend.descriptor().id().value();
            for (BackendOption knob : backend.options()) {
                String typo = knob.name() + "=@@";
                assertBadInput(cli.run("run", "--backend", id, "--jobs", "10", "-o", typo), knob.name());
                assertBadInput(cli.run("compare", "--backends", id, "--jobs", "10", "-o", id + "." + typo),
                        knob.name());
                assertBadInput(cli.run("worker", "--backend", id, "-o", typo), knob.name());
                assertBadInput(cli.run("sweep", "--backend", id, "--rates", "10", "-o", typo), knob.name());
            }
            assertBadInput(cli.run("run", "--backend", id, "--jobs", "10", "-o", "threads=-3"),
                    "threads must be between 1 and 1000, was -3");
            assertBadInput(cli.run("run", "--backend", id, "--jobs", "10", "--threads", "0"),
                    "threads must be between 1 and 1000, was 0");
        }
        assertThat(storedRuns()).as("runs stored").isEqualTo(runsBefore);
    }

    @Test
    void the_values_the_trust_issue_found_exiting_with_70_are_bad_input() {
        assertBadInput(cli.run("run", "--backend", "db-scheduler", "--jobs", "10", "-o", "threads=-3"),
                "threads must be between 1 and 1000, was -3");
        assertBadInput(cli.run("run", "--backend", "jobrunr", "--jobs", "10", "-o", "poll-interval=1s"),
                "poll-interval must be at least 5s (JobRunr's minimum on SQL), was 1s");
        assertBadInput(CliRunner.runExactly("web", "--port", "99999"), "port must be between 0 and 65535, was 99999");
    }

    @Test
    void profiles_that_do_not_exist_or_do_not_fit_the_command_are_bad_input() {
        for (AvailableBackend backend : QueueBench.availableBackends()) {
            String id = backend.descriptor().id().value();
            assertBadInput(cli.run("run", "--backend", id, "--jobs", "10", "--profile", "fastest"),
                    "profile must be shipped or tuned, was 'fastest'");
            assertBadInput(cli.run("worker", "--backend", id, "--profile", "fastest"), "profile must be shipped");
            assertBadInput(cli.run("sweep", "--backend", id, "--rates", "10", "--profile", "fastest"),
                    "profile must be shipped");
        }
        assertBadInput(cli.run("run", "--backend", "postgres", "--jobs", "10", "--profile", "shipped,tuned"),
                "run takes one profile");
        assertBadInput(cli.run("compare", "--jobs", "10", "--profiles", "tuned,tuned"), "listed twice");
        assertBadInput(cli.run("compare", "--jobs", "10", "--profiles", "shipped,tuned", "--nodes", "1,2"),
                "several node counts or several profiles, not both");
    }

    @Test
    void a_pool_below_what_a_backend_needs_is_refused_unless_asked_for_on_purpose() {
        for (AvailableBackend backend : QueueBench.availableBackends()) {
            String id = backend.descriptor().id().value();
            int needed = QueueBench.setupOf(backend.descriptor().id(),
                    dev.queuebench.ports.spi.BackendSettings.none(), java.util.OptionalInt.empty()).poolNeeded();
            if (needed > 1) {
                assertBadInput(cli.run("run", "--backend", id, "--jobs", "10", "--db-pool-size",
                        Integer.toString(needed - 1)), "add --allow-small-pool");
            }
        }
        assertBadInput(cli.run("run", "--backend", "postgres", "--jobs", "10", "--db-pool-size", "0"),
                "a backend's pool size must be between 1 and 1000, was 0");
        assertBadInput(cli.run("run", "--backend", "postgres", "--jobs", "10", "--threads", "32",
                "--db-pool-size", "20"), "below the 41 connections postgres needs with 32 threads");
    }

    @Test
    void sizing_options_that_do_not_fit_are_bad_input() {
        assertBadInput(cli.run("run", "--backend", "postgres", "--jobs", "10", "--min-duration", "5s"),
                "give --jobs or --min-duration, not both");
        assertBadInput(cli.run("run", "--backend", "postgres", "--min-duration", "500ms"),
                "a run's minimum duration must be between 1s and 24h, was 500ms");
        assertBadInput(cli.run("run", "--backend", "postgres", "--workload", "rate", "--rate", "10", "--duration",
                "2s", "--min-duration", "5s"), "a rate run lasts its --duration: leave out --min-duration");
        assertBadInput(cli.run("compare", "--jobs", "10", "--trials", "2", "--warmup", "-1"),
                "--warmup must be between 0 and 100, was -1");
    }

    @Test
    void an_option_no_command_knows_is_bad_input_on_every_command() {
        CommandLine program = QueueBenchMain.commandLine();
        List<String> commands = new ArrayList<>(program.getSubcommands().keySet());
        commands.remove("help");
        assertThat(commands).contains("run", "compare", "sweep", "worker", "list", "show", "report", "export",
                "backends", "web");
        for (String command : commands) {
            List<String> args = new ArrayList<>(List.of(command));
            // what each command requires, so that the option is what it trips over
            switch (command) {
                case "run", "worker" -> args.addAll(List.of("--backend", "postgres"));
                case "sweep" -> args.addAll(List.of("--backend", "postgres", "--threads", "1"));
                case "show", "report" -> args.add("1");
                default -> { }
            }
            args.add("--no-such-option");
            CliRunner.Result result = CliRunner.runExactly(args.toArray(String[]::new));
            assertThat(result.exitCode()).as("%s --no-such-option: %s", command, result.err()).isEqualTo(2);
            assertThat(result.err()).contains("Unknown option: '--no-such-option'");
            assertThat(result.out()).isEmpty();
        }
    }

    @Test
    void a_value_of_the_wrong_kind_is_bad_input_on_every_command() {
        assertBadInput(cli.run("run", "--backend", "postgres", "--jobs", "10", "--format", "xml"), "xml");
        assertBadInput(cli.run("compare", "--jobs", "10", "--trials", "many"), "many");
        assertBadInput(cli.run("sweep", "--backend", "postgres", "--threads", "one"), "one");
        assertBadInput(cli.run("worker", "--backend", "postgres", "--threads", "lots"), "lots");
        assertBadInput(cli.run("list", "--limit", "ten"), "ten");
        assertBadInput(cli.run("show", "1", "--format", "pdf"), "pdf");
        assertBadInput(cli.run("report", "1", "two"), "two");
        assertBadInput(cli.run("export", "--since", "yesterday-ish"), "yesterday-ish");
        assertBadInput(CliRunner.runExactly("backends", "--format", "csv"), "backends prints table or json");
        assertBadInput(CliRunner.runExactly("backends", "--format", "bmf"), "backends prints table or json, not bmf");
        assertBadInput(cli.run("list", "--format", "bmf"), "list prints table, json or csv, not bmf");
        assertBadInput(cli.run("export", "--format", "bmf"), "export prints csv or json, not bmf");
        assertBadInput(cli.run("run", "--backend", "postgres", "--jobs", "10", "--format", "hgrm"),
                "run prints table, json, csv or bmf, not hgrm");
        assertBadInput(cli.run("compare", "--jobs", "10", "--format", "hgrm"),
                "compare prints table, json, csv, bmf or html, not hgrm");
        assertBadInput(cli.run("show", "1", "--format", "hgrm", "--latency", "lag"),
                "no latency 'lag'; choose one of pickup-lag, end-to-end, enqueue");
        assertBadInput(cli.run("show", "1", "--latency", "pickup-lag"), "add --format hgrm");
        assertBadInput(CliRunner.runExactly("web", "--delay", "soon"), "soon");
    }

    private int storedRuns() {
        return cli.run("list", "--limit", "1000", "--format", "json").json().size();
    }
}

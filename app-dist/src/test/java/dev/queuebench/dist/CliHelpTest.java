package dev.queuebench.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's help renders as written: picocli formats descriptions, so a bare {@code %} would be mangled. */
class CliHelpTest {

    @Test
    void every_commands_help_renders_without_a_picocli_warning() {
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        StringBuilder help = new StringBuilder();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            CommandLine main = QueueBenchMain.commandLine();
            help.append(main.getUsageMessage());
            for (Map.Entry<String, CommandLine> command : main.getSubcommands().entrySet()) {
                help.append(command.getValue().getUsageMessage());
            }
        } finally {
            System.setErr(stderr);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).as("what picocli printed on stderr").isEmpty();
        assertThat(help).contains("kill-node@40%", "the middle 80% of");
    }
}

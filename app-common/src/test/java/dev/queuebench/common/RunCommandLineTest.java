package dev.queuebench.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A command written into a report that is passed on: as typed, quoted for a shell, and without a secret. */
class RunCommandLineTest {

    @Test
    void a_typed_command_keeps_its_words_and_quotes_what_a_shell_would_split() {
        assertThat(RunCommandLine.typed(List.of("compare", "--jobs", "10000", "--job-work", "sleep:10ms",
                "-o", "quartz.pool=a b", "--note", "it's")))
                .isEqualTo("queue-bench compare --jobs 10000 --job-work sleep:10ms -o 'quartz.pool=a b'"
                        + " --note 'it'\\''s'");
    }

    @Test
    void a_password_never_reaches_the_report() {
        assertThat(RunCommandLine.typed(List.of("compare", "--db-password", "s3cret", "--jobs", "10",
                "--db-password=other", "--jdbc-url", "jdbc:postgresql://db:5432/qb?user=qb&password=hunter2&ssl=true")))
                .isEqualTo("queue-bench compare --jobs 10 --jdbc-url"
                        + " 'jdbc:postgresql://db:5432/qb?user=qb&password=***&ssl=true'")
                .doesNotContain("s3cret", "other", "hunter2");
    }
}

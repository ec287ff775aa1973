package dev.queuebench.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The example runs as a user would run it, on an embedded PostgreSQL of its own, and measures a finished run. */
class EmbeddingExampleTest {

    @Test
    @Timeout(180)
    void runs_a_real_benchmark_through_the_facade_and_prints_it_finished_with_every_job(@TempDir Path home)
            throws Exception {
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            EmbeddingExample.main(new String[] {home.toString()});
        } finally {
            System.setOut(stdout);
        }

        String output = printed.toString(StandardCharsets.UTF_8);
        stdout.print(output);
        assertThat(output)
                .containsPattern("run 1 on db-scheduler: FINISHED, 1000 of 1000 jobs, 0 duplicates, \\d+ jobs/s");
    }
}

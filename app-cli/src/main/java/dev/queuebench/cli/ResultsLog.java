package dev.queuebench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.queuebench.common.RunJson;
import dev.queuebench.ports.in.RunReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A logbook of results: each ended run appends one line of JSON (the run object, fingerprint included), so results
 * accumulate across sessions and machines and stay easy to grep, diff and load.
 */
final class ResultsLog {

    private final Path file;

    private ResultsLog(Path file) {
        this.file = file;
    }

    /** @throws IllegalArgumentException when the file cannot be written, before any run starts */
    static ResultsLog at(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IllegalArgumentException("cannot write the results log " + file + ": no directory " + parent);
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new IllegalArgumentException("cannot write the results log " + file + ": not writable");
        }
        return new ResultsLog(file);
    }

    void append(List<RunReport> reports) {
        StringBuilder lines = new StringBuilder();
        for (RunReport report : reports) {
            try {
                lines.append(RunJson.mapper().writeValueAsString(RunJson.of(report))).append('\n');
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("could not append to the results log " + file, e);
        }
    }
}

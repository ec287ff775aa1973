package dev.queuebench.cli;

import dev.queuebench.common.BadInputException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** How results are printed. */
enum OutputFormat {
    table,
    json,
    csv,
    /** Bencher Metric Format: the figures only, for a tracker of benchmarks across commits. */
    bmf,
    /** HdrHistogram's percentile-distribution text of one latency, which HdrHistogram's plotter reads. */
    hgrm,
    /** One self-contained HTML file: inline CSS and SVG, no script; readable offline and printable. */
    html;

    /** Refuses a format the command does not print, naming the ones it does (exit code 2). */
    static void require(OutputFormat format, String command, OutputFormat... printed) {
        List<OutputFormat> allowed = Arrays.asList(printed);
        if (!allowed.contains(format)) {
            String all = allowed.stream().limit(allowed.size() - 1).map(OutputFormat::name)
                    .collect(Collectors.joining(", "));
            throw new BadInputException(command + " prints " + (all.isEmpty() ? "" : all + " or ")
                    + allowed.get(allowed.size() - 1) + ", not " + format);
        }
    }
}

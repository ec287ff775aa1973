package dev.queuebench.cli;

/** How results are printed. */
enum OutputFormat {
    table,
    json,
    csv
}

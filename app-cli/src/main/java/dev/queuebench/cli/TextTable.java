package dev.queuebench.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;

/** Rows of text in aligned columns: the first left-aligned, the rest right-aligned, three spaces apart. */
final class TextTable {

    private TextTable() {
    }

    /** Prints the rows, the first of them a header like any other. */
    static void print(PrintWriter out, List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(String.format("%-" + widths[0] + "s", row[0]));
            for (int i = 1; i < row.length; i++) {
                line.append("   ").append(String.format("%" + widths[i] + "s", row[i]));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** A row of one label, then one cell per item. */
    static <T> String[] column(List<T> items, String label, Function<T, String> value) {
        String[] row = new String[items.size() + 1];
        row[0] = label;
        for (int i = 0; i < items.size(); i++) {
            row[i + 1] = value.apply(items.get(i));
        }
        return row;
    }
}

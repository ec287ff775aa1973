package dev.queuebench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.queuebench.common.RunJson;
import dev.queuebench.common.SweepJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs as CSV, one row per run: the run object's fields flattened ({@code pickup_lag_ms_p99},
 * {@code resources_heap_used_bytes_peak}, {@code fingerprint_jvm.version}, ...). Per-second series are left out
 * (they are in the JSON). The header is the union of every row's columns, in first-seen order.
 */
final class CsvOutput {

    private static final CsvMapper CSV = new CsvMapper();

    private CsvOutput() {
    }

    static void writeRuns(List<RunJson> runs, Writer out) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RunJson run : runs) {
            Map<String, Object> row = new LinkedHashMap<>();
            flatten("", RunJson.mapper().valueToTree(run), row);
            rows.add(row);
        }
        write(rows, out);
    }

    /** One row per point: the sweep's id and kind, the point's value, figure and verdict, then its run's columns. */
    static void writeSweep(SweepJson sweep, Writer out) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SweepJson.Point point : sweep.points()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("sweep_id", sweep.id());
            row.put("sweep_kind", sweep.kind());
            row.put("value", point.value());
            row.put("figure", point.figure() == null ? "" : point.figure());
            row.put("passed", point.passed());
            flatten("run", RunJson.mapper().valueToTree(point.run()), row);
            rows.add(row);
        }
        write(rows, out);
    }

    private static void write(List<Map<String, Object>> rows, Writer out) {
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(row -> columns.addAll(row.keySet()));
        CsvSchema.Builder schema = CsvSchema.builder();
        columns.forEach(schema::addColumn);
        try {
            CSV.writer(schema.build().withHeader()).writeValues(out).writeAll(rows).flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void flatten(String prefix, JsonNode node, Map<String, Object> row) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "_" + field.getKey(), field.getValue(), row);
            }
        } else if (node.isArray()) {
            return;
        } else if (node.isNull()) {
            row.put(prefix, "");
        } else if (node.isNumber()) {
            row.put(prefix, node.numberValue());
        } else {
            row.put(prefix, node.asText());
        }
    }
}

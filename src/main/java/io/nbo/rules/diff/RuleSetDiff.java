package io.nbo.rules.diff;

import io.nbo.rules.compile.Grid;
import io.nbo.rules.compile.GridReader;
import io.nbo.rules.compile.RuleSetException;
import io.nbo.rules.compile.RuleSource;
import io.nbo.rules.compile.RuleTable;
import io.nbo.rules.compile.TableScanner;
import io.nbo.rules.validate.HeaderLock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Row-level differences between two rule-set versions: files added or removed, header blocks changed, and per rule
 * table the rows added, removed and changed (matched by rule name, else by content), cell by cell, in the labels the
 * marketer sees.
 */
public final class RuleSetDiff {

    /** The whole difference. */
    public record Diff(String from, String to, List<FileDiff> files) {
    }

    /** One file's difference; {@code change} is added, removed or changed. */
    public record FileDiff(String file, String change, String headerChange, List<RowChange> rows) {
    }

    /** One row's difference; {@code change} is added, removed or changed. Rows are 1-based. */
    public record RowChange(String change, String sheet, String table, String rule, Integer fromRow, Integer toRow,
                            List<CellChange> cells) {
    }

    /** One cell, by its column label. */
    public record CellChange(String column, String from, String to) {
    }

    private final GridReader reader = new GridReader();
    private final TableScanner scanner = new TableScanner();
    private final HeaderLock headers = new HeaderLock();

    public Diff diff(String from, List<RuleSource> before, String to, List<RuleSource> after) {
        Map<String, RuleSource> a = byName(before);
        Map<String, RuleSource> b = byName(after);
        List<FileDiff> files = new ArrayList<>();
        for (String name : new TreeSet<>(union(a, b))) {
            RuleSource x = a.get(name);
            RuleSource y = b.get(name);
            if (x == null) {
                files.add(new FileDiff(name, "added", null, rows(null, y)));
            } else if (y == null) {
                files.add(new FileDiff(name, "removed", null, List.of()));
            } else if (!Arrays.equals(x.bytes(), y.bytes())) {
                String header = x.kind() == RuleSource.Kind.DRL ? null : headers.headerChange(x, y).orElse(null);
                files.add(new FileDiff(name, "changed", header, rows(x, y)));
            }
        }
        return new Diff(from, to, files);
    }

    private List<RowChange> rows(RuleSource before, RuleSource after) {
        if (after.kind() == RuleSource.Kind.DRL) {
            return List.of();
        }
        Map<String, Located> old = before == null ? Map.of() : tableRows(before);
        Map<String, Located> now = tableRows(after);
        List<RowChange> changes = new ArrayList<>();
        for (Map.Entry<String, Located> entry : now.entrySet()) {
            Located y = entry.getValue();
            Located x = old.get(entry.getKey());
            if (x == null) {
                changes.add(new RowChange("added", y.table.sheet(), y.table.name(), y.rule(), null, y.row.row() + 1,
                        cells(null, y)));
            } else if (!x.cells().equals(y.cells())) {
                changes.add(new RowChange("changed", y.table.sheet(), y.table.name(), y.rule(), x.row.row() + 1,
                        y.row.row() + 1, cells(x, y)));
            }
        }
        old.forEach((key, x) -> {
            if (!now.containsKey(key)) {
                changes.add(new RowChange("removed", x.table.sheet(), x.table.name(), x.rule(), x.row.row() + 1,
                        null, cells(x, null)));
            }
        });
        return changes;
    }

    private static List<CellChange> cells(Located x, Located y) {
        Map<String, String> a = x == null ? Map.of() : x.cells();
        Map<String, String> b = y == null ? Map.of() : y.cells();
        List<CellChange> out = new ArrayList<>();
        for (String column : union(a, b)) {
            String from = a.getOrDefault(column, "");
            String to = b.getOrDefault(column, "");
            if (!from.equals(to)) {
                out.add(new CellChange(column, x == null ? null : from, y == null ? null : to));
            }
        }
        return out;
    }

    /** Rows keyed by sheet, table and rule name (or, without a name, by their content). */
    private Map<String, Located> tableRows(RuleSource source) {
        Map<String, Located> out = new LinkedHashMap<>();
        Grid grid;
        try {
            grid = reader.read(source);
        } catch (RuleSetException e) {
            return out;
        }
        for (Grid.Sheet sheet : grid.sheets()) {
            for (RuleTable table : scanner.scan(sheet)) {
                for (RuleTable.DataRow row : table.rows()) {
                    Located located = new Located(table, row);
                    String key = sheet.name() + "/" + table.name() + "/"
                            + (located.rule().isEmpty() ? located.cells().toString() : located.rule());
                    out.putIfAbsent(key, located);
                }
            }
        }
        return out;
    }

    private record Located(RuleTable table, RuleTable.DataRow row) {

        String rule() {
            for (int i = 0; i < table.columns().size(); i++) {
                if (table.columns().get(i).kind().equals("NAME")) {
                    return row.cells().get(i);
                }
            }
            return "";
        }

        Map<String, String> cells() {
            Map<String, String> out = new LinkedHashMap<>();
            for (int i = 0; i < table.columns().size(); i++) {
                RuleTable.Column column = table.columns().get(i);
                String label = column.label().isEmpty() ? column.kind() + " " + Grid.column(column.col())
                        : column.label();
                out.put(label, row.cells().get(i));
            }
            return out;
        }
    }

    private static Map<String, RuleSource> byName(List<RuleSource> sources) {
        Map<String, RuleSource> out = new LinkedHashMap<>();
        sources.forEach(s -> out.put(s.name(), s));
        return out;
    }

    private static List<String> union(Map<String, ?> a, Map<String, ?> b) {
        List<String> out = new ArrayList<>(a.keySet());
        b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(out::add);
        return out;
    }
}

package io.nbo.contact.policy;

import io.nbo.rules.diff.RuleSetDiff;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Row-level differences between two versions of the policy table, in the rule-set diff's shape: rules added, removed
 * and changed (matched by rule name, else by content), cell by cell under their column names.
 */
public final class PolicyDiff {

    private static final String TABLE = "contact policy";

    private final PolicyTableReader reader = new PolicyTableReader();

    public RuleSetDiff.Diff diff(String from, String fromName, byte[] before, String to, String toName,
                                 byte[] after) {
        if (Arrays.equals(before, after)) {
            return new RuleSetDiff.Diff(from, to, List.of());
        }
        Map<String, PolicyRow> old = byRule(reader.rows(fromName, before));
        Map<String, PolicyRow> now = byRule(reader.rows(toName, after));
        List<RuleSetDiff.RowChange> rows = new ArrayList<>();
        now.forEach((key, y) -> {
            PolicyRow x = old.get(key);
            if (x == null) {
                rows.add(new RuleSetDiff.RowChange("added", y.sheet(), TABLE, y.cell("Rule"), null, y.row() + 1,
                        cells(null, y)));
            } else if (!x.cells().equals(y.cells())) {
                rows.add(new RuleSetDiff.RowChange("changed", y.sheet(), TABLE, y.cell("Rule"), x.row() + 1,
                        y.row() + 1, cells(x, y)));
            }
        });
        old.forEach((key, x) -> {
            if (!now.containsKey(key)) {
                rows.add(new RuleSetDiff.RowChange("removed", x.sheet(), TABLE, x.cell("Rule"), x.row() + 1, null,
                        cells(x, null)));
            }
        });
        String change = fromName.equals(toName) ? "changed" : "replaced " + fromName;
        return new RuleSetDiff.Diff(from, to, List.of(new RuleSetDiff.FileDiff(toName, change, null, rows)));
    }

    /** The rules that differ between two tables, for the version log: "Email weekly (changed), Night (added)". */
    public String summary(String fromName, byte[] before, String toName, byte[] after) {
        List<String> parts = new ArrayList<>();
        for (RuleSetDiff.RowChange row : diff("", fromName, before, "", toName, after).files().stream()
                .flatMap(f -> f.rows().stream()).toList()) {
            parts.add((row.rule().isEmpty() ? "row " + (row.toRow() == null ? row.fromRow() : row.toRow())
                    : row.rule()) + " (" + row.change() + ")");
        }
        return parts.isEmpty() ? toName : String.join(", ", parts);
    }

    private static List<RuleSetDiff.CellChange> cells(PolicyRow x, PolicyRow y) {
        List<RuleSetDiff.CellChange> out = new ArrayList<>();
        for (String column : PolicyTableReader.COLUMNS) {
            String from = x == null ? "" : x.cell(column);
            String to = y == null ? "" : y.cell(column);
            if (!from.equals(to)) {
                out.add(new RuleSetDiff.CellChange(column, x == null ? null : from, y == null ? null : to));
            }
        }
        return out;
    }

    private static Map<String, PolicyRow> byRule(List<PolicyRow> rows) {
        Map<String, PolicyRow> out = new LinkedHashMap<>();
        for (PolicyRow row : rows) {
            String name = row.cell("Rule");
            out.putIfAbsent(name.isEmpty() ? row.cells().toString() : name.toLowerCase(Locale.ROOT), row);
        }
        return out;
    }
}

package io.nbo.rules.validate;

import io.nbo.rules.compile.RuleTable;
import java.util.List;
import java.util.Map;

/**
 * What a column's template says about its cells: the domain of each parameter ({@code $param} or {@code $1},
 * {@code $2}) and the numeric bounds it sets ({@code age >= $1}), for value checks and overlap warnings.
 */
record ColumnPlan(RuleTable.Column column, String objectType, Map<String, Vocabulary.Domain> params,
                  List<Bound> bounds) {

    ColumnPlan {
        params = Map.copyOf(params);
        bounds = List.copyOf(bounds);
    }

    boolean isCondition() {
        return column.kind().equals("CONDITION");
    }

    boolean isAction() {
        return column.kind().equals("ACTION");
    }

    /** {@code property op param}, e.g. age >= $1. */
    record Bound(String property, String op, String param) {
    }

    /** The parameter values of a cell: the whole cell for $param, else its comma-separated parts by $n. */
    static Map<String, String> values(String template, String cell) {
        if (template.contains("$param")) {
            return Map.of("$param", cell);
        }
        String[] parts = cell.split(",", -1);
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < parts.length; i++) {
            out.put("$" + (i + 1), parts[i].trim());
        }
        return out;
    }
}

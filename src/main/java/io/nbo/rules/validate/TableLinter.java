package io.nbo.rules.validate;

import io.nbo.rules.compile.Grid;
import io.nbo.rules.compile.RuleProblem;
import io.nbo.rules.compile.RuleTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Warnings for tables that compile but are probably not what their author meant: exact duplicate rows, rows that can
 * never fire because an earlier row of their activation group always wins, rows that add nothing, and rows whose
 * number ranges overlap while their actions disagree.
 */
final class TableLinter {

    /** Pairs of rows compared for overlapping ranges, at most, per group of rows with the same other conditions. */
    private static final int OVERLAP_WINDOW = 200;
    static final int PROGRESS_EVERY = 1000;

    /**
     * Linear in the number of rows (a 10,000-row table must lint in milliseconds): exact duplicates by hashing, and a
     * row's possible "winners" by looking up every subset of its conditions among the earlier rows.
     */
    List<RuleProblem> lint(String file, RuleTable table, List<ColumnPlan> plans) {
        return lint(file, table, plans, done -> { });
    }

    /** As above, telling {@code progress} every {@link #PROGRESS_EVERY} rows how many rows it has linted. */
    List<RuleProblem> lint(String file, RuleTable table, List<ColumnPlan> plans,
                           java.util.function.IntConsumer progress) {
        List<RuleProblem> warnings = new ArrayList<>();
        int done = 0;
        int group = -1;
        for (int i = 0; i < plans.size(); i++) {
            if (plans.get(i).column().kind().equals("ACTIVATION-GROUP")) {
                group = i;
            }
        }
        Map<String, RuleTable.DataRow> whole = new HashMap<>();
        Map<String, List<RuleTable.DataRow>> byConditions = new HashMap<>();
        Map<String, List<RuleTable.DataRow>> byOthers = new HashMap<>();
        for (RuleTable.DataRow row : table.rows()) {
            if (++done % PROGRESS_EVERY == 0) {
                progress.accept(done);
            }
            String why = null;
            RuleTable.DataRow twin = whole.putIfAbsent(key(row, plans, true, true), row);
            if (twin != null) {
                why = compare(twin, row, plans, group);
            }
            List<Integer> conditions = filled(row, plans);
            if (why == null && conditions.size() <= 8) {
                why = shadow(row, conditions, plans, group, byConditions);
            }
            List<RuleTable.DataRow> peers = byOthers.computeIfAbsent(key(row, plans, true, false), k ->
                    new ArrayList<>());
            for (int i = Math.max(0, peers.size() - OVERLAP_WINDOW); why == null && i < peers.size(); i++) {
                why = compare(peers.get(i), row, plans, group);
            }
            peers.add(row);
            byConditions.computeIfAbsent(subsetKey(row, conditions, (1 << conditions.size()) - 1), k ->
                    new ArrayList<>()).add(row);
            if (why != null) {
                warnings.add(RuleProblem.warning(file, table.sheet(), Grid.ref(row.row(), table.startCol()),
                        row.row() + 1, why));
            }
        }
        return warnings;
    }

    /** An earlier row whose conditions are a subset of this row's, found by looking every subset up. */
    private static String shadow(RuleTable.DataRow row, List<Integer> conditions, List<ColumnPlan> plans, int group,
                                 Map<String, List<RuleTable.DataRow>> byConditions) {
        for (int mask = 0; mask < (1 << conditions.size()); mask++) {
            List<RuleTable.DataRow> earlier = byConditions.get(subsetKey(row, conditions, mask));
            if (earlier == null) {
                continue;
            }
            for (RuleTable.DataRow candidate : earlier) {
                String why = compare(candidate, row, plans, group);
                if (why != null) {
                    return why;
                }
            }
        }
        return null;
    }

    private static List<Integer> filled(RuleTable.DataRow row, List<ColumnPlan> plans) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            if (plans.get(i).isCondition() && !row.cells().get(i).isEmpty()) {
                out.add(i);
            }
        }
        return out;
    }

    private static String subsetKey(RuleTable.DataRow row, List<Integer> conditions, int mask) {
        StringBuilder key = new StringBuilder();
        for (int b = 0; b < conditions.size(); b++) {
            if ((mask & (1 << b)) != 0) {
                key.append(conditions.get(b)).append('=').append(row.cells().get(conditions.get(b))).append('\u0000');
            }
        }
        return key.toString();
    }

    /** The row's cells in the chosen kinds of column; range conditions are left out unless {@code ranges}. */
    private static String key(RuleTable.DataRow row, List<ColumnPlan> plans, boolean conditions, boolean all) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < plans.size(); i++) {
            ColumnPlan p = plans.get(i);
            boolean take = all ? p.isCondition() || p.isAction() : conditions && p.isCondition() && p.bounds().isEmpty();
            if (take) {
                key.append(i).append('=').append(row.cells().get(i)).append('\u0000');
            }
        }
        return key.toString();
    }

    private static String compare(RuleTable.DataRow earlier, RuleTable.DataRow later, List<ColumnPlan> plans,
                                  int group) {
        int e = earlier.row() + 1;
        if (same(earlier, later, plans, true) && same(earlier, later, plans, false)) {
            return "row " + (later.row() + 1) + " repeats row " + e + " exactly (same conditions and actions)";
        }
        if (subsumes(earlier, later, plans)) {
            if (group >= 0 && !earlier.cells().get(group).isEmpty()
                    && earlier.cells().get(group).equals(later.cells().get(group))) {
                return "row " + (later.row() + 1) + " can never fire: row " + e + " matches every customer it matches "
                        + "and wins activation group '" + earlier.cells().get(group) + "' first";
            }
            if (same(earlier, later, plans, false)) {
                return "row " + (later.row() + 1) + " adds nothing: whenever it matches, row " + e
                        + " matches too and does the same";
            }
        }
        String overlap = overlap(earlier, later, plans);
        if (overlap != null) {
            for (int i = 0; i < plans.size(); i++) {
                String a = earlier.cells().get(i);
                String b = later.cells().get(i);
                if (plans.get(i).isAction() && !a.isEmpty() && !b.isEmpty() && !a.equals(b)) {
                    return "rows " + e + " and " + (later.row() + 1) + " overlap (" + overlap + " matches both) but "
                            + "give different '" + RowChecker.label(plans.get(i)) + "': " + a + " vs " + b;
                }
            }
        }
        return null;
    }

    private static boolean same(RuleTable.DataRow a, RuleTable.DataRow b, List<ColumnPlan> plans, boolean conditions) {
        for (int i = 0; i < plans.size(); i++) {
            ColumnPlan p = plans.get(i);
            if ((conditions ? p.isCondition() : p.isAction()) && !a.cells().get(i).equals(b.cells().get(i))) {
                return false;
            }
        }
        return true;
    }

    /** True when every condition of {@code a} is empty or equal to the same condition of {@code b}. */
    private static boolean subsumes(RuleTable.DataRow a, RuleTable.DataRow b, List<ColumnPlan> plans) {
        for (int i = 0; i < plans.size(); i++) {
            String cell = a.cells().get(i);
            if (plans.get(i).isCondition() && !cell.isEmpty() && !cell.equals(b.cells().get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Describes the overlap of two rows that differ only in number ranges that intersect, else null. */
    private static String overlap(RuleTable.DataRow a, RuleTable.DataRow b, List<ColumnPlan> plans) {
        Map<String, double[]> ra = ranges(a, plans);
        Map<String, double[]> rb = ranges(b, plans);
        if (ra == null || rb == null) {
            return null;
        }
        for (int i = 0; i < plans.size(); i++) {
            ColumnPlan p = plans.get(i);
            String x = a.cells().get(i);
            String y = b.cells().get(i);
            if (p.isCondition() && p.bounds().isEmpty() && !x.isEmpty() && !y.isEmpty() && !x.equals(y)) {
                return null;
            }
        }
        StringBuilder where = new StringBuilder();
        boolean differ = false;
        for (Map.Entry<String, double[]> entry : ra.entrySet()) {
            double[] other = rb.get(entry.getKey());
            if (other == null) {
                continue;
            }
            double low = Math.max(entry.getValue()[0], other[0]);
            double high = Math.min(entry.getValue()[1], other[1]);
            if (low > high) {
                return null;
            }
            differ |= entry.getValue()[0] != other[0] || entry.getValue()[1] != other[1];
            where.append(where.isEmpty() ? "" : ", ").append(entry.getKey()).append(' ').append(number(low))
                    .append(" to ").append(number(high));
        }
        return differ ? where.toString() : null;
    }

    private static Map<String, double[]> ranges(RuleTable.DataRow row, List<ColumnPlan> plans) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int i = 0; i < plans.size(); i++) {
            ColumnPlan p = plans.get(i);
            String cell = row.cells().get(i);
            if (p.bounds().isEmpty() || cell.isEmpty()) {
                continue;
            }
            Map<String, String> values = ColumnPlan.values(p.column().template(), cell);
            for (ColumnPlan.Bound bound : p.bounds()) {
                double v;
                try {
                    v = Double.parseDouble(values.getOrDefault(bound.param(), ""));
                } catch (NumberFormatException e) {
                    return null;
                }
                double[] range = out.computeIfAbsent(bound.property(), k -> new double[] {-Double.MAX_VALUE,
                        Double.MAX_VALUE});
                switch (bound.op()) {
                    case ">=", ">" -> range[0] = Math.max(range[0], v);
                    case "<=", "<" -> range[1] = Math.min(range[1], v);
                    case "==" -> {
                        range[0] = Math.max(range[0], v);
                        range[1] = Math.min(range[1], v);
                    }
                    default -> { }
                }
            }
        }
        return out;
    }

    private static String number(double v) {
        if (v == Double.MAX_VALUE) {
            return "any";
        }
        if (v == -Double.MAX_VALUE) {
            return "any";
        }
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}

package io.nbo.rules.validate;

import io.nbo.rules.compile.Grid;
import io.nbo.rules.compile.RuleProblem;
import io.nbo.rules.compile.RuleTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Warnings for number ranges no value can fall in: reversed ({@code age >= $1, age <= $2} with {@code 34, 18}) or
 * empty ({@code hour > 9} beside {@code hour < 10}, nothing whole between them). Such a row can never fire. The bounds
 * of one row are gathered across its columns, per property, so a range split over two columns is caught too. One
 * pass, constant work per row.
 */
final class RangeLinter {

    /** The values a property may take in one row: a lower and an upper bound, each inclusive or not. */
    private static final class Range {
        double low = Double.NEGATIVE_INFINITY;
        boolean lowIncluded = true;
        double high = Double.POSITIVE_INFINITY;
        boolean highIncluded = true;
        boolean whole;
        int firstColumn = -1;
        final List<String> cells = new ArrayList<>();

        void lower(double v, boolean included) {
            if (v > low || v == low && !included) {
                low = v;
                lowIncluded = included;
            }
        }

        void upper(double v, boolean included) {
            if (v < high || v == high && !included) {
                high = v;
                highIncluded = included;
            }
        }

        boolean empty() {
            if (low > high || low == high && !(lowIncluded && highIncluded)) {
                return true;
            }
            if (!whole || Double.isInfinite(low) || Double.isInfinite(high)) {
                return false;
            }
            double first = lowIncluded ? Math.ceil(low) : Math.floor(low) + 1;
            double last = highIncluded ? Math.floor(high) : Math.ceil(high) - 1;
            return first > last;
        }
    }

    List<RuleProblem> lint(String file, RuleTable table, List<ColumnPlan> plans) {
        List<RuleProblem> warnings = new ArrayList<>();
        if (plans.stream().allMatch(p -> p.bounds().isEmpty())) {
            return warnings;
        }
        for (RuleTable.DataRow row : table.rows()) {
            Map<String, Range> ranges = new LinkedHashMap<>();
            for (int i = 0; i < plans.size(); i++) {
                ColumnPlan plan = plans.get(i);
                String cell = row.cells().get(i);
                if (plan.bounds().isEmpty() || cell.isEmpty()) {
                    continue;
                }
                Map<String, String> values = ColumnPlan.values(plan.column().template(), cell);
                for (ColumnPlan.Bound bound : plan.bounds()) {
                    double v;
                    try {
                        v = Double.parseDouble(values.getOrDefault(bound.param(), "").trim());
                    } catch (NumberFormatException e) {
                        continue; // not a number: an error of its own, reported by the row checks
                    }
                    Range range = ranges.computeIfAbsent(bound.property(), k -> new Range());
                    range.whole |= plan.params().get(bound.param()) == Vocabulary.Domain.WHOLE_NUMBER;
                    if (range.firstColumn < 0) {
                        range.firstColumn = plan.column().col();
                    }
                    String label = RowChecker.label(plan);
                    if (!range.cells.contains(label)) {
                        range.cells.add(label);
                    }
                    switch (bound.op()) {
                        case ">=" -> range.lower(v, true);
                        case ">" -> range.lower(v, false);
                        case "<=" -> range.upper(v, true);
                        case "<" -> range.upper(v, false);
                        case "==" -> {
                            range.lower(v, true);
                            range.upper(v, true);
                        }
                        default -> { }
                    }
                }
            }
            ranges.forEach((property, range) -> {
                if (range.empty()) {
                    warnings.add(RuleProblem.warning(file, table.sheet(), Grid.ref(row.row(), range.firstColumn),
                            row.row() + 1, message(property, range)));
                }
            });
        }
        return warnings;
    }

    private static String message(String property, Range range) {
        String where = "'" + String.join("' and '", range.cells) + "'" + (range.cells.size() == 1 ? " asks for "
                : " ask for ");
        String span = property + (range.lowIncluded ? " at least " : " above ") + number(range.low)
                + (range.highIncluded ? " and at most " : " and below ") + number(range.high);
        if (range.low > range.high) {
            return where + span + ", a reversed range: no customer matches this row, so it can never fire; put the "
                    + "smaller number first";
        }
        return where + span + ", an empty range" + (range.whole ? " (" + property + " is a whole number)" : "")
                + ": no customer matches this row, so it can never fire";
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}

package io.nbo.rules.compile;

import io.nbo.rules.vocabulary.Context;
import io.nbo.rules.vocabulary.Customer;
import io.nbo.rules.vocabulary.Offers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the DRL of a checked sheet, with the meaning Drools' own spreadsheet compiler gives the same table (rule per
 * row, named by its NAME cell or {@code <table>_<row>}; a condition cell fills its column's template and tests the
 * fact above it; action cells fill their templates in column order; ACTIVATION-GROUP is the group), so the two can be
 * held to the same answers; every row's salience fixes the firing order (PRIORITY, then place; see
 * {@link #salience}). What it writes is fixed: the package, the vocabulary imports, the {@code offers} global, and one
 * rule per checked row; nothing from outside the checked tables reaches the text. Conditions on the same fact are
 * written as one pattern (exact: a session holds one Customer and one Context), which lets Drools' alpha network
 * index them.
 */
public final class DrlWriter {

    private DrlWriter() {
    }

    /**
     * The salience a row gets: its PRIORITY first, then its place in the rule set. Drools leaves the order of rules
     * of equal salience from different files to its agenda's heap, so the same customer could see eligibleBy, weights
     * (a product of doubles) and preferred channels applied in an order that changes with unrelated files. The server
     * fixes it: higher PRIORITY first, then files by name, sheets, tables and rows top to bottom; a table row always
     * fires after developers' DRL rules of salience 0.
     */
    public static int salience(int priority, int position) {
        return priority * POSITIONS - (position + 1);
    }

    /** Rows a rule set may have, and the PRIORITY range, so that every salience fits an int. */
    public static final int POSITIONS = 1_000_000;
    public static final int MAX_PRIORITY = 1000;

    /** The DRL of one sheet whose first row is at {@code firstPosition} in the rule set. */
    public static String write(CheckedRuleSet.CheckedSheet sheet, int firstPosition) {
        StringBuilder out = new StringBuilder(4096);
        out.append("package ").append(sheet.packageName()).append(";\n\n");
        for (Class<?> type : List.of(Customer.class, Context.class)) {
            out.append("import ").append(type.getName()).append(";\n");
        }
        out.append("\nglobal ").append(Offers.class.getName()).append(" offers;\n");
        int position = firstPosition;
        for (RuleTable table : sheet.tables()) {
            for (RuleTable.DataRow row : table.rows()) {
                rule(out, table, row, position++);
            }
        }
        return out.toString();
    }

    /** Rows in a sheet, for the position of the next sheet's first row. */
    public static int rows(CheckedRuleSet.CheckedSheet sheet) {
        return sheet.tables().stream().mapToInt(t -> t.rows().size()).sum();
    }

    private static void rule(StringBuilder out, RuleTable table, RuleTable.DataRow row, int position) {
        CheckedRow rule = CheckedRow.of(table, row);
        Map<String, List<String>> patterns = new LinkedHashMap<>();
        rule.conditions().forEach(c -> patterns.computeIfAbsent(c.fact(), f -> new ArrayList<>())
                .add(c.constraint()));
        String name = rule.name();
        checked(name);
        out.append("\n// rule values at ").append(Grid.ref(row.row(), table.startCol())).append(", header at ")
                .append(Grid.ref(table.startRow(), table.startCol())).append('\n');
        out.append("rule \"").append(name).append("\"\n");
        out.append("    salience ").append(salience(rule.priority(), position)).append('\n');
        if (rule.group() != null) {
            out.append("    activation-group \"").append(checked(rule.group())).append("\"\n");
        }
        out.append("    when\n");
        patterns.forEach((fact, constraints) -> out.append("        ").append(fact).append('(')
                .append(String.join(", ", constraints)).append(")\n"));
        out.append("    then\n");
        rule.actions().forEach(action -> out.append("        ").append(action).append('\n'));
        out.append("end\n");
    }

    /** Text written inside quotes was checked to hold no quote, backslash or line break; a bug if it does. */
    private static String checked(String text) {
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\' || c == '\n' || c == '\r') {
                throw new IllegalStateException("unchecked text reached the DRL writer");
            }
        }
        return text;
    }


    /**
     * A template with its parameters filled the way Drools fills them: {@code $1, $2, ...} from the comma-separated
     * parts (trimmed), else every {@code $param} with the whole value, else the template as it is.
     */
    public static String fill(String template, String value) {
        if (template.contains("$1")) {
            String[] parts = value.split(",", -1);
            String out = template;
            for (int i = parts.length; i >= 1; i--) {
                out = out.replace("$" + i, parts[i - 1].trim());
            }
            return out;
        }
        return template.replace("$param", value);
    }
}

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
 * fact above it; action cells fill their templates in column order; PRIORITY is salience, ACTIVATION-GROUP the group), so the two can be held to
 * the same answers. What it writes is fixed: the package, the vocabulary imports, the {@code offers} global, and one
 * rule per checked row; nothing from outside the checked tables reaches the text. Conditions on the same fact are
 * written as one pattern (exact: a session holds one Customer and one Context), which lets Drools' alpha network
 * index them.
 */
public final class DrlWriter {

    private static final String VOCABULARY = "io.nbo.rules.vocabulary.";

    private DrlWriter() {
    }

    public static String write(CheckedRuleSet.CheckedSheet sheet) {
        StringBuilder out = new StringBuilder(4096);
        out.append("package ").append(sheet.packageName()).append(";\n\n");
        for (Class<?> type : List.of(Customer.class, Context.class)) {
            out.append("import ").append(type.getName()).append(";\n");
        }
        out.append("\nglobal ").append(Offers.class.getName()).append(" offers;\n");
        for (RuleTable table : sheet.tables()) {
            for (RuleTable.DataRow row : table.rows()) {
                rule(out, table, row);
            }
        }
        return out.toString();
    }

    private static void rule(StringBuilder out, RuleTable table, RuleTable.DataRow row) {
        String name = table.name() + "_" + (row.row() + 1);
        String salience = null;
        String group = null;
        Map<String, List<String>> patterns = new LinkedHashMap<>();
        List<String> actions = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            RuleTable.Column column = table.columns().get(i);
            String value = row.cells().get(i);
            if (value.isEmpty()) {
                continue;
            }
            switch (column.kind()) {
                case "NAME" -> name = value;
                case "PRIORITY" -> salience = value;
                case "ACTIVATION-GROUP" -> group = value;
                case "CONDITION" -> patterns.computeIfAbsent(fact(column.objectType()), f -> new ArrayList<>())
                        .add(fill(column.template(), value));
                case "ACTION" -> actions.add(fill(column.template(), value));
                default -> { }
            }
        }
        checked(name);
        out.append("\n// rule values at ").append(Grid.ref(row.row(), table.startCol())).append(", header at ")
                .append(Grid.ref(table.startRow(), table.startCol())).append('\n');
        out.append("rule \"").append(name).append("\"\n");
        if (salience != null) {
            out.append("    salience ").append(Integer.parseInt(salience)).append('\n');
        }
        if (group != null) {
            out.append("    activation-group \"").append(checked(group)).append("\"\n");
        }
        out.append("    when\n");
        patterns.forEach((fact, constraints) -> out.append("        ").append(fact).append('(')
                .append(String.join(", ", constraints)).append(")\n"));
        out.append("    then\n");
        actions.forEach(action -> out.append("        ").append(action).append('\n'));
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

    private static String fact(String objectType) {
        return objectType.startsWith(VOCABULARY) ? objectType.substring(VOCABULARY.length()) : objectType;
    }

    /**
     * A template with its parameters filled the way Drools fills them: {@code $1, $2, ...} from the comma-separated
     * parts (trimmed), else every {@code $param} with the whole value, else the template as it is.
     */
    static String fill(String template, String value) {
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

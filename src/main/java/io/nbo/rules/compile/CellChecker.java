package io.nbo.rules.compile;

import io.nbo.common.error.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks every data cell against its column before anything reaches Drools, because a cell is pasted into code. A
 * value that the template puts inside quotes may be any text without quotes, backslashes or line breaks; a value the
 * template uses bare must be a number (or numbers, for {@code $1, $2} columns). So a cell can never add code, only
 * data. Also checks the header: known column kinds and a code template in each CONDITION/ACTION column.
 */
public final class CellChecker {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern ANY_PARAM = Pattern.compile("\\$(\\d+)");
    private static final Pattern UNSAFE_TEXT = Pattern.compile("[\"\\\\\\r\\n]");
    private static final Pattern BRACKETS = Pattern.compile("[()\\[\\]{}]");

    /** Problems of the table's header: column kinds, and a usable template in each CONDITION and ACTION column. */
    public List<RuleProblem> checkHeader(String file, RuleTable table) {
        List<RuleProblem> problems = new ArrayList<>();
        if (table.columns().isEmpty()) {
            problems.add(RuleProblem.error(file, table.sheet(), Grid.ref(table.startRow(), table.startCol()),
                    table.startRow() + 1, "RuleTable '" + Values.clip(table.name(), 40) + "' has no columns: the row "
                            + "under it must name its CONDITION and ACTION columns"));
        }
        for (RuleTable.Column column : table.columns()) {
            String headerCell = Grid.ref(table.startRow() + TableScanner.KIND_ROW, column.col());
            String templateCell = Grid.ref(table.startRow() + TableScanner.CODE_ROW, column.col());
            int templateRow = table.startRow() + TableScanner.CODE_ROW + 1;
            if (!TableScanner.KINDS.contains(column.kind())) {
                problems.add(RuleProblem.error(file, table.sheet(), headerCell, table.startRow() + 2,
                        "column kind '" + Values.clip(column.kind(), 40) + "' is not allowed; decision tables use "
                                + "CONDITION, ACTION, NAME, PRIORITY, ACTIVATION-GROUP and DESCRIPTION columns"));
                continue;
            }
            boolean code = column.kind().equals("CONDITION") || column.kind().equals("ACTION");
            if (!code && (!column.objectType().isEmpty() || !column.template().isEmpty())) {
                int row = table.startRow() + (column.objectType().isEmpty() ? TableScanner.CODE_ROW
                        : TableScanner.OBJECT_ROW);
                problems.add(RuleProblem.error(file, table.sheet(), Grid.ref(row, column.col()), row + 1,
                        "a " + column.kind() + " column has no fact or code template; leave this cell blank"));
            } else if ((column.kind().equals("CONDITION") || column.kind().equals("ACTION"))
                    && column.template().isEmpty()) {
                problems.add(RuleProblem.error(file, table.sheet(), templateCell, templateRow,
                        "the " + column.kind() + " column '" + column.label() + "' has no code template"));
            } else if (column.kind().equals("CONDITION") && !column.template().contains("$param")
                    && !column.template().contains("$1")) {
                problems.add(RuleProblem.error(file, table.sheet(), templateCell, templateRow,
                        "the condition '" + label(column) + "' has no $param (or $1, $2) for the row's value; "
                                + "write the whole test, e.g. region == \"$param\" or age >= $param"));
            } else if (column.template().contains("$param") && column.template().contains("$1")) {
                problems.add(RuleProblem.error(file, table.sheet(), templateCell, templateRow,
                        "the template of '" + label(column) + "' mixes $param with $1, $2; use one or the other"));
            }
        }
        return problems;
    }

    /** Problems of the data cells: values that could change the code around them, and rule names used twice. */
    public List<RuleProblem> checkCells(String file, RuleTable table, Map<String, String> ruleNames) {
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleTable.DataRow row : table.rows()) {
            for (int i = 0; i < table.columns().size(); i++) {
                RuleTable.Column column = table.columns().get(i);
                String value = row.cells().get(i);
                String why = value.isEmpty() ? null : problem(column, value);
                if (why != null) {
                    problems.add(RuleProblem.error(file, table.sheet(), Grid.ref(row.row(), column.col()),
                            row.row() + 1, why));
                }
            }
            checkName(file, table, row, ruleNames).ifPresent(problems::add);
        }
        return problems;
    }

    private static java.util.Optional<RuleProblem> checkName(String file, RuleTable table, RuleTable.DataRow row,
                                                            Map<String, String> ruleNames) {
        int col = table.startCol();
        String name = table.name() + "_" + (row.row() + 1);
        for (int i = 0; i < table.columns().size(); i++) {
            if (table.columns().get(i).kind().equals("NAME") && !row.cells().get(i).isEmpty()) {
                col = table.columns().get(i).col();
                name = row.cells().get(i);
            }
        }
        String here = file + " " + table.sheet() + "!" + Grid.ref(row.row(), col);
        String earlier = ruleNames.putIfAbsent(name, here);
        if (earlier != null) {
            return java.util.Optional.of(RuleProblem.error(file, table.sheet(), Grid.ref(row.row(), col),
                    row.row() + 1, "duplicate rule name '" + name + "', already used at " + earlier
                            + "; every row needs its own name"));
        }
        return java.util.Optional.empty();
    }

    private static String problem(RuleTable.Column column, String value) {
        return switch (column.kind()) {
            case "PRIORITY" -> NUMBER.matcher(value).matches() && !value.contains(".")
                    && value.length() <= 5 && Math.abs(Integer.parseInt(value)) <= DrlWriter.MAX_PRIORITY ? null
                    : "priority must be a whole number from -" + DrlWriter.MAX_PRIORITY + " to "
                    + DrlWriter.MAX_PRIORITY + " (higher fires first), got '" + Values.clip(value, 60) + "'";
            case "CONDITION", "ACTION" -> codeCell(column, value);
            default -> UNSAFE_TEXT.matcher(value).find()
                    ? "quotes, backslashes and line breaks are not allowed here, got '" + Values.clip(value, 60)
                    + "'" : null;
        };
    }

    private static String codeCell(RuleTable.Column column, String value) {
        if (UNSAFE_TEXT.matcher(value).find()) {
            return "the value '" + Values.clip(value, 60) + "' for '" + label(column)
                    + "' contains quotes, backslashes or line breaks, which could change the rule's code";
        }
        if (value.indexOf('$') >= 0) {
            return "the value '" + Values.clip(value, 60) + "' for '" + label(column) + "' contains '$', which "
                    + "templates use for their parameters; leave it out";
        }
        String template = column.template();
        if (!template.contains("$param") && template.contains("$1") && BRACKETS.matcher(value).find()) {
            return "the values '" + Values.clip(value, 60) + "' for '" + label(column) + "' contain brackets, which "
                    + "would change how they are split at the commas; leave them out";
        }
        if (template.contains("$param")) {
            return template.contains("\"$param\"") || isLiteral(value) ? null : expectsNumber(column, value);
        }
        String[] parts = value.split(",", -1);
        Matcher param = ANY_PARAM.matcher(template);
        while (param.find()) {
            int index = Integer.parseInt(param.group(1)) - 1;
            boolean quoted = param.start() > 0 && template.charAt(param.start() - 1) == '"'
                    && param.end() < template.length() && template.charAt(param.end()) == '"';
            if (index >= parts.length) {
                return "'" + label(column) + "' needs " + countParams(template) + " values separated by commas, got '"
                        + Values.clip(value, 60) + "'";
            }
            if (!quoted && !isLiteral(parts[index].trim())) {
                return expectsNumber(column, value);
            }
        }
        return null;
    }

    private static boolean isLiteral(String value) {
        return NUMBER.matcher(value).matches() || value.equals("true") || value.equals("false");
    }

    private static String expectsNumber(RuleTable.Column column, String value) {
        return "'" + label(column) + "' expects a number here, got '" + Values.clip(value, 60) + "'";
    }

    private static long countParams(String template) {
        return ANY_PARAM.matcher(template).results().count();
    }

    private static String label(RuleTable.Column column) {
        return column.label().isEmpty() ? column.template() : column.label();
    }

    /** A fresh registry of rule names, shared across the tables of one rule set. */
    public static Map<String, String> nameRegistry() {
        return new HashMap<>();
    }
}

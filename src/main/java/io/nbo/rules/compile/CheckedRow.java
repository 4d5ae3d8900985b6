package io.nbo.rules.compile;

import java.util.ArrayList;
import java.util.List;

/**
 * One checked data row as a rule: its name ({@code <table>_<row>} when the NAME cell is empty, as Drools names it),
 * PRIORITY, activation group, and the filled templates of its conditions (with the fact each tests) and actions. The
 * DRL writer and the column index both read rows through this, so Drools and the index get the same rule.
 */
public record CheckedRow(String name, int priority, String group, List<Condition> conditions, List<String> actions) {

    /** A filled CONDITION template, the fact it tests (simple name) and the table column it came from. */
    public record Condition(int column, String fact, String constraint) {
    }

    public CheckedRow {
        conditions = List.copyOf(conditions);
        actions = List.copyOf(actions);
    }

    public static CheckedRow of(RuleTable table, RuleTable.DataRow row) {
        String name = table.name() + "_" + (row.row() + 1);
        int priority = 0;
        String group = null;
        List<Condition> conditions = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            RuleTable.Column column = table.columns().get(i);
            String value = row.cells().get(i);
            if (value.isEmpty()) {
                continue;
            }
            switch (column.kind()) {
                case "NAME" -> name = value;
                case "PRIORITY" -> priority = Integer.parseInt(value);
                case "ACTIVATION-GROUP" -> group = value;
                case "CONDITION" -> conditions.add(new Condition(i, fact(column.objectType()),
                        DrlWriter.fill(column.template(), value)));
                case "ACTION" -> actions.add(DrlWriter.fill(column.template(), value));
                default -> { }
            }
        }
        return new CheckedRow(name, priority, group, conditions, actions);
    }

    private static String fact(String objectType) {
        return objectType.substring(objectType.lastIndexOf('.') + 1);
    }
}

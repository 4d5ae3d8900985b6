package io.nbo.rules.compile;

import java.util.List;

/**
 * The structure of one {@code RuleTable} block of a decision table: its header (code, owned by developers and admins)
 * and its data rows (business values, owned by marketers).
 *
 * @param startRow 0-based row of the {@code RuleTable} cell
 */
public record RuleTable(String sheet, String name, int startRow, int startCol, List<Column> columns,
                        List<DataRow> rows) {

    public RuleTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /**
     * One column: its kind (CONDITION, ACTION, NAME, PRIORITY, ...), the object type above the template, the code
     * template with {@code $param} or {@code $1, $2}, and the label marketers read.
     */
    public record Column(int col, String kind, String objectType, String template, String label) {
    }

    /** One data row: a rule. {@code cells} line up with the table's columns. */
    public record DataRow(int row, List<String> cells) {

        public DataRow {
            cells = List.copyOf(cells);
        }
    }
}

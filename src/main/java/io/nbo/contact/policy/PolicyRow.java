package io.nbo.contact.policy;

import io.nbo.rules.compile.Grid;
import java.util.Map;

/**
 * One rule row of the policy table as the marketer wrote it: where it is and its cells by column name (stripped).
 *
 * @param sheet    the sheet ("Sheet1" for a CSV file, as for decision tables)
 * @param row      0-based row in the sheet (1-based in messages)
 * @param columns  column name to 0-based column index
 * @param workbook true when read from a workbook (its sheet is then named in {@link #where()})
 */
record PolicyRow(String file, String sheet, int row, Map<String, String> cells, Map<String, Integer> columns,
                 boolean workbook) {

    PolicyRow {
        cells = Map.copyOf(cells);
        columns = Map.copyOf(columns);
    }

    String cell(String column) {
        return cells.getOrDefault(column, "");
    }

    /** The cell reference of a column in this row, e.g. F7. */
    String ref(String column) {
        return Grid.ref(row, columns.get(column));
    }

    /** "contact-policy.csv row 7", or with the sheet for a workbook: "policy.xlsx sheet 'Policy' row 7". */
    String where() {
        return file + (workbook ? " sheet '" + sheet + "'" : "") + " row " + (row + 1);
    }
}

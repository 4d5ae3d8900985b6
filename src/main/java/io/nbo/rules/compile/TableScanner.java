package io.nbo.rules.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the {@code RuleTable} blocks of a sheet the way Drools reads them: the {@code RuleTable} cell, then the row of
 * column kinds, the object-type row, the code-template row, the label row, then data rows until an empty row.
 */
public final class TableScanner {

    public static final int KIND_ROW = 1;
    public static final int OBJECT_ROW = 2;
    public static final int CODE_ROW = 3;
    public static final int LABEL_ROW = 4;
    public static final int FIRST_DATA_ROW = 5;

    /**
     * The column kinds our tables may use. Drools knows more (METADATA, AGENDA-GROUP, TIMER, ...), some of which run
     * code while compiling or stop rules firing at all; they are refused, so a table is data under a fixed header.
     */
    public static final Set<String> KINDS = Set.of("CONDITION", "ACTION", "NAME", "PRIORITY", "ACTIVATION-GROUP",
            "DESCRIPTION");

    public List<RuleTable> scan(Grid.Sheet sheet) {
        List<RuleTable> tables = new ArrayList<>();
        int r = 0;
        while (r < sheet.rows().size()) {
            int c = ruleTableColumn(sheet, r);
            if (c < 0) {
                r++;
                continue;
            }
            RuleTable table = table(sheet, r, c);
            tables.add(table);
            r = table.rows().isEmpty() ? r + FIRST_DATA_ROW : table.rows().get(table.rows().size() - 1).row() + 1;
        }
        return tables;
    }

    /** True when a sheet holds at least one rule table (other sheets, such as notes or tests, are not compiled). */
    public boolean hasRuleTable(Grid.Sheet sheet) {
        for (int r = 0; r < sheet.rows().size(); r++) {
            if (ruleTableColumn(sheet, r) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static int ruleTableColumn(Grid.Sheet sheet, int row) {
        for (int c = 0; c < sheet.width(row); c++) {
            if (sheet.cell(row, c).trim().toLowerCase(Locale.ROOT).startsWith("ruletable")) {
                return c;
            }
        }
        return -1;
    }

    /**
     * The object type over a column: its own cell, or the first cell of a merged range across that row (Drools' way of
     * putting several conditions on one fact).
     */
    private static String objectType(Grid.Sheet sheet, int row, int col) {
        String own = sheet.cell(row, col).trim();
        if (!own.isEmpty()) {
            return own;
        }
        return sheet.mergeAt(row, col).filter(m -> m.firstRow() == row && m.lastRow() == row)
                .map(m -> sheet.cell(row, m.firstCol()).trim()).orElse("");
    }

    private static RuleTable table(Grid.Sheet sheet, int start, int startCol) {
        String name = sheet.cell(start, startCol).trim().substring("RuleTable".length()).trim();
        int kindRow = start + KIND_ROW;
        List<RuleTable.Column> columns = new ArrayList<>();
        for (int c = startCol; c < sheet.width(kindRow); c++) {
            String kind = sheet.cell(kindRow, c).trim().toUpperCase(Locale.ROOT);
            if (kind.isEmpty()) {
                continue;
            }
            columns.add(new RuleTable.Column(c, kind, objectType(sheet, start + OBJECT_ROW, c),
                    sheet.cell(start + CODE_ROW, c).trim(), sheet.cell(start + LABEL_ROW, c).trim()));
        }
        List<RuleTable.DataRow> rows = new ArrayList<>();
        for (int r = start + FIRST_DATA_ROW; r < sheet.rows().size(); r++) {
            List<String> cells = new ArrayList<>(columns.size());
            boolean any = false;
            for (RuleTable.Column column : columns) {
                String value = sheet.cell(r, column.col()).trim();
                any |= !value.isEmpty();
                cells.add(value);
            }
            if (!any || ruleTableColumn(sheet, r) >= 0) {
                break;
            }
            rows.add(new RuleTable.DataRow(r, cells));
        }
        return new RuleTable(sheet.name(), name, start, startCol, columns, rows);
    }
}

package io.nbo.rules.validate;

import io.nbo.common.error.Values;
import io.nbo.rules.compile.Grid;
import io.nbo.rules.compile.GridReader;
import io.nbo.rules.compile.ReadLimits;
import io.nbo.rules.compile.RuleSetException;
import io.nbo.rules.compile.RuleSource;
import io.nbo.rules.compile.RuleTable;
import io.nbo.rules.compile.TableScanner;
import io.nbo.rules.workbook.WorkbookTestReader;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a change of data rows (a marketer's business) from a change of a table's header block (code: RuleSet,
 * Import, Variables, the RuleTable line, column kinds, object types and templates). Labels, notes, data rows and the
 * Tests block may change freely. A new table file is judged by its column templates: built only from approved ones
 * (the live tables' and {@link StandardTemplates}), it adds data, not code.
 */
public final class HeaderLock {

    private final GridReader reader;
    private final TableScanner scanner = new TableScanner();

    public HeaderLock() {
        this(ReadLimits.DEFAULTS);
    }

    /** A lock reading files within the same limits as the checks, so it never passes over a file they read. */
    public HeaderLock(ReadLimits limits) {
        this.reader = new GridReader(limits);
    }

    /** The column templates the given table files use (files that cannot be read add none). */
    public Set<ColumnTemplate> templates(Collection<RuleSource> sources) {
        Set<ColumnTemplate> out = new HashSet<>();
        for (RuleSource source : sources) {
            if (source.kind() == RuleSource.Kind.DRL) {
                continue;
            }
            forEachColumn(source, (where, column) -> out.add(column));
        }
        return out;
    }

    /**
     * The first column of a new table file whose template is not among {@code approved}, described, or empty. A file
     * that cannot be read has no columns here: the checks refuse it with the cell and the reason, nothing compiles.
     */
    public Optional<String> unapprovedColumn(RuleSource source, Set<ColumnTemplate> approved) {
        String[] found = new String[1];
        forEachColumn(source, (where, column) -> {
            if (found[0] == null && !column.dataOnly() && !approved.contains(column)) {
                found[0] = where + " uses the column template " + Values.clip(column.toString(), 100) + ", which "
                        + "is neither a standard template nor one the live tables use";
            }
        });
        return Optional.ofNullable(found[0]);
    }

    private void forEachColumn(RuleSource source, java.util.function.BiConsumer<String, ColumnTemplate> each) {
        Grid grid;
        try {
            grid = reader.read(source);
        } catch (RuleSetException e) {
            return;
        }
        for (Grid.Sheet sheet : grid.sheets()) {
            if (!scanner.hasRuleTable(sheet)) {
                continue;
            }
            for (RuleTable table : scanner.scan(sheet)) {
                for (RuleTable.Column column : table.columns()) {
                    each.accept("sheet '" + sheet.name() + "', RuleTable " + Values.clip(table.name(), 40)
                            + ", column " + Grid.column(column.col()), ColumnTemplate.of(column));
                }
            }
        }
    }

    /** The first header cell that differs between two versions of one table file, described, or empty. */
    public Optional<String> headerChange(RuleSource before, RuleSource after) {
        Map<String, String> a = header(before);
        Map<String, String> b = header(after);
        if (b == null) {
            return Optional.empty(); // unreadable: the checks refuse it with the cell and the reason, nothing compiles
        }
        if (a == null) {
            a = Map.of();
        }
        for (Map.Entry<String, String> cell : b.entrySet()) {
            String old = a.getOrDefault(cell.getKey(), "");
            if (!old.equals(cell.getValue())) {
                return Optional.of(describe(cell.getKey(), old, cell.getValue()));
            }
        }
        for (Map.Entry<String, String> cell : a.entrySet()) {
            if (!b.containsKey(cell.getKey())) {
                return Optional.of(describe(cell.getKey(), cell.getValue(), ""));
            }
        }
        return Optional.empty();
    }

    private static String describe(String where, String old, String now) {
        return "the header block changed at " + where + " ('" + Values.clip(old, 60) + "' -> '"
                + Values.clip(now, 60) + "')";
    }

    /** Sheet!cell to text of every header cell of the rule-table sheets of a file; null when it cannot be read. */
    Map<String, String> header(RuleSource source) {
        Map<String, String> out = new LinkedHashMap<>();
        Grid grid;
        try {
            grid = reader.read(source);
        } catch (RuleSetException e) {
            return null;
        }
        for (Grid.Sheet sheet : grid.sheets()) {
            if (!scanner.hasRuleTable(sheet)) {
                continue;
            }
            var tables = scanner.scan(sheet);
            Set<Integer> tests = WorkbookTestReader.blockRows(sheet);
            String section = "top";
            int base = 0;
            for (int r = 0; r < sheet.rows().size(); r++) {
                for (RuleTable table : tables) {
                    int end = table.rows().isEmpty() ? table.startRow() + TableScanner.FIRST_DATA_ROW
                            : table.rows().get(table.rows().size() - 1).row() + 1;
                    if (r == table.startRow()) {
                        section = "RuleTable " + table.name();
                        base = r;
                    } else if (r == end) {
                        section = "below RuleTable " + table.name();
                        base = r;
                    }
                }
                if (tests.contains(r) || dataOrLabelRow(tables, r) || notes(sheet, r)) {
                    continue;
                }
                for (int c = 0; c < sheet.width(r); c++) {
                    String value = sheet.cell(r, c).trim();
                    if (!value.isEmpty()) {
                        out.put("sheet '" + sheet.name() + "', " + section + ", header row " + (r - base + 1)
                                + ", column " + Grid.column(c), value);
                    }
                }
            }
        }
        return out;
    }

    private static boolean dataOrLabelRow(java.util.List<RuleTable> tables, int r) {
        for (RuleTable table : tables) {
            if (r == table.startRow() + TableScanner.LABEL_ROW) {
                return true;
            }
            for (RuleTable.DataRow row : table.rows()) {
                if (row.row() == r) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean notes(Grid.Sheet sheet, int r) {
        for (int c = 0; c < sheet.width(r); c++) {
            String cell = sheet.cell(r, c).trim();
            if (!cell.isEmpty()) {
                return cell.equalsIgnoreCase("Notes");
            }
        }
        return false;
    }
}

package io.nbo.contact.policy;

import io.nbo.rules.compile.Grid;
import io.nbo.rules.compile.RuleProblem;
import io.nbo.rules.workbook.WorkbookTestReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the rules are in a policy file: on its first sheet, after the header row, skipping blank rows, comment rows
 * (first cell starting with {@code #}) and the Tests block; later sheets may hold Tests blocks only. Merged cells and
 * cells outside the named columns are refused, so every value read is one the marketer sees in its own cell.
 */
final class PolicySheet {

    static final List<String> COLUMNS = PolicyTableReader.COLUMNS;

    private PolicySheet() {
    }

    /** The rule rows of the first sheet; the header, comments, blank rows and the Tests block are not rules. */
    static List<PolicyRow> rows(Grid grid, List<RuleProblem> problems) {
        String file = grid.file();
        boolean workbook = PolicyTableReader.isWorkbook(file);
        Grid.Sheet sheet = grid.sheets().get(0);
        for (int i = 1; i < grid.sheets().size(); i++) {
            onlyExamples(file, grid.sheets().get(i), problems);
        }
        for (Grid.Merge merge : sheet.merges()) {
            problems.add(RuleProblem.error(file, sheet.name(), merge.toString(), merge.firstRow() + 1, "is a merged "
                    + "range; every cell of the policy holds its own value: unmerge it"));
        }
        Set<Integer> tests = WorkbookTestReader.blockRows(sheet);
        Map<String, Integer> header = null;
        List<PolicyRow> rows = new ArrayList<>();
        for (int r = 0; r < sheet.rows().size(); r++) {
            if (tests.contains(r) || blank(sheet, r) || sheet.cell(r, 0).strip().startsWith("#")) {
                continue;
            }
            if (header == null) {
                header = header(file, sheet, r, problems);
                if (header == null) {
                    return List.of();
                }
                continue;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            Set<Integer> used = new HashSet<>(header.values());
            for (Map.Entry<String, Integer> column : header.entrySet()) {
                cells.put(column.getKey(), sheet.cell(r, column.getValue()).strip());
            }
            for (int c = 0; c < sheet.width(r); c++) {
                if (!used.contains(c) && !sheet.cell(r, c).isBlank()) {
                    problems.add(RuleProblem.error(file, sheet.name(), Grid.ref(r, c), r + 1, "is outside the "
                            + "table's columns (" + String.join(", ", COLUMNS) + "); delete it"));
                }
            }
            rows.add(new PolicyRow(file, sheet.name(), r, cells, header, workbook));
        }
        if (header == null) {
            problems.add(RuleProblem.error(file, sheet.name(), null, null, "the table has no header row; the first "
                    + "row must name the columns " + String.join(", ", COLUMNS)));
        }
        return rows;
    }

    private static Map<String, Integer> header(String file, Grid.Sheet sheet, int r, List<RuleProblem> problems) {
        int before = problems.size();
        Map<String, Integer> header = new HashMap<>();
        for (int c = 0; c < sheet.width(r); c++) {
            String name = sheet.cell(r, c).strip();
            if (name.isEmpty()) {
                continue;
            }
            String known = COLUMNS.stream().filter(k -> k.equalsIgnoreCase(name)).findFirst().orElse(null);
            if (known == null) {
                problems.add(RuleProblem.error(file, sheet.name(), Grid.ref(r, c), r + 1, "unknown column '" + name
                        + "'; the columns are " + String.join(", ", COLUMNS)));
            } else if (header.putIfAbsent(known, c) != null) {
                problems.add(RuleProblem.error(file, sheet.name(), Grid.ref(r, c), r + 1, "column " + known
                        + " appears twice"));
            }
        }
        for (String column : COLUMNS) {
            if (!header.containsKey(column)) {
                problems.add(RuleProblem.error(file, sheet.name(), null, r + 1, "the header has no column "
                        + column));
            }
        }
        return problems.size() == before ? header : null;
    }

    /** A sheet after the first may hold a Tests block and nothing else. */
    private static void onlyExamples(String file, Grid.Sheet sheet, List<RuleProblem> problems) {
        Set<Integer> tests = WorkbookTestReader.blockRows(sheet);
        for (int r = 0; r < sheet.rows().size(); r++) {
            for (int c = 0; !tests.contains(r) && c < sheet.width(r); c++) {
                if (!sheet.cell(r, c).isBlank()) {
                    problems.add(RuleProblem.error(file, sheet.name(), Grid.ref(r, c), r + 1, "is outside a Tests "
                            + "block; a policy workbook holds the rules on its first sheet and, on other sheets, only "
                            + "Tests blocks (a cell 'Tests', a header row, one example per row)"));
                    return;
                }
            }
        }
    }

    private static boolean blank(Grid.Sheet sheet, int r) {
        for (int c = 0; c < sheet.width(r); c++) {
            if (!sheet.cell(r, c).isBlank()) {
                return false;
            }
        }
        return true;
    }
}

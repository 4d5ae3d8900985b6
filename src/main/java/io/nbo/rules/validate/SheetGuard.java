package io.nbo.rules.validate;

import io.nbo.common.error.Values;
import io.nbo.rules.compile.Grid;
import io.nbo.rules.compile.RuleProblem;
import io.nbo.rules.compile.RuleTable;
import io.nbo.rules.compile.TableScanner;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the shape of a sheet around its rule tables: only what is explicitly allowed may be there. Above and between
 * tables a row may be RuleSet, Import, Variables (each once, naming only the vocabulary) or Notes; inside a table
 * every filled cell sits under a column kind; cells may be merged only across the fact names above CONDITION columns
 * (Drools' way of sharing one fact) or in rows outside the tables; a sheet without a rule table must be the Tests
 * sheet or empty. Anything else is refused with its cell, never skipped, so nothing is in a file that was not checked.
 */
final class SheetGuard {

    /** Keywords Drools reads in a sheet outside rule tables: code, refused with the reason. */
    private static final Set<String> DROOLS_KEYS = Set.of("functions", "queries", "declare", "unit", "sequential",
            "sequentialmaxpriority", "sequentialminpriority", "escapequotes", "numericdisabled", "dialect",
            "salience", "priority", "duration", "timer", "calendars", "noloop", "lockonactive", "autofocus",
            "activationgroup", "agendagroup", "ruleflowgroup", "dateeffective", "dateexpires", "enabled");
    private static final Set<String> SINGLE_VALUE_KEYS = Set.of("ruleset", "import", "variables");
    private static final Pattern PACKAGE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");
    private static final String CODE = "is code and is not allowed in a decision table; tables may only use RuleSet, "
            + "Import, Variables and Notes above their rule tables (shared logic belongs in rules/*.drl, written and "
            + "reviewed by developers)";

    /** Problems of a sheet holding rule tables. */
    List<RuleProblem> checkRuleSheet(String file, Grid.Sheet sheet, List<RuleTable> tables, Set<Integer> testRows) {
        List<RuleProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int r = 0; r < sheet.rows().size(); r++) {
            RuleTable table = tableAt(tables, r);
            if (table != null) {
                strayCells(file, sheet, table, r, problems);
            } else if (!testRows.contains(r)) {
                keywordRow(file, sheet, r, seen, problems);
            }
        }
        merges(file, sheet, tables, testRows, problems);
        return problems;
    }

    /** Problems of a sheet with no rule table: it must be a Tests sheet (Tests blocks and Notes) or empty. */
    List<RuleProblem> checkOtherSheet(String file, Grid.Sheet sheet, Set<Integer> testRows) {
        List<RuleProblem> problems = new ArrayList<>();
        for (int r = 0; r < sheet.rows().size(); r++) {
            int c = firstCell(sheet, r);
            if (c < 0 || testRows.contains(r) || normal(sheet.cell(r, c)).equals("notes")) {
                continue;
            }
            problems.add(RuleProblem.error(file, sheet.name(), Grid.ref(r, c), r + 1, "sheet '" + sheet.name()
                    + "' holds neither a rule table nor Tests; a decision table workbook holds rule-table sheets and "
                    + "a Tests sheet only: move this to a Notes row or delete the sheet"));
            return problems;
        }
        merges(file, sheet, List.of(), testRows, problems);
        return problems;
    }

    private static void keywordRow(String file, Grid.Sheet sheet, int r, Set<String> seen, List<RuleProblem> out) {
        int c = firstCell(sheet, r);
        if (c < 0) {
            return;
        }
        String key = sheet.cell(r, c).trim();
        String normal = normal(key);
        String value = sheet.cell(r, c + 1).trim();
        String why = null;
        if (DROOLS_KEYS.contains(normal)) {
            why = "'" + Values.clip(key, 40) + "' " + CODE;
        } else if (normal.equals("notes")) {
            return;
        } else if (!SINGLE_VALUE_KEYS.contains(normal)) {
            why = "'" + Values.clip(key, 40) + "' is not part of a decision table: outside the rule tables a row may "
                    + "only be RuleSet, Import, Variables or Notes (put free text in a Notes row)";
        } else if (!seen.add(normal)) {
            why = key + " appears twice in this sheet; keep one " + key + " row";
        } else if (lastCell(sheet, r) > c + 1) {
            why = key + " takes one value, in the cell next to it; " + Grid.ref(r, lastCell(sheet, r))
                    + " holds more";
        } else if (normal.equals("ruleset") && !PACKAGE.matcher(value).matches()) {
            why = "RuleSet must be a package name such as nbo.electronics, got '" + Values.clip(value, 60) + "'";
        } else if (normal.equals("import")) {
            for (String imported : value.split(",")) {
                if (!Vocabulary.IMPORTS.contains(imported.trim())) {
                    why = "Import may only name the fact vocabulary (" + String.join(", ",
                            Vocabulary.IMPORTS.stream().sorted().toList()) + "), not '"
                            + Values.clip(imported.trim(), 60) + "'";
                    break;
                }
            }
        } else if (normal.equals("variables") && !value.replaceAll("\\s+", " ").equals(Vocabulary.VARIABLES)) {
            why = "Variables must be exactly '" + Vocabulary.VARIABLES + "', got '" + Values.clip(value, 60) + "'";
        }
        if (why != null) {
            out.add(RuleProblem.error(file, sheet.name(), Grid.ref(r, c), r + 1, why));
        }
    }

    /** A filled cell in a table's rows that no column kind covers: Drools would fail on it, we refuse it. */
    private static void strayCells(String file, Grid.Sheet sheet, RuleTable table, int r, List<RuleProblem> out) {
        if (r == table.startRow()) {
            return;
        }
        Set<Integer> columns = new HashSet<>();
        table.columns().forEach(column -> columns.add(column.col()));
        for (int c = table.startCol(); c < sheet.width(r); c++) {
            if (!columns.contains(c) && !sheet.cell(r, c).isBlank()) {
                out.add(RuleProblem.error(file, sheet.name(), Grid.ref(r, c), r + 1, "'"
                        + Values.clip(sheet.cell(r, c).trim(), 40) + "' is inside rule table '" + table.name()
                        + "' but under no CONDITION, ACTION, NAME, PRIORITY or DESCRIPTION column; move notes to a "
                        + "Notes row"));
            }
        }
    }

    private static void merges(String file, Grid.Sheet sheet, List<RuleTable> tables, Set<Integer> testRows,
                               List<RuleProblem> out) {
        for (Grid.Merge merge : sheet.merges()) {
            if (!allowed(merge, tables, testRows)) {
                out.add(RuleProblem.error(file, sheet.name(), Grid.ref(merge.firstRow(), merge.firstCol()),
                        merge.firstRow() + 1, "cells " + merge + " are merged; in a decision table only the fact "
                                + "names above CONDITION columns (and notes outside the tables) may be merged: unmerge "
                                + "them and fill in each cell"));
            }
        }
    }

    private static boolean allowed(Grid.Merge merge, List<RuleTable> tables, Set<Integer> testRows) {
        for (int r = merge.firstRow(); r <= merge.lastRow(); r++) {
            if (testRows.contains(r)) {
                return false;
            }
        }
        for (RuleTable table : tables) {
            int objectRow = table.startRow() + TableScanner.OBJECT_ROW;
            if (merge.firstRow() == merge.lastRow()
                    && (merge.firstRow() == objectRow || merge.firstRow() == table.startRow())) {
                return true;
            }
            if (merge.lastRow() >= table.startRow() && merge.firstRow() <= lastRow(table)) {
                return false;
            }
        }
        return true;
    }

    /** The table a row belongs to (from its RuleTable row to its last data row), or null. */
    static RuleTable tableAt(List<RuleTable> tables, int row) {
        for (RuleTable table : tables) {
            if (row >= table.startRow() && row <= lastRow(table)) {
                return table;
            }
        }
        return null;
    }

    private static int lastRow(RuleTable table) {
        return table.rows().isEmpty() ? table.startRow() + TableScanner.LABEL_ROW
                : table.rows().get(table.rows().size() - 1).row();
    }

    private static int firstCell(Grid.Sheet sheet, int row) {
        for (int c = 0; c < sheet.width(row); c++) {
            if (!sheet.cell(row, c).isBlank()) {
                return c;
            }
        }
        return -1;
    }

    private static int lastCell(Grid.Sheet sheet, int row) {
        for (int c = sheet.width(row) - 1; c >= 0; c--) {
            if (!sheet.cell(row, c).isBlank()) {
                return c;
            }
        }
        return -1;
    }

    static String normal(String key) {
        return key.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
    }
}

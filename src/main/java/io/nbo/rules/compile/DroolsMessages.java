package io.nbo.rules.compile;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.internal.builder.KnowledgeBuilderError;

/**
 * Turns Drools' own messages into problems a table author can act on: the file, sheet and cell, and the first line
 * of what Drools said, never a stack trace.
 */
final class DroolsMessages {

    private static final Pattern RULE_VALUES = Pattern.compile("rule values at ([A-Z]{1,3})(\\d+)");

    private DroolsMessages() {
    }

    static RuleProblem fromBuildError(KnowledgeBuilderError error, RuleSetCompiler.GeneratedDrl origin) {
        String message = plain(error.getMessage());
        int line = error.getLines() != null && error.getLines().length > 0 ? error.getLines()[0] : -1;
        if (origin == null) {
            return RuleProblem.error(error.getResource() == null ? "rules" : error.getResource().getSourcePath(),
                    null, null, line > 0 ? line : null, message);
        }
        if (origin.sheet() == null) {
            return RuleProblem.error(origin.file(), null, null, line > 0 ? line : null, message);
        }
        String[] lines = origin.text().split("\n", -1);
        int row = ruleRow(lines, line);
        if (row < 0) {
            return RuleProblem.error(origin.file(), origin.sheetName(), null, null, message);
        }
        String offending = line > 0 && line <= lines.length ? lines[line - 1] : "";
        String cell = guessCell(origin.sheet(), row - 1, offending, String.valueOf(error.getMessage()));
        return RuleProblem.error(origin.file(), origin.sheetName(), cell, row, message);
    }

    /** The spreadsheet row of the rule around a DRL line: the last "rule values at A11" comment before it. */
    private static int ruleRow(String[] lines, int line) {
        int upTo = line > 0 ? Math.min(line, lines.length) : lines.length;
        for (int i = upTo - 1; i >= 0; i--) {
            Matcher m = RULE_VALUES.matcher(lines[i]);
            if (m.find()) {
                return Integer.parseInt(m.group(2));
            }
        }
        return -1;
    }

    /**
     * The cell of that row whose column template, filled with the cell's value, appears in the offending code; else a
     * cell whose raw value appears there; else the row's first cell.
     */
    private static String guessCell(Grid.Sheet sheet, int row, String line, String message) {
        String code = line + " " + message;
        String best = null;
        int bestScore = 0;
        for (RuleTable table : new TableScanner().scan(sheet)) {
            for (RuleTable.DataRow data : table.rows()) {
                if (data.row() != row) {
                    continue;
                }
                for (int i = 0; i < table.columns().size(); i++) {
                    String value = data.cells().get(i);
                    String template = table.columns().get(i).template();
                    String rendered = DrlWriter.fill(template, value);
                    if (value.isEmpty() || rendered.isEmpty() || !code.contains(rendered)) {
                        continue;
                    }
                    int score = 1 + (mentions(message, template) ? 1 : 0);
                    if (score > bestScore) {
                        bestScore = score;
                        best = Grid.ref(row, table.columns().get(i).col());
                    }
                }
            }
        }
        if (best != null) {
            return best;
        }
        List<String> cells = row < sheet.rows().size() ? sheet.rows().get(row) : List.of();
        for (int c = 0; c < cells.size(); c++) {
            String value = cells.get(c) == null ? "" : cells.get(c).trim();
            if (!value.isEmpty() && code.contains(value)) {
                return Grid.ref(row, c);
            }
        }
        return Grid.ref(row, 0);
    }

    /** True when Drools' message names an identifier (method or field) the column template uses. */
    private static boolean mentions(String message, String template) {
        for (String word : template.split("[^A-Za-z_]+")) {
            if (word.length() >= 4 && message.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static String plain(String message) {
        String text = message == null ? "Drools could not compile this rule" : message;
        text = text.replaceAll("\\[ERR \\d+] ", "").replaceAll("Rule Compilation error ", "");
        return firstLine(text);
    }

    private static String firstLine(String text) {
        String trimmed = text.strip();
        int nl = trimmed.indexOf('\n');
        String first = nl < 0 ? trimmed : trimmed.substring(0, nl).strip();
        return first.length() > 300 ? first.substring(0, 297) + "..." : first;
    }
}

package io.nbo.rules.compile;

/**
 * One thing wrong (or suspicious) in a rule source, located the way its author will look for it.
 *
 * @param file   the source name, e.g. {@code morning-coffee.drl.xlsx}
 * @param sheet  the sheet (a CSV file has one, "Sheet1"), or null for DRL
 * @param cell   the cell reference (D11), or null when only the row or the file is known
 * @param row    1-based row (or DRL line), or null
 */
public record RuleProblem(Severity severity, String file, String sheet, String cell, Integer row, String message) {

    public enum Severity { ERROR, WARNING }

    public static RuleProblem error(String file, String sheet, String cell, Integer row, String message) {
        return new RuleProblem(Severity.ERROR, file, sheet, cell, row, message);
    }

    public static RuleProblem warning(String file, String sheet, String cell, Integer row, String message) {
        return new RuleProblem(Severity.WARNING, file, sheet, cell, row, message);
    }

    /** "file, sheet 'S', cell D11: message" */
    public String location() {
        StringBuilder where = new StringBuilder(file);
        if (sheet != null) {
            where.append(", sheet '").append(sheet).append('\'');
        }
        if (cell != null) {
            where.append(", cell ").append(cell);
        } else if (row != null) {
            where.append(sheet == null ? ", line " : ", row ").append(row);
        }
        return where.toString();
    }

    @Override
    public String toString() {
        return location() + ": " + message;
    }
}

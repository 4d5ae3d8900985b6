package io.nbo.profile.transfer;

import java.util.regex.Pattern;

/**
 * CSV formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return as a formula. An export prefixes such a text cell with a single
 * quote, which spreadsheets show as text and do not run; an import takes the quote off again, so an export still
 * imports back unchanged. A value that itself starts with quotes before such a character gets one more, so the two
 * are exact inverses. Number cells are never touched ({@code -5} stays {@code -5}).
 */
final class CsvCells {

    private static final Pattern RISKY = Pattern.compile("^'*[=+\\-@\\t\\r]");
    private static final Pattern ESCAPED = Pattern.compile("^'+[=+\\-@\\t\\r]");

    private CsvCells() {
    }

    /** A text cell as exported: {@code '} first when a spreadsheet would run it as a formula. */
    static String neutralise(String text) {
        return RISKY.matcher(text).find() ? "'" + text : text;
    }

    /** A cell as imported: the export's {@code '} taken off again. */
    static String restore(String cell) {
        return cell != null && ESCAPED.matcher(cell).find() ? cell.substring(1) : cell;
    }
}

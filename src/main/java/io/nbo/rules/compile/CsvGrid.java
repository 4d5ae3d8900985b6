package io.nbo.rules.compile;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The one CSV reader for marketers' tables: RFC 4180 with every common line ending ({@code \r\n}, {@code \n} and a
 * lone {@code \r} each end a row, as spreadsheet programs read them). It is strict where readers are known to
 * disagree, so that a file means one thing to every reader: a line break inside a quoted value, a quote inside an
 * unquoted value, text after a closing quote, an unclosed quote, control characters and bytes that are not UTF-8 are
 * refused with the cell they are in, never guessed at.
 */
final class CsvGrid {

    private final String file;
    private final List<RuleProblem> problems = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();
    private List<String> row = new ArrayList<>();
    private final StringBuilder cell = new StringBuilder();

    private CsvGrid(String file) {
        this.file = file;
    }

    /** The rows of cells; problems are added to {@code problems}, and then the rows are not to be used. */
    static List<List<String>> read(String file, byte[] bytes, List<RuleProblem> problems) {
        CsvGrid grid = new CsvGrid(file);
        String text = grid.decode(bytes);
        if (text != null) {
            grid.parse(text.startsWith("\uFEFF") ? text.substring(1) : text);
        }
        problems.addAll(grid.problems);
        return grid.rows;
    }

    private String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.add(RuleProblem.error(file, null, null, null, "is not UTF-8 text; save the CSV as UTF-8 "
                    + "(LibreOffice: Character set 'Unicode (UTF-8)'; Excel: 'CSV UTF-8')"));
            return null;
        }
    }

    private void parse(String text) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '"' && cell.isEmpty()) {
                i = quoted(text, i + 1);
            } else if (c == ',') {
                endCell();
                i++;
            } else if (c == '\r' || c == '\n') {
                endRow();
                i += c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
            } else {
                if (c == '"') {
                    problem("has a quote inside a value that does not start with one; quote the whole value and "
                            + "double the quotes inside it (\"\"like this\"\")");
                }
                checkCharacter(c);
                cell.append(c);
                i++;
            }
        }
        if (!cell.isEmpty() || !row.isEmpty()) {
            endRow();
        }
    }

    /** Reads a quoted value from just after its opening quote; returns the index after its closing quote. */
    private int quoted(String text, int from) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i += 2;
                    continue;
                }
                int next = i + 1;
                if (next < text.length() && ",\r\n".indexOf(text.charAt(next)) < 0) {
                    problem("has text after its closing quote; quote the whole value and double the quotes inside it");
                }
                return next;
            }
            if (c == '\r' || c == '\n') {
                problem("has a line break inside a quoted value; keep every value on one line");
            } else {
                checkCharacter(c);
            }
            cell.append(c);
            i++;
        }
        problem("opens a quote that is never closed");
        return i;
    }

    private void checkCharacter(char c) {
        if (c != '\t' && (Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
            problem("holds a control character (code " + (int) c + "); remove it");
        }
    }

    private void problem(String message) {
        int r = rows.size();
        int col = row.size();
        String ref = Grid.ref(r, col);
        if (problems.stream().noneMatch(p -> ref.equals(p.cell()) && message.equals(p.message()))) {
            problems.add(RuleProblem.error(file, GridReader.CSV_SHEET, ref, r + 1, message));
        }
    }

    private void endCell() {
        row.add(cell.toString());
        cell.setLength(0);
    }

    private void endRow() {
        if (!cell.isEmpty() || !row.isEmpty()) {
            endCell();
        }
        rows.add(List.copyOf(row));
        row = new ArrayList<>();
    }
}

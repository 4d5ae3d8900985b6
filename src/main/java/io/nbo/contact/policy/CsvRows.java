package io.nbo.contact.policy;

import java.util.ArrayList;
import java.util.List;

/** Splits CSV text (RFC 4180: commas, double-quoted cells, doubled quotes) into rows of cells, keeping line numbers. */
final class CsvRows {

    /** One line of the file: its 1-based number and its cells. */
    record Row(int number, List<String> cells) {
    }

    private CsvRows() {
    }

    static List<Row> parse(String text) {
        List<Row> rows = new ArrayList<>();
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            rows.add(new Row(i + 1, cells(lines[i])));
        }
        return rows;
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        return cells;
    }
}

package io.nbo.rules.compile;

import java.util.List;

/** A workbook read as plain text cells, so problems can be pointed at by sheet and cell. */
public record Grid(String file, List<Sheet> sheets) {

    /**
     * One sheet: rows of cell texts as the author sees them (0-based here, 1-based in messages), and its merged cell
     * ranges (only workbooks have them; a merged range's text is in its top-left cell, the others read empty).
     */
    public record Sheet(String name, List<List<String>> rows, List<Merge> merges) {

        public Sheet {
            rows = List.copyOf(rows);
            merges = List.copyOf(merges);
        }

        public Sheet(String name, List<List<String>> rows) {
            this(name, rows, List.of());
        }

        /** The merged range covering a cell, if any. */
        public java.util.Optional<Merge> mergeAt(int row, int col) {
            return merges.stream().filter(m -> m.covers(row, col)).findFirst();
        }

        public String cell(int row, int col) {
            if (row < 0 || row >= rows.size()) {
                return "";
            }
            List<String> cells = rows.get(row);
            return col < cells.size() && cells.get(col) != null ? cells.get(col) : "";
        }

        public int width(int row) {
            return row < rows.size() ? rows.get(row).size() : 0;
        }
    }

    /** A merged range of cells, 0-based and inclusive. */
    public record Merge(int firstRow, int lastRow, int firstCol, int lastCol) {

        public boolean covers(int row, int col) {
            return row >= firstRow && row <= lastRow && col >= firstCol && col <= lastCol;
        }

        @Override
        public String toString() {
            return ref(firstRow, firstCol) + ":" + ref(lastRow, lastCol);
        }
    }

    /** A1-style reference for 0-based row and column. */
    public static String ref(int row, int col) {
        return column(col) + (row + 1);
    }

    public static String column(int col) {
        StringBuilder letters = new StringBuilder();
        int c = col + 1;
        while (c > 0) {
            int rem = (c - 1) % 26;
            letters.insert(0, (char) ('A' + rem));
            c = (c - 1) / 26;
        }
        return letters.toString();
    }
}

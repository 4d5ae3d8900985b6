package io.nbo.rules.compile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Measures a table file against the {@link ReadLimits} before it is read: a CSV by one pass over its bytes (rows are
 * line ends, cells the commas outside quotes), a workbook by inflating its zip parts one buffer at a time, counting
 * the inflated bytes (stopping the moment they pass the limit or the ratio to the file's size: a zip bomb never
 * inflates further) and the sheets, rows and cells its worksheet XML holds. Nothing is built and nothing is kept; the
 * reader builds the grid only from a file that fits.
 */
public final class TableGauge {

    /** What a file holds: sheets, rows and cells (all sheets), and for a workbook its inflated size. */
    public record Shape(int sheets, long rows, long cells, long inflatedBytes) {
    }

    /** Below this many inflated bytes the ratio is not looked at (small parts of any workbook compress well). */
    private static final long RATIO_GRACE = 1024 * 1024;
    private static final byte[] ZIP = {'P', 'K', 3, 4};

    private TableGauge() {
    }

    /** The file's shape; throws {@link TableTooLarge} naming the first limit it passes. */
    public static Shape measure(RuleSource source, ReadLimits limits) {
        byte[] bytes = source.bytes();
        if (bytes.length > limits.maxBytes()) {
            throw new TableTooLarge(source.name(), ReadLimits.BYTES, limits.maxBytes(), bytes.length, "is "
                    + number(bytes.length) + " bytes; a table file may be at most " + number(limits.maxBytes())
                    + " bytes (" + ReadLimits.BYTES + ")");
        }
        Shape shape = switch (source.kind()) {
            case CSV -> csv(bytes);
            case XLSX -> startsWith(bytes, ZIP) ? workbook(source.name(), bytes, limits) : new Shape(0, 0, 0, 0);
            default -> new Shape(0, 0, 0, 0);
        };
        check(source.name(), shape, limits);
        return shape;
    }

    /** Throws when a counted shape passes a limit (the reader checks what it builds with this too). */
    static void check(String file, Shape shape, ReadLimits limits) {
        if (shape.sheets() > limits.maxSheets()) {
            throw over(file, ReadLimits.SHEETS, limits.maxSheets(), shape.sheets(), "sheets", "a workbook");
        }
        if (shape.rows() > limits.maxRows()) {
            throw over(file, ReadLimits.ROWS, limits.maxRows(), shape.rows(), "rows", "a table file");
        }
        if (shape.cells() > limits.maxCells()) {
            throw over(file, ReadLimits.CELLS, limits.maxCells(), shape.cells(), "cells", "a table file");
        }
    }

    private static TableTooLarge over(String file, String limit, long max, long found, String what, String holder) {
        return new TableTooLarge(file, limit, max, found, "has " + number(found) + " " + what + "; " + holder
                + " may have at most " + number(max) + " (" + limit + "); split it into several files or ask an "
                + "operator to raise the limit");
    }

    private static Shape csv(byte[] bytes) {
        long rows = 0;
        long cells = 0;
        long lineCells = 0;
        boolean quoted = false;
        boolean empty = true;
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '\r' || b == '\n') {
                rows++;
                cells += empty ? 0 : lineCells + 1;
                lineCells = 0;
                quoted = false;
                empty = true;
                if (b == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
                    i++;
                }
                continue;
            }
            empty = false;
            if (b == '"') {
                quoted = !quoted;
            } else if (b == ',' && !quoted) {
                lineCells++;
            }
        }
        if (!empty) {
            rows++;
            cells += lineCells + 1;
        }
        return new Shape(1, rows, cells, 0);
    }

    private static Shape workbook(String file, byte[] bytes, ReadLimits limits) {
        long ratioCap = (long) limits.maxInflateRatio() * bytes.length;
        long inflated = 0;
        int sheets = 0;
        XmlTags tags = new XmlTags();
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                boolean sheet = isSheet(entry.getName());
                sheets += sheet ? 1 : 0;
                tags.reset();
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    inflated += n;
                    if (inflated > limits.maxInflatedBytes()) {
                        throw new TableTooLarge(file, ReadLimits.INFLATED, limits.maxInflatedBytes(), inflated,
                                "inflates to more than " + number(limits.maxInflatedBytes()) + " bytes (stopped at "
                                        + number(inflated) + "); a workbook may inflate to at most " + number(
                                        limits.maxInflatedBytes()) + " bytes (" + ReadLimits.INFLATED + "); save "
                                        + "a big table as .drl.csv");
                    }
                    if (inflated > RATIO_GRACE && inflated > ratioCap) {
                        throw new TableTooLarge(file, ReadLimits.RATIO, limits.maxInflateRatio(),
                                inflated / Math.max(1, bytes.length), "inflates more than "
                                + limits.maxInflateRatio() + " times its size (" + number(bytes.length) + " bytes "
                                + "became more than " + number(inflated) + "), as a zip bomb does; a workbook may "
                                + "inflate at most " + limits.maxInflateRatio() + " times (" + ReadLimits.RATIO + ")");
                    }
                    if (sheet) {
                        tags.count(buffer, n);
                    }
                }
            }
        } catch (IOException e) {
            // damaged or cut short (the bytes are in memory, so nothing else fails here): the reader refuses it
            return new Shape(sheets, tags.rows, tags.cells, inflated);
        }
        return new Shape(sheets, tags.rows, tags.cells, inflated);
    }

    /** Worksheet, chart-sheet and dialog-sheet parts (not their relationship parts). */
    private static boolean isSheet(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".xml") && !lower.contains("_rels") && (lower.contains("worksheets/")
                || lower.contains("chartsheets/") || lower.contains("dialogsheets/"));
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /**
     * Counts {@code <row>} and {@code <c>} start tags (with or without a namespace prefix) in worksheet XML fed in
     * chunks: the state carries over from one chunk to the next.
     */
    private static final class XmlTags {
        private final StringBuilder name = new StringBuilder(16);
        private boolean inName;
        long rows;
        long cells;

        void reset() {
            inName = false;
            name.setLength(0);
        }

        void count(byte[] chunk, int length) {
            for (int i = 0; i < length; i++) {
                byte b = chunk[i];
                if (b == '<') {
                    inName = true;
                    name.setLength(0);
                } else if (inName) {
                    if (b == ' ' || b == '>' || b == '/' || b == '\t' || b == '\r' || b == '\n') {
                        inName = false;
                        tag();
                    } else if (name.length() < 16) {
                        name.append((char) b);
                    } else {
                        inName = false;
                    }
                }
            }
        }

        private void tag() {
            int colon = name.indexOf(":");
            String local = colon < 0 ? name.toString() : name.substring(colon + 1);
            if (local.equals("row")) {
                rows++;
            } else if (local.equals("c")) {
                cells++;
            }
        }
    }
}

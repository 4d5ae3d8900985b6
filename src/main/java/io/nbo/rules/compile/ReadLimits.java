package io.nbo.rules.compile;

/**
 * How big one table file may be, checked while it is read and before anything is built from it: its bytes, its
 * rows and cells (all sheets together), its sheets, and for a workbook (a zip) the size its parts inflate to and how
 * far they inflate relative to the file, so a zip bomb is stopped while it is being inflated, before Apache POI builds
 * the workbook. Each limit is named by its configuration key in the message that refuses a file.
 */
public record ReadLimits(long maxBytes, long maxRows, long maxCells, int maxSheets, long maxInflatedBytes,
                         int maxInflateRatio) {

    /** The defaults of {@code nbo.rules.max-upload-bytes} and {@code nbo.rules.limits.*} (see NboConfig). */
    public static final ReadLimits DEFAULTS = new ReadLimits(10L * 1024 * 1024, 150_000, 3_000_000, 20,
            64L * 1024 * 1024, 100);

    public static final String BYTES = "nbo.rules.max-upload-bytes";
    public static final String ROWS = "nbo.rules.limits.max-rows";
    public static final String CELLS = "nbo.rules.limits.max-cells";
    public static final String SHEETS = "nbo.rules.limits.max-sheets";
    public static final String INFLATED = "nbo.rules.limits.max-inflated-bytes";
    public static final String RATIO = "nbo.rules.limits.max-inflate-ratio";

    public ReadLimits {
        if (maxBytes < 1 || maxRows < 1 || maxCells < 1 || maxSheets < 1 || maxInflatedBytes < 1
                || maxInflateRatio < 1) {
            throw new IllegalArgumentException("every read limit must be at least 1");
        }
    }
}

package io.nbo.rules.compile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * The one reader of marketers' spreadsheets (XLSX, XLS or CSV), the decision tables and the contact policy alike: it
 * turns the bytes into a {@link Grid} of plain cell values, and that grid is all the server ever checks and compiles;
 * the uploaded bytes never reach Drools. So it reads values only, one way: a formula is refused (its text and the
 * value it computes could differ from what was checked), as are hidden sheets, date cells and error cells, each with
 * the cell and what to do instead. Before reading, the file is measured against its {@link ReadLimits}
 * ({@link TableGauge}: bytes, rows, cells, sheets, and how far a workbook inflates, before Apache POI builds it); the
 * grid it builds is held to the same limits.
 */
public final class GridReader {

    /** The sheet name given to a CSV file, as spreadsheet programs show it. */
    public static final String CSV_SHEET = "Sheet1";

    private final ReadLimits limits;

    /** A reader with the default limits. */
    public GridReader() {
        this(ReadLimits.DEFAULTS);
    }

    public GridReader(ReadLimits limits) {
        this.limits = limits;
    }

    public ReadLimits limits() {
        return limits;
    }

    /** Measures the file against the limits without reading it; throws {@link TableTooLarge} when it passes one. */
    public TableGauge.Shape measure(RuleSource source) {
        return TableGauge.measure(source, limits);
    }

    /** The file as a grid; throws {@link RuleSetException} (or {@link TableTooLarge}) with what is wrong. */
    public Grid read(RuleSource source) {
        measure(source);
        return switch (source.kind()) {
            case XLSX -> readWorkbook(source.name(), source.bytes());
            case CSV -> readCsv(source.name(), source.bytes());
            default -> throw new IllegalArgumentException(source.name() + " is not a spreadsheet");
        };
    }

    /** A CSV file, whatever its name (the contact policy's too): one sheet, {@link #CSV_SHEET}. */
    public Grid readCsv(String name, byte[] bytes) {
        List<RuleProblem> problems = new ArrayList<>();
        List<List<String>> rows = CsvGrid.read(name, bytes, problems);
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        return new Grid(name, List.of(new Grid.Sheet(CSV_SHEET, rows)));
    }

    /** A workbook (XLSX or XLS), whatever its name (the contact policy's too). */
    public Grid readWorkbook(String name, byte[] bytes) {
        RuleSource source = new RuleSource(name, bytes);
        List<RuleProblem> problems = new ArrayList<>();
        List<Grid.Sheet> sheets = new ArrayList<>();
        long[] counted = new long[2];
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(source.bytes()))) {
            TableGauge.check(source.name(), new TableGauge.Shape(workbook.getNumberOfSheets(), 0, 0, 0), limits);
            for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                Sheet sheet = workbook.getSheetAt(i);
                if (workbook.isSheetHidden(i) || workbook.isSheetVeryHidden(i)) {
                    problems.add(RuleProblem.error(source.name(), sheet.getSheetName(), null, null, "is a hidden "
                            + "sheet; a decision table workbook may hold only visible rule-table sheets and a Tests "
                            + "sheet: unhide it to review it, or delete it"));
                    continue;
                }
                sheets.add(sheet(source.name(), sheet, problems, counted));
            }
        } catch (RuleSetException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new RuleSetException(List.of(RuleProblem.error(source.name(), null, null, null,
                    "cannot be read as a spreadsheet: it is damaged, or not a workbook; save it as .xlsx from Excel "
                            + "or LibreOffice")));
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        return new Grid(source.name(), sheets);
    }

    /**
     * One sheet as rows of cell texts. {@code counted} carries rows and cells over the sheets read so far: the limits
     * hold for the grid as it is built (a lone cell far down or far right would make a huge grid of empty cells).
     */
    private Grid.Sheet sheet(String file, Sheet sheet, List<RuleProblem> problems, long[] counted) {
        List<List<String>> rows = new ArrayList<>();
        counted[0] += sheet.getLastRowNum() + 1L;
        TableGauge.check(file, new TableGauge.Shape(0, counted[0], counted[1], 0), limits);
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            List<String> cells = new ArrayList<>();
            if (row != null) {
                counted[1] += Math.max(0, row.getLastCellNum());
                TableGauge.check(file, new TableGauge.Shape(0, counted[0], counted[1], 0), limits);
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : value(file, sheet.getSheetName(), cell, problems));
                }
            }
            rows.add(cells);
        }
        List<Grid.Merge> merges = new ArrayList<>();
        for (CellRangeAddress range : sheet.getMergedRegions()) {
            merges.add(new Grid.Merge(range.getFirstRow(), range.getLastRow(), range.getFirstColumn(),
                    range.getLastColumn()));
        }
        return new Grid.Sheet(sheet.getSheetName(), rows, merges);
    }

    /** The value a cell holds, as text: numbers without a display format (0.7, 1000), booleans as true/false. */
    private static String value(String file, String sheet, Cell cell, List<RuleProblem> problems) {
        String ref = Grid.ref(cell.getRowIndex(), cell.getColumnIndex());
        return switch (cell.getCellType()) {
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> cell.getBooleanCellValue() ? "true" : "false";
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    problems.add(RuleProblem.error(file, sheet, ref, cell.getRowIndex() + 1, "holds a date or time "
                            + "value; type it as text (a time as 07:30, with a leading apostrophe in Excel)"));
                    yield "";
                }
                yield number(cell.getNumericCellValue());
            }
            case FORMULA -> {
                problems.add(RuleProblem.error(file, sheet, ref, cell.getRowIndex() + 1, "holds a formula (="
                        + io.nbo.common.error.Values.clip(cell.getCellFormula(), 40) + "); decision tables take "
                        + "values only: copy the cells and paste them as values (Paste Special > Values only)"));
                yield "";
            }
            case ERROR -> {
                problems.add(RuleProblem.error(file, sheet, ref, cell.getRowIndex() + 1, "holds a spreadsheet "
                        + "error value; type the value the cell should have"));
                yield "";
            }
            default -> "";
        };
    }

    /** Whole numbers without a decimal point (1000), others as Java writes a double (0.7). */
    static String number(double value) {
        if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}

package io.nbo.rules.validate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Generates odd workbooks: the table of {@link OddCsvTables} as XLSX with a few seeded mutations of the kinds
 * spreadsheet programs produce and readers disagree on: merged fact cells (Drools' documented use), merged data cells,
 * formulas (no saved value, or one pointing into another sheet), numbers, booleans and dates typed as such, extra,
 * empty and hidden sheets, and keyword rows.
 */
final class OddWorkbooks {

    /** Rows of the base table (0-based): the fact row and the first data row. */
    private static final int FACT_ROW = 7;
    private static final int FIRST_DATA = 10;

    private OddWorkbooks() {
    }

    static byte[] generate(long seed) {
        Random random = new Random(seed);
        List<List<String>> grid = io.nbo.rules.support.XlsxTables.csv(String.join("\n", OddCsvTables.baseLines()));
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Offers");
            for (int r = 0; r < grid.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < grid.get(r).size(); c++) {
                    if (!grid.get(r).get(c).isEmpty()) {
                        row.createCell(c).setCellValue(grid.get(r).get(c));
                    }
                }
            }
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                mutate(workbook, sheet, random);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void mutate(XSSFWorkbook workbook, Sheet sheet, Random random) {
        int dataRow = FIRST_DATA + random.nextInt(3);
        int kind = random.nextInt(10);
        if ((kind == 0 || kind == 1) && !sheet.getMergedRegions().isEmpty()) {
            kind = 9;
        }
        switch (kind) {
            case 0 -> { // the fact over the two Customer columns, merged as Drools documents
                sheet.getRow(FACT_ROW).getCell(2).setBlank();
                sheet.addMergedRegion(new CellRangeAddress(FACT_ROW, FACT_ROW, 1, 2));
            }
            case 1 -> sheet.addMergedRegion(new CellRangeAddress(FIRST_DATA, FIRST_DATA + 1, 3, 3));
            case 2 -> cell(sheet, dataRow, 1).setCellFormula(random.nextBoolean() ? "\"cof\"&\"fee\"" : "Lookup!A1");
            case 3 -> { // a category typed as a number, a boolean
                if (random.nextBoolean()) {
                    cell(sheet, dataRow, 1).setCellValue(1000 + random.nextInt(3) * 0.5);
                } else {
                    cell(sheet, dataRow, 1).setCellValue(random.nextBoolean());
                }
            }
            case 4 -> {
                Cell date = cell(sheet, dataRow, 1);
                date.setCellValue(new java.util.Date(0));
                CellStyle style = workbook.createCellStyle();
                style.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
                date.setCellStyle(style);
            }
            case 5 -> workbook.createSheet("Lookup " + workbook.getNumberOfSheets()).createRow(0).createCell(0)
                    .setCellValue("COFFEE-AM");
            case 6 -> workbook.createSheet("Empty " + workbook.getNumberOfSheets());
            case 7 -> {
                Sheet hidden = workbook.createSheet("Hidden " + workbook.getNumberOfSheets());
                hidden.createRow(0).createCell(0).setCellValue("Queries");
                workbook.setSheetHidden(workbook.getSheetIndex(hidden), true);
            }
            case 8 -> { // a keyword row below everything
                Row row = sheet.createRow(sheet.getLastRowNum() + 2);
                row.createCell(0).setCellValue(random.nextBoolean() ? "Functions" : "Notes");
                row.createCell(1).setCellValue("function void f() { }");
            }
            default -> { // the whole row's category in lower and upper case: plain text both ways
                cell(sheet, dataRow, 1).setCellValue(random.nextBoolean() ? "COFFEE" : "coffee ");
            }
        }
    }

    private static Cell cell(Sheet sheet, int row, int col) {
        Row r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
        return r.getCell(col) == null ? r.createCell(col) : r.getCell(col);
    }
}

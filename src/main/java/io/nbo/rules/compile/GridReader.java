package io.nbo.rules.compile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.drools.decisiontable.parser.csv.CsvLineParser;

/** Reads a spreadsheet (XLSX, XLS or CSV) into a {@link Grid} of the texts its author sees. */
public final class GridReader {

    /** The sheet name given to a CSV file, as spreadsheet programs show it. */
    public static final String CSV_SHEET = "Sheet1";

    public Grid read(RuleSource source) {
        return switch (source.kind()) {
            case XLSX -> readWorkbook(source);
            case CSV -> readCsv(source);
            default -> throw new IllegalArgumentException(source.name() + " is not a spreadsheet");
        };
    }

    private Grid readCsv(RuleSource source) {
        CsvLineParser parser = new CsvLineParser();
        List<List<String>> rows = new ArrayList<>();
        String text = new String(source.bytes(), StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        for (String line : text.split("\r?\n", -1)) {
            rows.add(line.isEmpty() ? List.of() : List.copyOf(parser.parse(line)));
        }
        return new Grid(source.name(), List.of(new Grid.Sheet(CSV_SHEET, rows)));
    }

    private Grid readWorkbook(RuleSource source) {
        DataFormatter formatter = new DataFormatter();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(source.bytes()))) {
            List<Grid.Sheet> sheets = new ArrayList<>();
            for (Sheet sheet : workbook) {
                List<List<String>> rows = new ArrayList<>();
                for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    List<String> cells = new ArrayList<>();
                    if (row != null) {
                        for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                            Cell cell = row.getCell(c);
                            cells.add(cell == null ? "" : formatter.formatCellValue(cell));
                        }
                    }
                    rows.add(cells);
                }
                sheets.add(new Grid.Sheet(sheet.getSheetName(), rows));
            }
            return new Grid(source.name(), sheets);
        } catch (IOException | RuntimeException e) {
            throw new RuleSetException(List.of(RuleProblem.error(source.name(), null, null, null,
                    "cannot be read as a spreadsheet (" + e.getMessage() + "); save it as .xlsx from Excel or "
                            + "LibreOffice")));
        }
    }
}

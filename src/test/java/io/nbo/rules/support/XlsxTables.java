package io.nbo.rules.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.drools.decisiontable.parser.csv.CsvLineParser;

/**
 * Writes decision tables as XLSX the way a marketer's spreadsheet program saves them, merging each object-type cell
 * across its adjacent CONDITION columns as Drools requires. Used to build the sample workbook and test workbooks.
 */
public final class XlsxTables {

    private XlsxTables() {
    }

    /** Reads a CSV grid (Drools' CSV dialect). */
    public static List<List<String>> csv(String text) {
        CsvLineParser parser = new CsvLineParser();
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.split("\r?\n", -1)) {
            rows.add(line.isEmpty() ? List.of() : parser.parse(line));
        }
        return rows;
    }

    /** One workbook with the given sheets (name, rows), rule-table object types merged. */
    @SafeVarargs
    public static byte[] workbook(Object... namesAndGrids) {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < namesAndGrids.length; i += 2) {
                @SuppressWarnings("unchecked")
                List<List<String>> grid = (List<List<String>>) namesAndGrids[i + 1];
                fill(workbook.createSheet((String) namesAndGrids[i]), grid);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fill(Sheet sheet, List<List<String>> grid) {
        for (int r = 0; r < grid.size(); r++) {
            Row row = sheet.createRow(r);
            List<String> cells = grid.get(r);
            for (int c = 0; c < cells.size(); c++) {
                if (!cells.get(c).isEmpty()) {
                    row.createCell(c).setCellValue(cells.get(c));
                }
            }
        }
        for (int r = 0; r < grid.size(); r++) {
            if (!grid.get(r).isEmpty() && grid.get(r).get(0).startsWith("RuleTable") && r + 2 < grid.size()) {
                mergeObjectTypes(sheet, grid.get(r + 1), grid.get(r + 2), r + 2);
            }
        }
    }

    private static void mergeObjectTypes(Sheet sheet, List<String> kinds, List<String> types, int typeRow) {
        int c = 0;
        while (c < types.size()) {
            int end = c;
            while (!types.get(c).isEmpty() && end + 1 < types.size() && types.get(end + 1).equals(types.get(c))
                    && "CONDITION".equals(kinds.get(end + 1))) {
                end++;
            }
            if (end > c) {
                for (int k = c + 1; k <= end; k++) {
                    sheet.getRow(typeRow).createCell(k).setBlank();
                }
                sheet.addMergedRegion(new CellRangeAddress(typeRow, typeRow, c, end));
            }
            c = end + 1;
        }
    }

    /** Regenerates decision-tables/morning-coffee.drl.xlsx from its CSV grid: {@code args = grid.csv out.xlsx}. */
    public static void main(String[] args) throws IOException {
        String text = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
        Files.write(Path.of(args[1]), workbook("MorningCoffee", csv(text)));
    }
}

package io.nbo.contact.policy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Policy workbooks as a spreadsheet program saves them: text as text, numbers typed as numbers. */
public final class PolicyWorkbooks {

    /** One sheet: its name and rows of cells (String or Number; "" leaves a cell empty). */
    public record SheetSpec(String name, List<List<Object>> rows) {
    }

    private PolicyWorkbooks() {
    }

    public static SheetSpec sheet(String name, List<List<Object>> rows) {
        return new SheetSpec(name, rows);
    }

    public static byte[] workbook(SheetSpec... sheets) {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (SheetSpec spec : sheets) {
                Sheet sheet = workbook.createSheet(spec.name());
                for (int r = 0; r < spec.rows().size(); r++) {
                    Row row = sheet.createRow(r);
                    List<Object> cells = spec.rows().get(r);
                    for (int c = 0; c < cells.size(); c++) {
                        if (cells.get(c) instanceof Number n) {
                            row.createCell(c).setCellValue(n.doubleValue());
                        } else if (!cells.get(c).toString().isEmpty()) {
                            row.createCell(c).setCellValue(cells.get(c).toString());
                        }
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The policy header row. */
    public static List<Object> header() {
        return List.of("Rule", "Type", "Channel", "Offer", "Group", "Limit", "Window", "Outcome", "Rest", "From",
                "Until", "Cost");
    }
}

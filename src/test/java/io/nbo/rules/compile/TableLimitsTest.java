package io.nbo.rules.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbo.rules.support.XlsxTables;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Every read limit refuses a file while it is measured, naming the limit and the value found, before a grid (or, for a
 * workbook, Apache POI's model of it) is built; and a 100,000-row table fits the defaults while 200,000 rows do not.
 */
class TableLimitsTest {

    private static final ReadLimits SMALL = new ReadLimits(100_000, 100, 250, 2, 1024 * 1024, 100);

    @Test
    void aCsvWithTooManyRowsIsRefusedNamingTheLimitAndTheRowsFound() {
        TableTooLarge refused = refused("big.drl.csv", csv(150), SMALL);

        assertThat(refused.limit()).isEqualTo("nbo.rules.limits.max-rows");
        assertThat(refused.maximum()).isEqualTo(100);
        assertThat(refused.found()).isEqualTo(155);
        assertThat(refused.bodyTooLarge()).isFalse();
        assertThat(refused.detail()).isEqualTo("big.drl.csv: has 155 rows; a table file may have at most 100 "
                + "(nbo.rules.limits.max-rows); split it into several files or ask an operator to raise the limit");
    }

    @Test
    void cellsAreCountedOutsideQuotesOnly() {
        TableTooLarge refused = refused("wide.drl.csv", csv(80), SMALL);

        assertThat(refused.limit()).isEqualTo("nbo.rules.limits.max-cells");
        assertThat(refused.found()).isEqualTo(2 + 1 + 3 + 3 + 3 + 80 * 3L);
        assertThat(TableGauge.measure(new RuleSource("q.drl.csv", "\"a,b\",c\n\n,\n".getBytes(
                StandardCharsets.UTF_8)), SMALL)).isEqualTo(new TableGauge.Shape(1, 3, 4, 0));
    }

    @Test
    void aFileOverTheByteLimitIsTooLargeAsABody() {
        TableTooLarge refused = refused("huge.drl.csv", new byte[100_001], SMALL);

        assertThat(refused.bodyTooLarge()).isTrue();
        assertThat(refused.limit()).isEqualTo("nbo.rules.max-upload-bytes");
        assertThat(refused.detail()).isEqualTo("huge.drl.csv: is 100,001 bytes; a table file may be at most 100,000 "
                + "bytes (nbo.rules.max-upload-bytes)");
    }

    @Test
    void aZipBombIsStoppedWhileInflatingBeforePoiSeesIt() throws IOException {
        byte[] bomb = zip("xl/worksheets/sheet1.xml", new byte[64 * 1024 * 1024]);

        TableTooLarge refused = refused("bomb.drl.xlsx", bomb, ReadLimits.DEFAULTS);

        assertThat(bomb.length).isLessThan(100_000);
        assertThat(refused.limit()).isEqualTo("nbo.rules.limits.max-inflate-ratio");
        assertThat(refused.maximum()).isEqualTo(100);
        assertThat(refused.detail()).startsWith("bomb.drl.xlsx: inflates more than 100 times its size (" + String
                .format(java.util.Locale.ROOT, "%,d", bomb.length) + " bytes became more than ")
                .endsWith("), as a zip bomb does; a workbook may inflate at most 100 times "
                        + "(nbo.rules.limits.max-inflate-ratio)");
    }

    @Test
    void aWorkbookInflatingPastTheSizeLimitIsStoppedJustPastIt() throws IOException {
        byte[] digits = new byte[3 * 1024 * 1024];
        Random random = new Random(7);
        for (int i = 0; i < digits.length; i++) {
            digits[i] = (byte) ('0' + random.nextInt(10));
        }

        TableTooLarge refused = refused("digits.drl.xlsx", zip("xl/worksheets/sheet1.xml", digits),
                new ReadLimits(10_000_000, 100, 250, 2, 1024 * 1024, 100));

        assertThat(refused.limit()).isEqualTo("nbo.rules.limits.max-inflated-bytes");
        assertThat(refused.maximum()).isEqualTo(1024 * 1024);
        assertThat(refused.found()).isBetween(1024 * 1024 + 1L, 1024 * 1024 + 64 * 1024L);
    }

    @Test
    void sheetsRowsAndCellsOfAWorkbookAreCountedFromItsXml() {
        byte[] workbook = XlsxTables.workbook("A", XlsxTables.csv("a,b\nc"), "B", XlsxTables.csv("d"),
                "C", XlsxTables.csv("e,f,g"));

        TableGauge.Shape shape = TableGauge.measure(new RuleSource("three.drl.xlsx", workbook), ReadLimits.DEFAULTS);
        TableTooLarge refused = refused("three.drl.xlsx", workbook, SMALL);

        assertThat(shape.sheets()).isEqualTo(3);
        assertThat(shape.rows()).isEqualTo(4);
        assertThat(shape.cells()).isEqualTo(7);
        assertThat(refused.limit()).isEqualTo("nbo.rules.limits.max-sheets");
        assertThat(refused.found()).isEqualTo(3);
    }

    @Test
    void aLoneCellFarDownIsRefusedBeforeItsEmptyRowsAreBuilt() throws IOException {
        byte[] sparse;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("Far").createRow(499_999).createCell(0).setCellValue("x");
            workbook.write(out);
            sparse = out.toByteArray();
        }

        assertThatThrownBy(() -> new GridReader().read(new RuleSource("far.drl.xlsx", sparse)))
                .isInstanceOfSatisfying(TableTooLarge.class, e -> {
                    assertThat(e.limit()).isEqualTo("nbo.rules.limits.max-rows");
                    assertThat(e.found()).isEqualTo(500_000);
                });
    }

    @Test
    void aHundredThousandRowTableFitsTheDefaultsAndTwoHundredThousandRowsDoNot() {
        TableGauge.Shape fits = TableGauge.measure(new RuleSource("big.drl.csv", csv(100_000)), ReadLimits.DEFAULTS);
        TableTooLarge refused = refused("huge.drl.csv", csv(200_000), ReadLimits.DEFAULTS);

        assertThat(fits.rows()).isEqualTo(100_005);
        assertThat(refused.limit()).isEqualTo("nbo.rules.limits.max-rows");
        assertThat(refused.found()).isEqualTo(200_005);
        assertThat(refused.detail()).isEqualTo("huge.drl.csv: has 200,005 rows; a table file may have at most "
                + "150,000 (nbo.rules.limits.max-rows); split it into several files or ask an operator to raise the "
                + "limit");
    }

    @Test
    void aDamagedWorkbookIsRefusedInWordsWithoutNamingAnyClass() throws IOException {
        byte[] cut = java.util.Arrays.copyOf(zip("xl/workbook.xml", new byte[10_000]), 60);

        assertThatThrownBy(() -> new GridReader().read(new RuleSource("cut.drl.xlsx", cut)))
                .isInstanceOfSatisfying(RuleSetException.class, e -> assertThat(e.problems())
                        .extracting(RuleProblem::toString).containsExactly("cut.drl.xlsx: cannot be read as a "
                                + "spreadsheet: it is damaged, or not a workbook; save it as .xlsx from Excel or "
                                + "LibreOffice"));
    }

    /** A table of {@code rows} data rows under a four-line header and the column-kind line. */
    static byte[] csv(int rows) {
        StringBuilder csv = new StringBuilder("RuleSet,nbo.big\nRuleTable Big\nNAME,CONDITION,ACTION\n"
                + ",Customer,\n,age >= $param,\"offers.eligible(\"\"$param\"\");\"\n");
        for (int i = 0; i < rows; i++) {
            csv.append("Row ").append(i).append(',').append(18 + i % 60).append(",ELEC-10\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static TableTooLarge refused(String name, byte[] bytes, ReadLimits limits) {
        try {
            new GridReader(limits).read(new RuleSource(name, bytes));
        } catch (TableTooLarge e) {
            return e;
        }
        throw new AssertionError(name + " was not refused");
    }

    private static byte[] zip(String entry, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content);
        }
        return bytes.toByteArray();
    }
}

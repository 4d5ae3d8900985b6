package io.nbo.rules.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbo.rules.compile.RuleProblem;
import io.nbo.rules.compile.RuleSource;
import io.nbo.rules.fixtures.Tables;
import io.nbo.rules.support.DrlContent;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Workbooks saved by real spreadsheet programs (src/test/resources/workbooks/make-workbooks.py: openpyxl, and
 * LibreOffice Calc; the XLSX tests elsewhere are written by Apache POI, as Excel writes them): formulas, merged cells,
 * extra and hidden sheets are refused with the sheet and cell in plain words, and a clean one means what Drools reads.
 */
class RealWorkbooksTest {

    private static final Path FOLDER = Path.of("src/test/resources/workbooks");
    private final DraftChecker checker = new DraftChecker();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"openpyxl-hostile.drl.xlsx", "libreoffice-hostile.drl.xlsx"})
    void formulasAndHiddenSheetsAreRefusedWhereTheyAre(String file) throws Exception {
        DraftReport report = checker.check(List.of(workbook(file)), Tables.OFFERS);

        assertThat(report.compiled()).isNull();
        assertThat(report.errors()).extracting(RuleProblem::toString).containsExactly(
                file + ", sheet 'Offers', cell B12: holds a formula (=\"electron\"&\"ics\"); decision tables take "
                        + "values only: copy the cells and paste them as values (Paste Special > Values only)",
                file + ", sheet 'Offers', cell E13: holds a formula (=Lookup!A1); decision tables take values only: "
                        + "copy the cells and paste them as values (Paste Special > Values only)",
                file + ", sheet 'Secret': is a hidden sheet; a decision table workbook may hold only visible "
                        + "rule-table sheets and a Tests sheet: unhide it to review it, or delete it");
    }

    @Test
    void aCleanLibreOfficeWorkbookIsAcceptedAndMeansWhatDroolsReads() throws Exception {
        RuleSource source = workbook("libreoffice-clean.drl.xlsx");

        DraftReport report = checker.check(List.of(source), Tables.OFFERS);
        String ours = checker.drl(List.of(source)).get("libreoffice-clean.drl.xlsx#Offers");
        String drools = new SpreadsheetCompiler().compile(new ByteArrayInputStream(source.bytes()), "Offers");

        assertThat(report.errors()).isEmpty();
        assertThat(report.valid()).isTrue();
        assertThat(report.testsRun()).isEqualTo(1);
        assertThat(SpreadsheetDifferentialTest.agree(0, drools, ours)).isEmpty();
        assertThat(DrlContent.parse(ours).rules().get("Coffee lovers on the web").constraints().get("Customer"))
                .containsExactly("likesCategory(\"coffee\")", "age >= 18", "age <= 29");
    }

    private static RuleSource workbook(String name) throws Exception {
        return new RuleSource(name, Files.readAllBytes(FOLDER.resolve(name)));
    }
}

package io.nbo.rules.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.nbo.rules.compile.RuleProblem;
import io.nbo.rules.compile.RuleSource;
import io.nbo.rules.fixtures.Tables;
import io.nbo.rules.support.XlsxTables;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Examples kept in the workbook (persona tests) run against the compiled draft; a failing one blocks it. */
class WorkbookTestsTest {

    private static final String ELECTRONICS = """
            RuleTable Electronics
            NAME,CONDITION,CONDITION,ACTION
            ,Customer,Customer,
            ,"likesCategory(""$param"")","consentsTo(""$param"")","offers.eligible(""$param"");"
            Rule,Top category,Consents to,Make eligible
            Electronics fans on email,electronics,email,%s
            """;

    private static final String TESTS = """

            Tests
            Test,Categories,Consents,Touchpoint,Expect eligible,Expect not eligible
            Email fan,electronics,email,email,ELEC-10,ELEC-20
            Fan without consent,electronics,,web,,"ELEC-10, ELEC-20"
            """;

    private final DraftChecker checker = new DraftChecker();

    @Test
    void passingExamplesLetTheDraftGoLive() {
        DraftReport report = checker.check(List.of(Tables.csv(ELECTRONICS.formatted("ELEC-10") + TESTS)),
                Tables.OFFERS);

        assertThat(report.valid()).isTrue();
        assertThat(report.testsRun()).isEqualTo(2);
        assertThat(report.testFailures()).isEmpty();
    }

    @Test
    void failingExamplesRejectTheDraftAndSayWhatHappened() {
        DraftReport report = checker.check(List.of(Tables.csv(ELECTRONICS.formatted("ELEC-20") + TESTS)),
                Tables.OFFERS);

        assertThat(report.valid()).isFalse();
        assertThat(report.compiled()).isNull();
        assertThat(report.testsRun()).isEqualTo(2);
        assertThat(report.testFailures()).extracting(RuleProblem::location, RuleProblem::message).containsExactly(
                tuple("test.drl.csv, sheet 'Sheet1', row 14", "test 'Email fan' failed: expected ELEC-10 to be "
                        + "eligible, it was not; expected ELEC-20 not to be eligible, but Electronics fans on email "
                        + "made it eligible (eligible: ELEC-20)"));
    }

    @Test
    void aWorkbookKeepsItsExamplesOnATestsSheet() {
        RuleSource workbook = new RuleSource("electronics.drl.xlsx", XlsxTables.workbook(
                "Electronics", XlsxTables.csv(Tables.HEADER + ELECTRONICS.formatted("ELEC-10")),
                "Tests", XlsxTables.csv("""
                        Tests
                        Test,Age,Categories,Consents,Expect eligible
                        Email fan,40,electronics,email,ELEC-10
                        Not a fan,40,garden,email,ELEC-10
                        """)));

        DraftReport report = checker.check(List.of(workbook), Tables.OFFERS);

        assertThat(report.testsRun()).isEqualTo(2);
        assertThat(report.testFailures()).extracting(RuleProblem::location, RuleProblem::message).containsExactly(
                tuple("electronics.drl.xlsx, sheet 'Tests', row 4", "test 'Not a fan' failed: expected ELEC-10 to be "
                        + "eligible, it was not (eligible: none)"));
    }
}

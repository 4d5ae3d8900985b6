package io.nbo.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.nbo.rules.compile.CheckedRuleSet;
import io.nbo.rules.compile.RuleSetCompiler;
import io.nbo.rules.validate.DraftChecker;

/**
 * The trust boundary in code: nothing a marketer uploads reaches a compiler unchecked. Only the gate (DraftChecker)
 * makes a CheckedRuleSet and calls the compiler, and Drools' own spreadsheet parser, which would read the uploaded
 * bytes its own way, is not used by the server at all.
 */
@AnalyzeClasses(packages = "io.nbo", importOptions = ImportOption.DoNotIncludeTests.class)
class OnlyCheckedTablesCompileTest {

    /** DraftChecker and its nested classes. */
    private static final String GATE = java.util.regex.Pattern.quote(DraftChecker.class.getName()) + "(\\$.*)?";

    @ArchTest
    static final ArchRule onlyTheGateMakesACheckedRuleSet = noClasses()
            .that().haveNameNotMatching(GATE)
            .and().doNotHaveFullyQualifiedName(CheckedRuleSet.class.getName())
            .should().callConstructor(CheckedRuleSet.class, java.util.List.class, java.util.List.class,
                    java.util.List.class)
            .because("a CheckedRuleSet says every table in it passed the checks");

    @ArchTest
    static final ArchRule onlyTheGateCallsTheCompiler = noClasses()
            .that().haveNameNotMatching(GATE)
            .should().callMethod(RuleSetCompiler.class, "compile", CheckedRuleSet.class)
            .because("every path to Drools (start-up, reload, upload, dry run, simulation, rollback) goes through the "
                    + "checks first");

    @ArchTest
    static final ArchRule droolsNeverReadsASpreadsheet = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.drools.decisiontable..", "org.drools.template..")
            .because("the server reads each spreadsheet once, with its own reader, and compiles DRL it writes from "
                    + "what it checked; a second reader could see a different table");
}

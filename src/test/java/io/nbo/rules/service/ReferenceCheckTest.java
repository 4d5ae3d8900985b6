package io.nbo.rules.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nbo.rules.CompiledRuleSet;
import io.nbo.rules.compile.RuleProblem;
import io.nbo.rules.compile.RuleSetException;
import io.nbo.rules.fixtures.Tables;
import io.nbo.rules.validate.DraftChecker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The background comparison of a live rule set's index with Drools: agreed, differs with examples, or failed. */
class ReferenceCheckTest {

    private static final String TABLE = """
            RuleTable Young
            NAME,CONDITION,ACTION
            ,Customer,
            ,"age >= $1, age <= $2","offers.eligible(""$param"");"
            Rule,Age from-to,Make eligible
            Young,"18, 35",COFFEE-AM
            """;

    private final ReferenceCheck check = new ReferenceCheck(300, 20_000);
    private final DraftChecker checker = new DraftChecker();

    @AfterEach
    void stop() {
        check.stop();
    }

    @Test
    void anIndexThatGivesWhatDroolsGivesIsReportedAsAgreed() {
        CompiledRuleSet rules = checker.compile(List.of(Tables.csv(TABLE)));

        check.start(rules);

        await().atMost(Duration.ofSeconds(60)).until(() -> !check.status().orElseThrow().state().equals("checking"));
        assertThat(check.status().orElseThrow()).extracting(ReferenceCheck.Status::version,
                ReferenceCheck.Status::state, ReferenceCheck.Status::situations, ReferenceCheck.Status::differences,
                ReferenceCheck.Status::examples).containsExactly(rules.version(), "agreed", 300, 0, List.of());
    }

    @Test
    void aReferenceThatAnswersOtherwiseIsReportedWithExamples() {
        CompiledRuleSet served = checker.compile(List.of(Tables.csv(TABLE)));
        CompiledRuleSet other = checker.compile(List.of(Tables.csv(TABLE.replace("18, 35", "18, 20"))));
        CompiledRuleSet mismatched = new CompiledRuleSet(served.version(), served.sources(), Instant.now(),
                indexOf(served), null, 0, other::reference);

        check.start(mismatched);

        await().atMost(Duration.ofSeconds(60)).until(() -> !check.status().orElseThrow().state().equals("checking"));
        ReferenceCheck.Status status = check.status().orElseThrow();
        assertThat(status.state()).isEqualTo("differs");
        assertThat(status.differences()).isPositive();
        assertThat(status.examples()).hasSize(5).allMatch(e -> e.contains("index ") && e.contains(" vs Drools "));
    }

    @Test
    void aReferenceDroolsCannotCompileIsReportedAsFailed() {
        CompiledRuleSet served = checker.compile(List.of(Tables.csv(TABLE)));
        CompiledRuleSet broken = new CompiledRuleSet(served.version(), served.sources(), Instant.now(),
                indexOf(served), null, 0, () -> {
                    throw new RuleSetException(List.of(RuleProblem.error("test.drl.csv", "Sheet1", "B10", 10,
                            "Drools says no")));
                });

        check.start(broken);

        await().atMost(Duration.ofSeconds(60)).until(() -> !check.status().orElseThrow().state().equals("checking"));
        assertThat(check.status().orElseThrow().state()).isEqualTo("failed");
        assertThat(check.status().orElseThrow().examples()).containsExactly(
                "test.drl.csv, sheet 'Sheet1', cell B10: Drools says no");
    }

    @Test
    void aRuleSetTooLargeForABackgroundDroolsCompileIsSkippedAndSaysWhy() {
        ReferenceCheck small = new ReferenceCheck(300, 0);
        CompiledRuleSet rules = checker.compile(List.of(Tables.csv(TABLE)));

        small.start(rules);

        await().atMost(Duration.ofSeconds(60)).until(() -> !small.status().orElseThrow().state().equals("checking"));
        assertThat(small.status().orElseThrow().state()).isEqualTo("skipped");
        assertThat(small.status().orElseThrow().examples()).containsExactly("1 rules is above "
                + "nbo.rules.reference-max-rules (0): Drools would need too long and too much memory for a background "
                + "check; the build's differential tests cover the index");
        small.stop();
    }

    private static io.nbo.rules.index.RuleIndex indexOf(CompiledRuleSet rules) {
        return rules.index().orElseThrow();
    }
}

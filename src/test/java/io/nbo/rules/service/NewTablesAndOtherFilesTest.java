package io.nbo.rules.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbo.rules.compile.ReadLimits;
import io.nbo.rules.compile.RuleProblem;
import io.nbo.rules.compile.RuleSource;
import io.nbo.rules.compile.RuleSourceLoader;
import io.nbo.rules.fixtures.Tables;
import io.nbo.rules.validate.DraftReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A marketer may add a table built only from approved column templates (standard ones and those live tables use), not
 * one with a new template; and a draft blocked by another file's problems says which file.
 */
class NewTablesAndOtherFilesTest {

    private static final Map<String, RuleSource> LIVE = new RuleSourceLoader().loadAll(Path.of("decision-tables"),
            Path.of("rules")).stream().collect(Collectors.toMap(RuleSource::name, Function.identity()));
    private static final Actor MARKETER = new Actor("marketer", false);

    private final HeaderGate gate = new HeaderGate(ReadLimits.DEFAULTS);

    @Test
    void aMarketerMayAddATableBuiltFromStandardAndLiveTemplates() {
        RuleSource campaign = Tables.csv("spring-campaign.drl.csv", Tables.HEADER + """
                RuleTable Spring
                NAME,CONDITION,CONDITION,ACTION
                ,Customer,Context,
                ,"inSegment(""$param"")","dayOfWeek == ""$param""\","offers.eligible(""$param"");"
                Rule,Segment,Day,Make eligible
                Families on Saturday,young-families,saturday,HB-FAMILY-30
                """);

        gate.check(campaign, MARKETER, LIVE);
        gate.check(campaign, Actor.FILES, LIVE);
    }

    @Test
    void aNewTemplateInANewTableStillNeedsAnAdmin() {
        RuleSource campaign = Tables.csv("spring-campaign.drl.csv", Tables.HEADER + """
                RuleTable Spring
                NAME,CONDITION,ACTION
                ,Customer,
                ,"age > $param","offers.eligible(""$param"");"
                Rule,Older than,Make eligible
                Over 50,50,HB-FAMILY-30
                """);

        assertThatThrownBy(() -> gate.check(campaign, MARKETER, LIVE)).isInstanceOf(HeaderChangeForbidden.class)
                .hasMessage("'spring-campaign.drl.csv' is a new table file, and sheet 'Sheet1', RuleTable Spring, "
                        + "column B uses the column template CONDITION Customer 'age > $param', which is neither a "
                        + "standard template nor one the live tables use; a new column template is code and needs the "
                        + "admin role (docs/decision-tables.md lists the standard templates a marketer may use)");
        gate.check(campaign, new Actor("admin", true), LIVE);
    }

    @Test
    void aDraftBlockedByAnotherFileNamesIt() {
        DraftReport report = new DraftReport("v2", null, List.of(
                RuleProblem.error("electronics.drl.csv", "Sheet1", "B10", 10, "bad value"),
                RuleProblem.error("travel.drl.csv", "Sheet1", "A12", 12, "duplicate rule name")), List.of(), 1,
                List.of(RuleProblem.error("morning-coffee.drl.xlsx", "Tests", "A3", 3, "expected COFFEE-AM")));

        assertThatThrownBy(() -> RuleSetRejected.unless(report, "electronics.drl.csv", Set.of("electronics.drl.csv")))
                .isInstanceOf(RuleSetRejected.class)
                .hasMessage("electronics.drl.csv cannot go live: 2 error(s), 1 failing test(s), 2 of them in other "
                        + "live files checked with it (morning-coffee.drl.xlsx, travel.drl.csv), which block it too; "
                        + "the live rule set is unchanged");
        assertThatThrownBy(() -> RuleSetRejected.unless(new DraftReport("v2", null, List.of(report.errors().get(0)),
                List.of(), 0, List.of()), "electronics.drl.csv", Set.of("electronics.drl.csv")))
                .hasMessage("electronics.drl.csv cannot go live: 1 error(s), 0 failing test(s); the live rule set is "
                        + "unchanged");
    }
}

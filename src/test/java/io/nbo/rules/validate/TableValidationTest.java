package io.nbo.rules.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.nbo.rules.compile.RuleProblem;
import io.nbo.rules.fixtures.Tables;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Errors a marketer can act on (file, sheet, cell, plain words) and warnings for suspicious tables. */
class TableValidationTest {

    private final DraftChecker checker = new DraftChecker();

    @Test
    void unknownAttributeNamesWhatTheFactHas() {
        DraftReport report = check("""
                RuleTable Loyalty
                NAME,CONDITION,ACTION
                ,Customer,
                ,"loyaltyTier == ""$param""\","offers.eligible(""$param"");"
                Rule,Tier,Make eligible
                Gold members,gold,COFFEE-AM
                """);

        assertThat(report.errors()).extracting(RuleProblem::location, RuleProblem::message).containsExactly(tuple(
                "test.drl.csv, sheet 'Sheet1', cell B8", "column 'Tier': unknown attribute 'loyaltyTier' on Customer; "
                        + "Customer has age, churnRisk, country, engagement, frequency, gender, id, known, lifecycle, "
                        + "monetary, predictedValue, recencyDays, region and asks buysMost(...), consentsTo(...), "
                        + "daysSince(...), hasTag(...), inSegment(...), likesCategory(...), number(...), text(...), "
                        + "unknown(...), yesNo(...)"));
    }

    @Test
    void valuesOfTheWrongKindAreLocatedAndExplained() {
        DraftReport report = check("""
                RuleTable Mixed
                NAME,CONDITION,CONDITION,CONDITION,CONDITION,ACTION,ACTION
                ,Customer,Customer,Context,Customer,,
                ,known == $param,"age >= $1, age <= $2","touchpoint == ""$param""\","lifecycle == ""$param""\","offers.eligible(""$param"");","offers.preferChannel(""$1"", ""$2"");"
                Rule,Known,"Age from, to",Touchpoint,Lifecycle,Make eligible,"Prefer channel (offer, channel)"
                Young members,yes,"18, twenty",fax,sleeping,ELEC-99,"ELEC-10, pigeon"
                """);

        assertThat(report.errors()).extracting(RuleProblem::cell, RuleProblem::message).containsExactly(
                tuple("B10", "'Known' expects true or false, got 'yes'"),
                tuple("C10", "'Age from, to' expects a whole number, got 'twenty'"),
                tuple("D10", "'Touchpoint' unknown channel 'fax'; use one of email, sms, push, social, web, "
                        + "mobile-app, call-centre, in-store"),
                tuple("E10", "'Lifecycle' unknown lifecycle 'sleeping'; use one of active, lapsed, lapsing, new, "
                        + "prospect, won-back"),
                tuple("F10", "'Make eligible' unknown offer id 'ELEC-99'; it is not in the offer catalogue"),
                tuple("G10", "'Prefer channel (offer, channel)' unknown channel 'pigeon'; use one of email, sms, push, "
                        + "social, web, mobile-app, call-centre, in-store"));
    }

    @Test
    void aRowWithoutAnyConditionIsAnError() {
        DraftReport report = check("""
                RuleTable Coffee
                NAME,CONDITION,ACTION
                ,Customer,
                ,"likesCategory(""$param"")","offers.eligible(""$param"");"
                Rule,Top category,Make eligible
                Coffee lovers,coffee,COFFEE-AM
                Everyone,,ELEC-10
                """);

        assertThat(report.errors()).extracting(RuleProblem::cell, RuleProblem::message).containsExactly(tuple("A11",
                "row 11 has no condition, so it would apply to every customer everywhere; fill at least one condition "
                        + "(e.g. 'Known customer' true)"));
    }

    @Test
    void duplicateRuleNamesSayWhereTheFirstIs() {
        DraftReport report = check("""
                RuleTable Coffee
                NAME,CONDITION,ACTION
                ,Customer,
                ,"likesCategory(""$param"")","offers.eligible(""$param"");"
                Rule,Top category,Make eligible
                Coffee lovers,coffee,COFFEE-AM
                Coffee lovers,electronics,ELEC-10
                """);

        assertThat(report.errors()).extracting(RuleProblem::cell, RuleProblem::message).containsExactly(tuple("A11",
                "duplicate rule name 'Coffee lovers', already used at test.drl.csv Sheet1!A10; every row needs its "
                        + "own name"));
    }

    @Test
    void suspiciousTablesGetWarningsButMayGoLive() {
        DraftReport report = check("""
                RuleTable Suspicious
                NAME,CONDITION,CONDITION,ACTION
                ,Customer,Customer,
                ,"age >= $1, age <= $2","likesCategory(""$param"")","offers.eligible(""$param"");"
                Rule,"Age from, to",Top category,Make eligible
                Skincare 18 to 35,"18, 35",health-beauty,HB-SKINCARE-18
                Family 30 to 49,"30, 49",health-beauty,HB-FAMILY-30
                Skincare again,"18, 35",health-beauty,HB-SKINCARE-18
                """);

        assertThat(report.valid()).isTrue();
        assertThat(report.warnings()).extracting(RuleProblem::severity).containsOnly(RuleProblem.Severity.WARNING);
        assertThat(report.warnings()).extracting(RuleProblem::cell, RuleProblem::message).containsExactly(
                tuple("A11", "rows 10 and 11 overlap (age 30 to 35 matches both) but give different 'Make eligible': "
                        + "HB-SKINCARE-18 vs HB-FAMILY-30"),
                tuple("A12", "row 12 repeats row 10 exactly (same conditions and actions)"));
    }

    @Test
    void aRowShadowedInItsActivationGroupCanNeverFire() {
        DraftReport report = check("""
                RuleTable FirstHit
                NAME,ACTIVATION-GROUP,CONDITION,CONDITION,ACTION
                ,,Customer,Customer,
                ,,"likesCategory(""$param"")","consentsTo(""$param"")","offers.eligible(""$param"");"
                Rule,Group,Top category,Consents to,Make eligible
                Electronics fans,electronics,electronics,,ELEC-10
                Electronics fans on email,electronics,electronics,email,ELEC-20
                """);

        assertThat(report.warnings()).extracting(RuleProblem::cell, RuleProblem::message).containsExactly(tuple("A11",
                "row 11 can never fire: row 10 matches every customer it matches and wins activation group "
                        + "'electronics' first"));
    }

    private DraftReport check(String table) {
        return checker.check(List.of(Tables.csv(table)), Tables.OFFERS);
    }
}

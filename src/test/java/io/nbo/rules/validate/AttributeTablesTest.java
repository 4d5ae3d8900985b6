package io.nbo.rules.validate;

import static io.nbo.fixtures.CustomerFixture.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.nbo.decision.core.EligibilityResult;
import io.nbo.decision.core.Situation;
import io.nbo.offer.Channel;
import io.nbo.profile.CustomerProfile;
import io.nbo.rules.CompiledRuleSet;
import io.nbo.rules.compile.RuleProblem;
import io.nbo.rules.fixtures.Tables;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Custom attributes in decision tables: number, date (days since), choice and "is unknown" conditions compile only
 * for declared attributes of the right type, and the column index answers exactly as Drools does.
 */
class AttributeTablesTest {

    private static final Map<String, String> DECLARED = Map.of("income", "number", "membership_date", "date",
            "loyalty_tier", "choice", "newsletter", "yes-no");
    private static final DraftContext CONTEXT = DraftContext.catalogue(Tables.OFFERS).withAttributes(DECLARED);

    private static final String MEMBERS = """
            RuleTable Members
            NAME,CONDITION,CONDITION,CONDITION,CONDITION,CONDITION,ACTION
            ,Customer,Customer,Customer,Customer,Customer,
            ,"number(""income"") >= $param","daysSince(""$1"") >= $2","text(""$1"") == ""$2""\","unknown(""$param"")","yesNo(""$1"") == $2","offers.eligible(""$param"");"
            Rule,Income at least,Member for days,Tier,Unknown,Yes or no,Make eligible
            High earners,50000,,,,,ELEC-20
            Loyal members,,"membership_date, 365",,,,COFFEE-AM
            Gold tier,,,"loyalty_tier, gold",,,WINE-CASE
            Age unknown,,,,age,,HB-FAMILY-30
            No income known,,,,income,,HB-SKINCARE-18
            Newsletter readers,,,,,"newsletter, true",ELEC-10
            """;

    private final DraftChecker checker = new DraftChecker();

    @Test
    void declaredAttributesDecideAndTheIndexAgreesWithDrools() {
        DraftReport report = checker.check(List.of(Tables.csv(MEMBERS)), CONTEXT, DraftProgress.NONE);
        assertThat(report.errors()).isEmpty();
        CompiledRuleSet rules = report.compiled();
        assertThat(rules.indexed()).isTrue();

        CustomerProfile gold = customer().age(30).attribute("income", "52000").attribute("membership_date",
                "2019-04-01").attribute("loyalty_tier", "gold").attribute("newsletter", "true").build();
        CustomerProfile newer = customer().attribute("income", "49999.5").attribute("membership_date", "2025-11-24")
                .attribute("loyalty_tier", "silver").attribute("newsletter", "false").build();
        CustomerProfile yearToTheDay = customer().age(40).attribute("membership_date", "2025-11-23").build();

        assertThat(eligible(rules, gold)).containsExactly("COFFEE-AM", "ELEC-10", "ELEC-20", "WINE-CASE");
        assertThat(eligible(rules, newer)).containsExactly("HB-FAMILY-30");
        assertThat(eligible(rules, yearToTheDay)).containsExactly("COFFEE-AM", "HB-SKINCARE-18");
        assertThat(eligible(rules, CustomerProfile.anonymous("V1", ZoneOffset.UTC)))
                .containsExactly("HB-FAMILY-30", "HB-SKINCARE-18");
    }

    @Test
    void anAttributeNobodyDeclaredIsRefusedWithItsCell() {
        DraftReport report = checker.check(List.of(Tables.csv("""
                RuleTable Income
                NAME,CONDITION,ACTION
                ,Customer,
                ,"number(""incme"") >= $param","offers.eligible(""$param"");"
                Rule,Income at least,Make eligible
                High earners,50000,ELEC-20
                """)), CONTEXT, DraftProgress.NONE);

        assertThat(report.errors()).extracting(RuleProblem::location, RuleProblem::message).containsExactly(tuple(
                "test.drl.csv, sheet 'Sheet1', cell B8", "column 'Income at least': unknown attribute 'incme' in "
                        + "number(...); declared: income (number), loyalty_tier (choice), membership_date (date), "
                        + "newsletter (yes-no)"));
        assertThat(report.compiled()).isNull();
    }

    @Test
    void aCellNamingAnUndeclaredOrWronglyTypedAttributeIsRefused() {
        DraftReport report = checker.check(List.of(Tables.csv("""
                RuleTable Members
                NAME,CONDITION,CONDITION,ACTION
                ,Customer,Customer,
                ,"daysSince(""$1"") >= $2","unknown(""$param"")","offers.eligible(""$param"");"
                Rule,Member for days,Unknown,Make eligible
                Wrong type,"income, 30",,ELEC-20
                Not declared,,shoe_size,ELEC-10
                Built in,,age,COFFEE-AM
                """)), CONTEXT, DraftProgress.NONE);

        assertThat(report.errors()).extracting(RuleProblem::cell, RuleProblem::message).containsExactly(
                tuple("B10", "'Member for days' 'income' is a number attribute, which daysSince(...) does not read; "
                        + "use number(\"income\")"),
                tuple("C11", "'Unknown' unknown attribute 'shoe_size' in unknown(...); it asks about age, country, "
                        + "email, gender, name, phone, recencyDays, region or a declared attribute; declared: income "
                        + "(number), loyalty_tier (choice), membership_date (date), newsletter (yes-no)"));
    }

    @Test
    void codeWhereAnAttributeNameGoesIsRefused() {
        DraftReport inTemplate = checker.check(List.of(Tables.csv("""
                RuleTable Income
                NAME,CONDITION,ACTION
                ,Customer,
                ,"number(getClass) >= $param","offers.eligible(""$param"");"
                Rule,Income at least,Make eligible
                High earners,50000,ELEC-20
                """)), CONTEXT, DraftProgress.NONE);
        DraftReport inCell = checker.check(List.of(Tables.csv("""
                RuleTable Income
                NAME,CONDITION,ACTION
                ,Customer,
                ,"number(""$1"") >= $2","offers.eligible(""$param"");"
                Rule,Income at least,Make eligible
                Sneaky,"income"") || true || (""x, 1",ELEC-20
                """)), CONTEXT, DraftProgress.NONE);

        assertThat(inTemplate.errors()).extracting(RuleProblem::message).containsExactly("column 'Income at least': "
                + "number(...) takes one attribute name in quotes, e.g. number(\"income\") or number(\"$param\")");
        assertThat(inCell.errors()).extracting(RuleProblem::cell).containsExactly("B10");
        assertThat(inCell.errors().get(0).message()).startsWith("'Income at least' unknown attribute 'income\") || "
                + "true || (\"x' in number(...)");
        assertThat(inTemplate.compiled()).isNull();
        assertThat(inCell.compiled()).isNull();
    }

    /** The offers made eligible, by the index and by Drools, which must agree. */
    @Test
    void examplesInTheTestsBlockGiveTheirCustomerAttributeValues() {
        DraftReport report = checker.check(List.of(Tables.csv(MEMBERS + """

                Tests
                Test,Age,Income,Membership date,loyalty_tier,Newsletter,Expect eligible,Expect not eligible
                Gold earner,30,52000,2019-04-01,gold,yes,"COFFEE-AM, ELEC-10, ELEC-20, WINE-CASE",HB-SKINCARE-18
                Newer silver,,49999.5,2025-11-24,silver,no,HB-FAMILY-30,"ELEC-20, COFFEE-AM, HB-SKINCARE-18"
                """)), CONTEXT, DraftProgress.NONE);

        assertThat(report.errors()).isEmpty();
        assertThat(report.testsRun()).isEqualTo(2);
        assertThat(report.testFailures()).isEmpty();
        assertThat(report.compiled()).isNotNull();
    }

    @Test
    void aTestsColumnNamingAnUndeclaredAttributeOrAValueOfTheWrongTypeIsRefusedWithItsCell() {
        DraftReport report = checker.check(List.of(Tables.csv(MEMBERS + """

                Tests
                Test,Incme,Income,Membership date,Expect eligible
                Bad,1,lots,2019-13-01,ELEC-20
                """)), CONTEXT, DraftProgress.NONE);

        assertThat(report.errors()).extracting(RuleProblem::location, RuleProblem::message).containsExactly(
                tuple("test.drl.csv, sheet 'Sheet1', cell B18", "unknown test column 'Incme'; use Test, a customer "
                        + "attribute (Age, Lifecycle, Engagement, Consents, Categories, Items, Tags, ...), a context "
                        + "(Touchpoint, Local time, Day) or Expect eligible / Expect not eligible, or a declared "
                        + "attribute: income, loyalty_tier, membership_date, newsletter"),
                tuple("test.drl.csv, sheet 'Sheet1', cell C19", "test 'Bad': 'income' is a number attribute: it "
                        + "takes a number such as 52000 or 1250.50, got 'lots'"),
                tuple("test.drl.csv, sheet 'Sheet1', cell D19", "test 'Bad': 'membership_date' is a date attribute: "
                        + "it takes a date as yyyy-MM-dd such as 2019-04-01, got '2019-13-01'"));
        assertThat(report.compiled()).isNull();
    }

    private static Set<String> eligible(CompiledRuleSet rules, CustomerProfile customer) {
        Situation situation = new Situation(customer, Channel.WEB, Map.of(), LocalDateTime.of(2026, 11, 23, 10, 0), 5,
                Instant.parse("2026-11-23T10:00:00Z"));
        EligibilityResult indexed = rules.evaluateIndexed(situation).orElseThrow();
        EligibilityResult drools = rules.evaluateWithDrools(situation);
        assertThat(indexed.verdicts()).as("index agrees with Drools").isEqualTo(drools.verdicts());
        assertThat(indexed.firedRules()).as("same rows in the same order").isEqualTo(drools.firedRules());
        Set<String> out = new TreeSet<>();
        indexed.verdicts().forEach((offer, verdict) -> {
            if (!verdict.eligibleBy().isEmpty() && verdict.excludedBy().isEmpty()) {
                out.add(offer);
            }
        });
        return out;
    }
}

package io.nbo.rules.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.nbo.rules.compile.RuleProblem;
import io.nbo.rules.fixtures.Tables;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Warnings, not errors, for rows that go live but can never do what they say: reversed and empty ranges, and values no
 * customer has (a gender outside the profiles' ones; a segment, tag or category the customer base does not hold). And
 * an offer that left the catalogue is an error in a file being changed but a warning in a live file left as it is.
 */
class TableWarningsTest {

    private static final Instant READ_AT = Instant.parse("2026-11-23T10:00:00Z");
    private static final DraftContext.CustomerValues CUSTOMERS = new DraftContext.CustomerValues(Map.of(
            Vocabulary.Domain.SEGMENT, Set.of("young-families", "students"),
            Vocabulary.Domain.TAG, Set.of("app-user"),
            Vocabulary.Domain.GENDER, Set.of("female", "male")), 1234, READ_AT);

    private final DraftChecker checker = new DraftChecker();

    @Test
    void aReversedRangeInOneCellIsAWarningAndTheTableGoesLive() {
        DraftReport report = check("""
                RuleTable Ages
                NAME,CONDITION,ACTION
                ,Customer,
                ,"age >= $1, age <= $2","offers.eligible(""$param"");"
                Rule,"Age from, to",Make eligible
                Grown-ups,"18, 34",ELEC-10
                Backwards,"34, 18",ELEC-20
                """, DraftContext.CustomerValues.NONE);

        assertThat(report.valid()).isTrue();
        assertThat(report.warnings()).extracting(RuleProblem::severity, RuleProblem::cell, RuleProblem::message)
                .containsExactly(tuple(RuleProblem.Severity.WARNING, "B11", "'Age from, to' asks for age at least 34 "
                        + "and at most 18, a reversed range: no customer matches this row, so it can never fire; put "
                        + "the smaller number first"));
    }

    @Test
    void anEmptyRangeAcrossTwoColumnsIsAWarningWholeNumbersIncluded() {
        DraftReport report = check("""
                RuleTable Hours
                NAME,CONDITION,CONDITION,ACTION
                ,Context,Context,
                ,hour > $param,hour < $param,"offers.eligible(""$param"");"
                Rule,After hour,Before hour,Make eligible
                Morning,6,11,COFFEE-AM
                Never,9,10,COFFEE-AM
                Nor this,12,12,ELEC-10
                """, DraftContext.CustomerValues.NONE);

        assertThat(report.warnings()).extracting(RuleProblem::cell, RuleProblem::message).containsExactly(
                tuple("B11", "'After hour' and 'Before hour' ask for hour above 9 and below 10, an empty range (hour "
                        + "is a whole number): no customer matches this row, so it can never fire"),
                tuple("B12", "'After hour' and 'Before hour' ask for hour above 12 and below 12, an empty range (hour "
                        + "is a whole number): no customer matches this row, so it can never fire"));
    }

    @Test
    void aGenderNoProfileHasIsAWarningEvenBeforeAnyCustomerIsRead() {
        DraftReport report = check("""
                RuleTable Gender
                NAME,CONDITION,ACTION
                ,Customer,
                ,"gender == ""$param""\","offers.eligible(""$param"");"
                Rule,Gender,Make eligible
                Women,female,HB-SKINCARE-18
                Women again,F,HB-FAMILY-30
                Also F,F,ELEC-10
                """, DraftContext.CustomerValues.NONE);

        assertThat(report.valid()).isTrue();
        assertThat(report.warnings()).extracting(RuleProblem::cell, RuleProblem::message).containsExactly(tuple("B11",
                "'Gender' value 'F': no customer has this gender (profiles say female, male, unspecified), so this "
                        + "condition matches nobody; did you mean 'female'? (2 rows use it)"));
    }

    @Test
    void aMisspeltSegmentOrTagIsTold_andNegatedItHoldsForEveryone() {
        DraftReport report = check("""
                RuleTable Segments
                NAME,CONDITION,CONDITION,ACTION
                ,Customer,Customer,
                ,"inSegment(""$param"")","hasTag(""$param"") == false","offers.eligible(""$param"");"
                Rule,Segment,Not tagged,Make eligible
                Families,young-families,,HB-FAMILY-30
                Typo,young-familes,,HB-FAMILY-30
                No app,,app-usr,ELEC-10
                """, CUSTOMERS);

        assertThat(report.warnings()).extracting(RuleProblem::cell, RuleProblem::message).containsExactly(
                tuple("B11", "'Segment' value 'young-familes': no customer is in this segment (of 1,234 customers, as "
                        + "read at 2026-11-23T10:00:00Z), so this condition matches nobody; did you mean "
                        + "'young-families'?"),
                tuple("C12", "'Not tagged' value 'app-usr': no customer has this tag (of 1,234 customers, as read at "
                        + "2026-11-23T10:00:00Z), so this condition holds for everyone; did you mean 'app-user'?"));
    }

    @Test
    void openValuesAreNotJudgedBeforeTheCustomersHaveBeenRead() {
        DraftReport report = check("""
                RuleTable Segments
                NAME,CONDITION,ACTION
                ,Customer,
                ,"inSegment(""$param"")","offers.eligible(""$param"");"
                Rule,Segment,Make eligible
                Typo,young-familes,HB-FAMILY-30
                """, DraftContext.CustomerValues.NONE);

        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void anOfferGoneFromTheCatalogueBlocksTheFileBeingChangedButOnlyWarnsInALiveFileLeftAsItIs() {
        String table = """
                RuleTable Gone
                NAME,CONDITION,ACTION
                ,Customer,
                ,"likesCategory(""$param"")","offers.eligible(""$param"");"
                Rule,Top category,Make eligible
                Retired offer,coffee,OLD-1
                """;
        DraftContext context = new DraftContext(Tables.OFFERS, Set.of("live.drl.csv"),
                DraftContext.CustomerValues.NONE);

        DraftReport report = checker.check(List.of(Tables.csv("live.drl.csv", Tables.HEADER + table),
                Tables.csv("changed.drl.csv", Tables.HEADER + table.replace("Gone", "Changed")
                        .replace("Retired offer", "Also retired"))), context, DraftProgress.NONE);

        assertThat(report.errors()).extracting(RuleProblem::location, RuleProblem::message).containsExactly(tuple(
                "changed.drl.csv, sheet 'Sheet1', cell C10", "'Make eligible' unknown offer id 'OLD-1'; it is not in "
                        + "the offer catalogue"));
        assertThat(report.warnings()).extracting(RuleProblem::location, RuleProblem::message).containsExactly(tuple(
                "live.drl.csv, sheet 'Sheet1', cell C10", "'Make eligible' unknown offer id 'OLD-1'; it is not in the "
                        + "offer catalogue; this file is live and this change leaves it as it is, so it stays live and "
                        + "the row does nothing until the offer is in the catalogue again or the row is changed"));
    }

    @Test
    void progressTellsThePhasesAndTheRowsChecked() {
        StringBuilder seen = new StringBuilder();
        DraftProgress progress = new DraftProgress() {
            @Override
            public void phase(Phase phase) {
                seen.append(phase).append(' ');
            }

            @Override
            public void rows(long done, long total) {
                seen.append(done).append('/').append(total).append(' ');
            }
        };

        checker.check(List.of(Tables.csv("""
                RuleTable Coffee
                NAME,CONDITION,ACTION
                ,Customer,
                ,"likesCategory(""$param"")","offers.eligible(""$param"");"
                Rule,Top category,Make eligible
                Coffee lovers,coffee,COFFEE-AM
                Tech fans,electronics,ELEC-10
                """)), DraftContext.catalogue(Tables.OFFERS), progress);

        assertThat(seen.toString()).isEqualTo("READING CHECKING 0/2 2/2 COMPILING TESTING ");
    }

    private DraftReport check(String table, DraftContext.CustomerValues customers) {
        return checker.check(List.of(Tables.csv(table)), new DraftContext(Tables.OFFERS, Set.of(), customers),
                DraftProgress.NONE);
    }
}

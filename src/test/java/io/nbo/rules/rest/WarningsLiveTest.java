package io.nbo.rules.rest;

import static io.nbo.rules.rest.LiveRulesFixture.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.empty;

import io.nbo.fixtures.CustomerFixture;
import io.nbo.profile.service.ProfileService;
import io.nbo.rules.service.KnownCustomerValues;
import io.nbo.rules.service.RuleEngine;
import io.nbo.rules.service.RuleSetService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against the running server whose deployed tables include one naming an offer the catalogue lacks: start-up checks
 * the tables against the catalogue and says so as a located warning, that file never blocks another file's upload,
 * changing it is refused at its cell; linter warnings (values no customer has, reversed ranges) come with the upload's
 * answer and with GET /api/rulesets; a marketer adds a table from approved templates, not one with a new template; the
 * reload status clears when a broken file is put back.
 */
@QuarkusTest
@TestProfile(LimitsProfile.class)
class WarningsLiveTest {

    private static final String STALE_WARNING = "'Make eligible' unknown offer id 'RETIRED-1'; it is not in the offer "
            + "catalogue; this file is live and this change leaves it as it is, so it stays live and the row does "
            + "nothing until the offer is in the catalogue again or the row is changed";
    private static final String CAMPAIGN = """
            RuleSet,nbo.campaign
            Import,"io.nbo.rules.vocabulary.Customer, io.nbo.rules.vocabulary.Context"
            Variables,io.nbo.rules.vocabulary.Offers offers

            RuleTable Campaign
            NAME,CONDITION,CONDITION,CONDITION,ACTION
            ,Customer,Customer,Customer,
            ,"gender == ""$param""\","age >= $1, age <= $2","inSegment(""$param"")","offers.eligible(""$param"");"
            Rule,Gender,"Age from, to",Segment,Make eligible
            Women 30 to 49,female,"30, 49",,HB-FAMILY-30
            Women as F,F,,,HB-SKINCARE-18
            Upside down,,"49, 30",,ELEC-10
            Families,,,young-familes,ELEC-20
            """;

    @Inject
    RuleSetService rules;

    @Inject
    RuleEngine engine;

    @Inject
    ProfileService profiles;

    @Inject
    KnownCustomerValues customers;

    @BeforeEach
    void baseline() throws Exception {
        LimitsProfile.backToBaseline(rules, engine);
    }

    @Test
    void startUpCheckedTheTablesAgainstTheCatalogueAndSaysWhereAnOfferIsMissing() {
        as("marketer").get("/api/rulesets").then().statusCode(200)
                .body("version", equalTo(LimitsProfile.baselineVersion()))
                .body("warningCount", equalTo(1))
                .body("warnings[0].severity", equalTo("WARNING"))
                .body("warnings[0].file", equalTo(LimitsProfile.STALE))
                .body("warnings[0].cell", equalTo("C10"))
                .body("warnings[0].message", equalTo(STALE_WARNING));
    }

    @Test
    void anotherFilesMissingOfferNeverBlocksAnUploadAndTheAnswerNamesIt() {
        String electronics = LiveRulesProfile.electronics(LiveRulesProfile.FANS_ON_EMAIL,
                LiveRulesProfile.FANS_ON_EMAIL.replace("ELEC-10", "ELEC-20"));

        upload("marketer", LiveRulesProfile.ELECTRONICS, electronics).statusCode(200)
                .body("changed", equalTo(true))
                .body("warnings.file", contains(LimitsProfile.STALE))
                .body("warnings.message", contains(STALE_WARNING));
    }

    @Test
    void changingTheFileThatNamesTheMissingOfferIsRefusedAtItsCell() {
        upload("marketer", LimitsProfile.STALE, LimitsProfile.STALE_TABLE.replace("garden", "gardening"))
                .statusCode(422)
                .body("detail", equalTo("stale-offers.drl.csv cannot go live: 1 error(s), 0 failing test(s); the "
                        + "live rule set is unchanged"))
                .body("problems.cell", contains("C10"))
                .body("problems.message", contains("'Make eligible' unknown offer id 'RETIRED-1'; it is not in the "
                        + "offer catalogue"));
        assertThat(engine.live().version()).isEqualTo(LimitsProfile.baselineVersion());
    }

    @Test
    void aMarketersNewTableFromApprovedTemplatesGoesLiveWithItsWarnings() {
        profiles.upsertAll(List.of(CustomerFixture.customer().id("C-WARN-1").segment("young-families").build()));
        customers.refresh();

        ValidatableResponse live = upload("marketer", "campaign.drl.csv", CAMPAIGN).statusCode(200)
                .body("changed", equalTo(true))
                .body("activatedBy", equalTo("marketer"));

        List<String> expected = List.of(
                "campaign.drl.csv B11 'Gender' value 'F': no customer has this gender (profiles say female, male, "
                        + "unspecified), so this condition matches nobody; did you mean 'female'?",
                "campaign.drl.csv C12 'Age from, to' asks for age at least 49 and at most 30, a reversed range: no "
                        + "customer matches this row, so it can never fire; put the smaller number first");
        assertThat(lines(live.extract().jsonPath().getList("warnings", java.util.Map.class))).containsAll(expected)
                .anySatisfy(w -> assertThat(w).startsWith("campaign.drl.csv D13 'Segment' value 'young-familes': no "
                        + "customer is in this segment (of 1 customer, as read at ").endsWith("), so this condition "
                        + "matches nobody; did you mean 'young-families'?"));
        assertThat(lines(as("marketer").get("/api/rulesets").then().statusCode(200).extract().jsonPath()
                .getList("warnings", java.util.Map.class))).containsAll(expected);
    }

    @Test
    void aNewColumnTemplateInANewTableStillNeedsAnAdmin() {
        String table = CAMPAIGN.replace("age >= $1, age <= $2", "age > $1, age < $2");

        upload("marketer", "campaign.drl.csv", table).statusCode(403)
                .contentType("application/problem+json")
                .body("detail", equalTo("'campaign.drl.csv' is a new table file, and sheet 'Sheet1', RuleTable "
                        + "Campaign, column C uses the column template CONDITION Customer 'age > $1, age < $2', which is "
                        + "neither a standard template nor one the live tables use; a new column template is code and "
                        + "needs the admin role (docs/decision-tables.md lists the standard templates a marketer may "
                        + "use)"));
        as("marketer").header("Prefer", "respond-async").contentType("text/csv").body(table)
                .put("/api/rulesets/campaign.drl.csv").then().statusCode(403); // told at once, not by a job
        upload("admin", "campaign.drl.csv", table).statusCode(200).body("changed", equalTo(true));
    }

    @Test
    void theReloadStatusClearsWhenABrokenFileIsPutBackAsItIsLive() throws Exception {
        Files.writeString(LimitsProfile.TABLES.resolve(LiveRulesProfile.ELECTRONICS), LiveRulesProfile.electronics(
                LiveRulesProfile.FANS_ON_EMAIL, LiveRulesProfile.FANS_ON_EMAIL.replace("ELEC-10", "ELEC-99")));
        rules.reloadFromDisk().get(60, TimeUnit.SECONDS);
        as("marketer").get("/api/rulesets").then().body("lastReload.applied", equalTo(false))
                .body("lastReload.problems.message", hasItem("'Make eligible' unknown offer id 'ELEC-99'; it is not "
                        + "in the offer catalogue"));

        LimitsProfile.restore();
        rules.reloadFromDisk().get(60, TimeUnit.SECONDS);

        as("marketer").get("/api/rulesets").then().statusCode(200)
                .body("version", equalTo(LimitsProfile.baselineVersion()))
                .body("lastReload.applied", equalTo(true))
                .body("lastReload.version", equalTo(LimitsProfile.baselineVersion()))
                .body("lastReload.problems", empty());
    }

    private static ValidatableResponse upload(String user, String name, String csv) {
        return as(user).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .put("/api/rulesets/" + name).then();
    }

    private static List<String> lines(List<java.util.Map> warnings) {
        return warnings.stream().map(w -> w.get("file") + " " + w.get("cell") + " " + w.get("message")).toList();
    }
}

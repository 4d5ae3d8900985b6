package io.nbo.rules.rest;

import static io.nbo.rules.rest.LiveRulesFixture.as;
import static io.nbo.rules.rest.LiveRulesFixture.decide;
import static io.nbo.rules.rest.LiveRulesFixture.upload;
import static io.nbo.rules.rest.LiveRulesProfile.ELECTRONICS;
import static io.nbo.rules.rest.LiveRulesProfile.FANS_ON_EMAIL;
import static io.nbo.rules.rest.LiveRulesProfile.electronics;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.nbo.rules.compile.RuleSetCompiler;
import io.nbo.rules.service.RuleEngine;
import io.nbo.rules.service.RuleSetService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rules change live: on disk and by upload, checked first, recorded, and reversible; the decision API keeps answering. */
@QuarkusTest
@TestProfile(LiveRulesProfile.class)
class RuleSetLiveTest {

    static final String BASELINE = RuleSetCompiler.versionOf(LiveRulesProfile.baseline());
    static final String TO_ELEC_20 = electronics(FANS_ON_EMAIL, FANS_ON_EMAIL.replace("ELEC-10", "ELEC-20"));
    static final String VERSION_ELEC_20 = LiveRulesProfile.versionWith(ELECTRONICS, TO_ELEC_20);

    @Inject
    RuleSetService rules;

    @Inject
    RuleEngine engine;

    @BeforeEach
    void baseline() throws Exception {
        LiveRulesFixture.backToBaseline(rules, engine, BASELINE);
        assertThat(engine.live().version()).isEqualTo(BASELINE);
        LiveRulesFixture.customers();
    }

    @Test
    void aTableEditedOnDiskGoesLiveWithoutARestart() throws Exception {
        decide().body("ruleSetVersion", equalTo(BASELINE)).body("offers.offerId", contains("ELEC-10"));

        Files.writeString(LiveRulesProfile.TABLES.resolve(ELECTRONICS), TO_ELEC_20);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> decide()
                .body("ruleSetVersion", equalTo(VERSION_ELEC_20))
                .body("offers.offerId", contains("ELEC-20"))
                .body("offers[0].eligibleBy", contains("Electronics fans on email")));
        as("marketer").get("/api/rulesets/activations").then().statusCode(200)
                .body("[0].version", equalTo(VERSION_ELEC_20))
                .body("[0].origin", equalTo("file-change"))
                .body("[0].detail", equalTo("replaced " + BASELINE));
    }

    @Test
    void theLiveRuleSetIsComparedWithDroolsInTheBackground() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("marketer").get("/api/rulesets").then()
                .statusCode(200)
                .body("reference.version", equalTo(BASELINE))
                .body("reference.state", equalTo("agreed"))
                .body("reference.situations", equalTo(500))
                .body("reference.differences", equalTo(0)));
    }

    @Test
    void aBrokenTableOnDiskIsRejectedAndTheLiveVersionKeepsAnswering() throws Exception {
        Files.writeString(LiveRulesProfile.TABLES.resolve(ELECTRONICS),
                electronics(FANS_ON_EMAIL, FANS_ON_EMAIL.replace("ELEC-10", "ELEC-99")));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("marketer").get("/api/rulesets").then()
                .statusCode(200)
                .body("version", equalTo(BASELINE))
                .body("lastReload.applied", equalTo(false))
                .body("lastReload.problems[0].cell", equalTo("F12"))
                .body("lastReload.problems[0].message",
                        equalTo("'Make eligible' unknown offer id 'ELEC-99'; it is not in the offer catalogue")));
        decide().body("ruleSetVersion", equalTo(BASELINE)).body("offers.offerId", contains("ELEC-10"));
    }

    @Test
    void aMarketerUploadsDataRowsAndTheyGoLiveRecordedWithWhoAndWhen() {
        upload("marketer", ELECTRONICS, TO_ELEC_20).statusCode(200)
                .body("version", equalTo(VERSION_ELEC_20))
                .body("previousVersion", equalTo(BASELINE))
                .body("changed", equalTo(true))
                .body("activatedBy", equalTo("marketer"));

        decide().body("ruleSetVersion", equalTo(VERSION_ELEC_20)).body("offers.offerId", contains("ELEC-20"));
        as("marketer").get("/api/rulesets/versions").then().statusCode(200)
                .body("[0].version", equalTo(VERSION_ELEC_20))
                .body("[0].createdBy", equalTo("marketer"))
                .body("[0].origin", equalTo("upload"))
                .body("[0].changed", equalTo(ELECTRONICS));
        as("marketer").get("/api/rulesets/" + ELECTRONICS).then().statusCode(200).body(equalTo(TO_ELEC_20));
    }

    @Test
    void changingRulesNeedsAMarketerOrAdmin() {
        given().contentType("text/csv").body(TO_ELEC_20).put("/api/rulesets/" + ELECTRONICS).then()
                .statusCode(401)
                .header("WWW-Authenticate", "Basic realm=\"nbo\"")
                .body("detail", equalTo("sign in: people with HTTP basic (agent, marketer or admin), channel clients "
                        + "with their X-API-Key header"));
        given().auth().preemptive().basic("marketer", "wrong").contentType("text/csv").body(TO_ELEC_20)
                .put("/api/rulesets/" + ELECTRONICS).then().statusCode(401);
        given().post("/api/rulesets/versions/" + BASELINE + "/activate").then().statusCode(401);
        decide().body("ruleSetVersion", equalTo(BASELINE));
    }

    @Test
    void aHeaderChangeNeedsTheAdminRole() {
        String header = electronics("monetary >= $param", "frequency >= $param");

        upload("marketer", ELECTRONICS, header).statusCode(403)
                .contentType("application/problem+json")
                .body("detail", equalTo("electronics.drl.csv: the header block changed at sheet 'Sheet1', RuleTable "
                        + "Electronics, header row 4, column E ('monetary >= $param' -> 'frequency >= $param'); header "
                        + "blocks (RuleSet, Import, Variables, RuleTable, CONDITION/ACTION templates) are code and "
                        + "need the admin role, a marketer may change data rows only"));
        decide().body("ruleSetVersion", equalTo(BASELINE));

        upload("admin", ELECTRONICS, header).statusCode(200)
                .body("version", equalTo(LiveRulesProfile.versionWith(ELECTRONICS, header)))
                .body("activatedBy", equalTo("admin"));
    }

    @Test
    void aHostileUploadIsRejectedWithTheReasonAndNothingChanges() {
        String hostile = electronics("\"offers.eligible(\"\"$param\"\");\"",
                "\"offers.eligible(\"\"$param\"\"); java.lang.Runtime.getRuntime().exec(\"\"rm -rf /\"\");\"");

        upload("admin", ELECTRONICS, hostile).statusCode(422)
                .contentType("application/problem+json")
                .body("title", equalTo("Rule set rejected"))
                .body("detail", equalTo("electronics.drl.csv cannot go live: 1 error(s), 0 failing test(s); the live "
                        + "rule set is unchanged"))
                .body("problems[0].cell", equalTo("F9"))
                .body("problems[0].message", equalTo("column 'Make eligible': 'java' is Java, not the fact "
                        + "vocabulary: an action may only call offers.<action>(...), it cannot run other code"));
        as("admin").contentType("text/plain").body("rule \"x\" when then System.exit(0); end")
                .put("/api/rulesets/evil.drl").then().statusCode(400)
                .body("field", equalTo("name"))
                .body("detail", equalTo("only decision tables named *.drl.xlsx or *.drl.csv can be uploaded; DRL "
                        + "(rules/*.drl) is developers' code and changes through the repository"));
        decide().body("ruleSetVersion", equalTo(BASELINE));
    }

    @Test
    void anUploadIsANamedTableWithABody() {
        upload("marketer", "notes.txt", TO_ELEC_20).statusCode(400)
                .body("field", equalTo("name"))
                .body("detail", equalTo("only decision tables named *.drl.xlsx or *.drl.csv can be uploaded; DRL "
                        + "(rules/*.drl) is developers' code and changes through the repository"));
        upload("marketer", ELECTRONICS, "").statusCode(400)
                .body("field", equalTo("body"))
                .body("detail", equalTo("send the spreadsheet's bytes as the request body"));
        upload("marketer", "new-table.drl.csv", TO_ELEC_20.replace("nbo.electronics", "nbo.newtable")
                .replace("monetary >= $param", "monetary > $param")).statusCode(403)
                .body("detail", equalTo("'new-table.drl.csv' is a new table file, and sheet 'Sheet1', RuleTable "
                        + "Electronics, column E uses the column template CONDITION Customer 'monetary > $param', which "
                        + "is neither a standard template nor one the live tables use; a new column template is code "
                        + "and needs the admin role (docs/decision-tables.md lists the standard templates a marketer "
                        + "may use)"));
    }

    @Test
    void aDraftWhoseWorkbookTestsFailIsRejectedWithTheFailingCases() {
        String tests = """

                Tests
                Test,Categories,Consents,Touchpoint,Expect eligible
                Email fan keeps ten percent,electronics,email,email,ELEC-10
                """;

        upload("marketer", ELECTRONICS, TO_ELEC_20 + tests).statusCode(422)
                .body("detail", equalTo("electronics.drl.csv cannot go live: 0 error(s), 1 failing test(s); the live "
                        + "rule set is unchanged"))
                .body("problems[0].row", equalTo(17))
                .body("problems[0].message", equalTo("test 'Email fan keeps ten percent' failed: expected ELEC-10 to "
                        + "be eligible, it was not (eligible: BLACK-FRIDAY-FLASH, ELEC-20)"));
        upload("marketer", ELECTRONICS, electronics("", "") + tests).statusCode(200);
    }

    @Test
    void validateIsADryRun() {
        as("marketer").contentType("text/csv").body(TO_ELEC_20).post("/api/rulesets/" + ELECTRONICS + "/validate")
                .then().statusCode(200)
                .body("valid", equalTo(true))
                .body("version", equalTo(VERSION_ELEC_20))
                .body("errors.size()", equalTo(0));
        as("marketer").contentType("text/csv").body(electronics("\"likesCategory(\"\"$param\"\")\"", "loyalty >= $param"))
                .post("/api/rulesets/" + ELECTRONICS + "/validate").then().statusCode(200)
                .body("valid", equalTo(false))
                .body("errors.size()", equalTo(1))
                .body("errors.message", hasItem(org.hamcrest.Matchers.startsWith("electronics.drl.csv: the header "
                        + "block changed")));
        decide().body("ruleSetVersion", equalTo(BASELINE));
    }

    @Test
    void simulationCountsCustomersGainingAndLosingEachOffer() {
        as("marketer").contentType("text/csv").body(TO_ELEC_20)
                .queryParam("sample", 3).queryParam("touchpoint", "email")
                .post("/api/rulesets/" + ELECTRONICS + "/simulate").then().statusCode(200)
                .body("liveVersion", equalTo(BASELINE))
                .body("draftVersion", equalTo(VERSION_ELEC_20))
                .body("customers", equalTo(3))
                .body("customersChanged", equalTo(2))
                .body("offers[0].offerId", equalTo("ELEC-10"))
                .body("offers[0].live", equalTo(2))
                .body("offers[0].draft", equalTo(0))
                .body("offers[0].lost", equalTo(2))
                .body("offers[0].lostBy", contains("C-LIVE-1", "C-LIVE-2"))
                .body("offers[1].offerId", equalTo("ELEC-20"))
                .body("offers[1].gained", equalTo(2));
        decide().body("ruleSetVersion", equalTo(BASELINE));
    }

    @Test
    void aDraftIsComparedWithTheLiveVersionRowByRowWithoutGoingLive() {
        as("marketer").contentType("text/csv").body(TO_ELEC_20)
                .post("/api/rulesets/" + ELECTRONICS + "/diff").then().statusCode(200)
                .body("from", equalTo(BASELINE))
                .body("to", equalTo("draft"))
                .body("files.size()", equalTo(1))
                .body("files[0].file", equalTo(ELECTRONICS))
                .body("files[0].change", equalTo("changed"))
                .body("files[0].headerChange", equalTo(null))
                .body("files[0].rows.size()", equalTo(1))
                .body("files[0].rows[0].change", equalTo("changed"))
                .body("files[0].rows[0].rule", equalTo("Electronics fans on email"))
                .body("files[0].rows[0].fromRow", equalTo(12))
                .body("files[0].rows[0].toRow", equalTo(12))
                .body("files[0].rows[0].cells[0].column", equalTo("Make eligible"))
                .body("files[0].rows[0].cells[0].from", equalTo("ELEC-10"))
                .body("files[0].rows[0].cells[0].to", equalTo("ELEC-20"));
        as("marketer").contentType("text/csv").body(TO_ELEC_20)
                .post("/api/rulesets/electronics.csv/diff").then().statusCode(400)
                .body("field", equalTo("name"))
                .body("detail", equalTo("a decision table is named *.drl.csv or *.drl.xlsx, got 'electronics.csv'"));
        as("admin").contentType("text/csv").body("just,some,cells\n")
                .post("/api/rulesets/" + ELECTRONICS + "/diff").then().statusCode(422)
                .contentType("application/problem+json")
                .body("title", equalTo("Rule set rejected"))
                .body("detail", org.hamcrest.Matchers.startsWith(ELECTRONICS + " cannot go live: "))
                .body("problems[0].file", equalTo(ELECTRONICS));
        decide().body("ruleSetVersion", equalTo(BASELINE));
    }

    @Test
    void rollbackRestoresExactBehaviourAndFiles() throws Exception {
        String before = decide().extract().body().jsonPath().prettify();
        upload("marketer", ELECTRONICS, TO_ELEC_20).statusCode(200);
        decide().body("offers.offerId", contains("ELEC-20"));

        as("marketer").get("/api/rulesets/versions/diff?from=" + BASELINE + "&to=live").then().statusCode(200)
                .body("files.size()", equalTo(1))
                .body("files[0].file", equalTo(ELECTRONICS))
                .body("files[0].change", equalTo("changed"))
                .body("files[0].rows[0].change", equalTo("changed"))
                .body("files[0].rows[0].rule", equalTo("Electronics fans on email"))
                .body("files[0].rows[0].toRow", equalTo(12))
                .body("files[0].rows[0].cells[0].column", equalTo("Make eligible"))
                .body("files[0].rows[0].cells[0].from", equalTo("ELEC-10"))
                .body("files[0].rows[0].cells[0].to", equalTo("ELEC-20"));

        as("marketer").post("/api/rulesets/versions/" + BASELINE + "/activate").then().statusCode(200)
                .body("version", equalTo(BASELINE))
                .body("previousVersion", equalTo(VERSION_ELEC_20));

        String after = decide().extract().body().jsonPath().prettify();
        assertThat(withoutIdentity(after)).isEqualTo(withoutIdentity(before));
        assertThat(Files.readString(LiveRulesProfile.TABLES.resolve(ELECTRONICS)))
                .isEqualTo(Files.readString(Path.of("decision-tables", ELECTRONICS)));
        as("marketer").get("/api/rulesets/activations").then().body("[0].origin", equalTo("rollback"));
        as("marketer").post("/api/rulesets/versions/000000000000/activate").then().statusCode(404);
    }

    private static String withoutIdentity(String decision) {
        return decision.replaceAll("\"decisionId\": \"[^\"]+\"", "").replaceAll("\"decidedAt\": \"[^\"]+\"", "");
    }
}

package io.nbo.contact.rest;

import static io.nbo.support.Callers.asAdmin;
import static io.nbo.support.Callers.asMarketer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The policy table over the API, through the rule tables' lifecycle: a bad table is refused 422 with every problem
 * located as for rule sets and the last good one stays; a good one goes live recorded with who and when; versions
 * compare rule by rule and roll back; drafts are dry-run and simulated against stored customers.
 */
@QuarkusTest
class PolicyResourceTest {

    private static final String HEADER = "Rule,Type,Channel,Offer,Group,Limit,Window,Outcome,Rest,From,Until,Cost\n";

    @AfterEach
    void restore() {
        as("marketer").post("/api/policy/reload").then().statusCode(200);
    }

    @Test
    void theShippedPolicyIsLive() {
        asMarketer().get("/api/policy").then().statusCode(200)
                .body("source", equalTo("decision-tables/policy/contact-policy.csv"))
                .body("file", equalTo("contact-policy.csv"))
                .body("lastReload.applied", equalTo(true))
                .body("rules", hasSize(11))
                .body("rules[1].rule", equalTo("SMS at most twice a week"))
                .body("rules[1].type", equalTo("cap"))
                .body("rules[1].channel", equalTo("sms"))
                .body("rules[1].limit", equalTo(2))
                .body("rules[1].window", equalTo("7 days"))
                .body("rules[10].cost", equalTo(80));
    }

    @Test
    void aBadTableIsRefused422WithEveryProblemLocatedAndTheLastGoodPolicyStaysLive() {
        String live = asMarketer().get("/api/policy").then().extract().path("version");

        as("marketer").contentType("text/csv").body(HEADER + """
                Weekly email,cap,email,,,one,7d,,,,,
                Night,quiet-hours,sms,,,,,,,9pm,08:00,
                """).put("/api/policy").then().statusCode(422)
                .contentType("application/problem+json")
                .body("title", equalTo("Contact policy rejected"))
                .body("detail", equalTo("the uploaded table cannot go live: 2 error(s), 0 failing test(s); the live "
                        + "policy is unchanged"))
                .body("problems.file", contains("contact-policy.csv", "contact-policy.csv"))
                .body("problems.sheet", contains("Sheet1", "Sheet1"))
                .body("problems.cell", contains("F2", "J3"))
                .body("problems.row", contains(2, 3))
                .body("problems.severity", contains("ERROR", "ERROR"))
                .body("problems[1].message", equalTo("From must be a local time HH:mm (24-hour), got '9pm'"));
        asMarketer().get("/api/policy").then().body("version", equalTo(live));
    }

    @Test
    void aGoodTableGoesLiveRecordedWithWhoAndWhenAndRollsBackExactly() {
        String shipped = asMarketer().get("/api/policy").then().extract().path("version");

        String uploaded = as("marketer").contentType("text/csv").body(HEADER + "One text a day,cap,sms,,,1,1d,,,,,\n")
                .put("/api/policy").then().statusCode(200)
                .body("previousVersion", equalTo(shipped))
                .body("changed", equalTo(true))
                .body("ruleCount", equalTo(1))
                .body("activatedBy", equalTo("marketer"))
                .extract().path("version");
        asMarketer().get("/api/policy").then()
                .body("version", equalTo(uploaded))
                .body("source", equalTo("upload"))
                .body("activatedBy", equalTo("marketer"))
                .body("rules.rule", contains("One text a day"));
        as("marketer").get("/api/policy/versions").then().statusCode(200)
                .body("[0].version", equalTo(uploaded))
                .body("[0].createdBy", equalTo("marketer"))
                .body("[0].origin", equalTo("upload"))
                .body("[0].ruleCount", equalTo(1));
        as("marketer").get("/api/policy/versions/diff?from=" + shipped + "&to=live").then().statusCode(200)
                .body("from", equalTo(shipped))
                .body("to", equalTo(uploaded))
                .body("files[0].rows.find { it.rule == 'One text a day' }.change", equalTo("added"))
                .body("files[0].rows.find { it.rule == 'One text a day' }.toRow", equalTo(2))
                .body("files[0].rows.find { it.rule == 'SMS at most twice a week' }.change", equalTo("removed"));

        as("admin").post("/api/policy/versions/" + shipped + "/activate").then().statusCode(200)
                .body("version", equalTo(shipped))
                .body("previousVersion", equalTo(uploaded))
                .body("activatedBy", equalTo("admin"));

        asMarketer().get("/api/policy").then().body("version", equalTo(shipped)).body("rules", hasSize(11));
        as("marketer").get("/api/policy/activations").then()
                .body("[0].version", equalTo(shipped))
                .body("[0].origin", equalTo("rollback"))
                .body("[0].detail", equalTo("replaced " + uploaded));
        as("marketer").post("/api/policy/versions/000000000000/activate").then().statusCode(404)
                .body("detail", equalTo("no contact-policy version '000000000000' was ever activated; GET "
                        + "/api/policy/versions lists them"));
    }

    @Test
    void aDraftIsComparedWithTheLivePolicyRuleByRuleWithoutGoingLive() {
        String shipped = asMarketer().get("/api/policy").then().extract().path("version");

        as("marketer").contentType("text/csv").body(HEADER + "One text a day,cap,sms,,,1,1d,,,,,\n")
                .post("/api/policy/diff").then().statusCode(200)
                .body("from", equalTo(shipped))
                .body("to", equalTo("draft"))
                .body("files[0].file", equalTo("contact-policy.csv"))
                .body("files[0].rows.find { it.rule == 'One text a day' }.change", equalTo("added"))
                .body("files[0].rows.find { it.rule == 'One text a day' }.toRow", equalTo(2))
                .body("files[0].rows.findAll { it.change == 'removed' }.size()", equalTo(11));
        as("marketer").contentType("text/csv").body(new byte[0]).post("/api/policy/diff").then().statusCode(400)
                .body("field", equalTo("body"));
        as("marketer").contentType("text/csv").body("just,some,cells\n").post("/api/policy/diff").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("title", equalTo("Contact policy rejected"))
                .body("detail", org.hamcrest.Matchers.startsWith("the draft cannot go live: "))
                .body("problems[0].file", equalTo("contact-policy.csv"));
        asMarketer().get("/api/policy").then().body("version", equalTo(shipped));
    }

    @Test
    void validateIsADryRunWithErrorsWarningsAndExamples() {
        String live = asMarketer().get("/api/policy").then().extract().path("version");

        as("marketer").contentType("text/csv").body(HEADER + """
                Stock,volume,,NO-SUCH-OFFER,,10,,,,,,

                Tests
                Test,Channels,Consents,Touchpoint,Expect channel
                E-mail goes,email,email,email,sms
                """).post("/api/policy/validate").then().statusCode(200)
                .body("valid", equalTo(false))
                .body("errors", hasSize(0))
                .body("warnings[0].cell", equalTo("D2"))
                .body("warnings[0].message", equalTo("offer id 'NO-SUCH-OFFER' is not in the offer catalogue; rule "
                        + "'Stock' applies to no offer until one with that id exists"))
                .body("tests.run", equalTo(1))
                .body("tests.passed", equalTo(0))
                .body("tests.failures[0].row", equalTo(6))
                .body("tests.failures[0].message", equalTo("test 'E-mail goes' failed: expected channel sms, got "
                        + "email (went by email: the customer is on email now)"));
        asMarketer().get("/api/policy").then().body("version", equalTo(live));
    }

    @Test
    void simulationComparesTheDraftWithTheLivePolicyForStoredCustomers() {
        for (String id : new String[] {"A-SIM-1", "A-SIM-2"}) {
            String body = """
                    {"id": "%s", "age": 40, "timeZone": "UTC", "consents": ["email"], "lifecycleStage": "active",
                     "engagement": "unknown", "topCategories": ["electronics"]}
                    """.formatted(id);
            if (asAdmin().contentType(ContentType.JSON).body(body).put("/api/customers/" + id).statusCode() == 404) {
                asAdmin().contentType(ContentType.JSON).body(body).post("/api/customers").then().statusCode(201);
            }
        }
        String live = asMarketer().get("/api/policy").then().extract().path("version");

        as("marketer").contentType("text/csv").body(HEADER + "No e-mail this week,cap,email,,,0,7d,,,,,\n")
                .queryParam("sample", 2).queryParam("touchpoint", "email").queryParam("localTime", "10:00")
                .post("/api/policy/simulate").then().statusCode(200)
                .body("liveVersion", equalTo(live))
                .body("customers", equalTo(2))
                .body("customersChanged", equalTo(2))
                .body("offers[0].offerId", equalTo("ELEC-10"))
                .body("offers[0].live", equalTo(2))
                .body("offers[0].draft", equalTo(0))
                .body("offers[0].lostBy", contains("A-SIM-1", "A-SIM-2"))
                .body("channels.find { it.name == 'email' }.live", equalTo(2))
                .body("channels.find { it.name == 'email' }.draft", equalTo(0))
                .body("rules.find { it.name == 'No e-mail this week' }.draft", equalTo(2))
                .body("rules.find { it.name == 'No e-mail this week' }.live", equalTo(0));
        asMarketer().get("/api/policy").then().body("version", equalTo(live));
    }

    @Test
    void changingThePolicyNeedsAMarketerOrAdmin() {
        given().contentType("text/csv").body(HEADER).put("/api/policy").then().statusCode(401)
                .header("WWW-Authenticate", "Basic realm=\"nbo\"");
        given().post("/api/policy/versions/abc/activate").then().statusCode(401);
        given().get("/api/policy/versions").then().statusCode(401);
        as("marketer").contentType("text/csv").body("").put("/api/policy").then().statusCode(400)
                .body("field", equalTo("body"))
                .body("problems", nullValue());
    }

    @Test
    void theLiveFileCanBeDownloadedToEditIt() throws Exception {
        byte[] shipped = Files.readAllBytes(Path.of("decision-tables/policy/contact-policy.csv"));

        as("marketer").get("/api/policy/file").then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"contact-policy.csv\"")
                .body(equalTo(new String(shipped, java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, user);
    }
}

package io.nbo.contact.rest;

import static io.nbo.support.Callers.asMarketer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The policy table over the API: a bad table is refused with every problem located, and the last good one stays. */
@QuarkusTest
class PolicyResourceTest {

    @AfterEach
    void restore() {
        given().auth().preemptive().basic("marketer", "marketer").post("/api/policy/reload").then().statusCode(200);
    }

    @Test
    void theShippedPolicyIsLive() {
        asMarketer().get("/api/policy").then().statusCode(200)
                .body("source", equalTo("decision-tables/policy/contact-policy.csv"))
                .body("rules", hasSize(11))
                .body("rules[1].rule", equalTo("SMS at most twice a week"))
                .body("rules[1].type", equalTo("cap"))
                .body("rules[1].channel", equalTo("sms"))
                .body("rules[1].limit", equalTo(2))
                .body("rules[1].window", equalTo("7 days"))
                .body("rules[10].cost", equalTo(80));
    }

    @Test
    void aBadTableIsRefusedWithEveryProblemAndTheLastGoodPolicyStaysLive() {
        String live = asMarketer().get("/api/policy").then().extract().path("version");

        given().auth().preemptive().basic("marketer", "marketer").contentType("text/csv").body("""
                Rule,Type,Channel,Offer,Group,Limit,Window,Outcome,Rest,From,Until,Cost
                Weekly email,cap,email,,,one,7d,,,,,
                Night,quiet-hours,sms,,,,,,,9pm,08:00,
                """).put("/api/policy").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("2 problem(s); the last good policy stays live"))
                .body("problems.row", contains(2, 3))
                .body("problems.column", contains("Limit", "From"))
                .body("problems[0].file", equalTo("contact-policy.csv"))
                .body("problems[1].message", equalTo("From must be a local time HH:mm (24-hour), got '9pm'"));
        asMarketer().get("/api/policy").then().body("version", equalTo(live));
    }

    @Test
    void aGoodTableGoesLiveAtOnce() {
        given().auth().preemptive().basic("marketer", "marketer").contentType("text/csv").body("""
                Rule,Type,Channel,Offer,Group,Limit,Window,Outcome,Rest,From,Until,Cost
                One text a day,cap,sms,,,1,1d,,,,,
                """).put("/api/policy").then().statusCode(200)
                .body("source", equalTo("upload"))
                .body("rules.rule", contains("One text a day"));
    }
}

package io.nbo.rules.rest;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;

/** Customers and calls the live-rules tests share. */
final class LiveRulesFixture {

    /** Likes electronics and reads email: the baseline gives ELEC-10, the edited table ELEC-20. */
    static final String FAN = """
            {"id": "C-LIVE-1", "age": 40, "timeZone": "UTC", "consents": ["email"], "lifecycleStage": "active",
             "engagement": "unknown", "topCategories": ["electronics"]}
            """;
    static final String FAN_TWO = """
            {"id": "C-LIVE-2", "age": 35, "timeZone": "UTC", "consents": ["email"], "lifecycleStage": "active",
             "engagement": "unknown", "topCategories": ["electronics"]}
            """;
    static final String GARDENER = """
            {"id": "C-LIVE-3", "age": 60, "timeZone": "UTC", "consents": ["email"], "lifecycleStage": "active",
             "engagement": "unknown", "topCategories": ["garden"]}
            """;
    static final String DECISION = """
            {"customerId": "C-LIVE-1", "touchpoint": "email"}
            """;

    private LiveRulesFixture() {
    }

    static void customers() {
        for (String body : new String[] {FAN, FAN_TWO, GARDENER}) {
            String id = body.substring(body.indexOf("\"id\": \"") + 7, body.indexOf("\", "));
            int status = as("admin").contentType(ContentType.JSON).body(body).put("/api/customers/" + id).statusCode();
            if (status == 404) {
                as("admin").contentType(ContentType.JSON).body(body).post("/api/customers").then().statusCode(201);
            }
        }
    }

    static ValidatableResponse decide() {
        return as("agent").contentType(ContentType.JSON).body(DECISION).post("/api/decisions").then().statusCode(200);
    }

    static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, user);
    }

    static ValidatableResponse upload(String user, String name, String text) {
        return as(user).contentType("text/csv").body(text.getBytes(StandardCharsets.UTF_8))
                .put("/api/rulesets/" + name).then();
    }

    /**
     * Puts the repository's rule files back on disk and live. Files on disk have a marketer's rights, so when a test
     * left an admin's header change live, an admin rollback to the baseline version undoes it.
     */
    static void backToBaseline(io.nbo.rules.service.RuleSetService rules, io.nbo.rules.service.RuleEngine engine,
                               String baseline) throws Exception {
        LiveRulesProfile.restore();
        rules.reloadFromDisk().get(30, java.util.concurrent.TimeUnit.SECONDS);
        if (!engine.live().version().equals(baseline)) {
            rules.rollback(baseline, new io.nbo.rules.service.Actor("test-admin", true));
        }
    }
}

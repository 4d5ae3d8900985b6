package io.nbo.profile.rest;

import static io.nbo.support.Callers.asAdmin;
import static io.nbo.support.Callers.asAgent;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Customer profiles through the admin API; a write is seen by the very next decision (cache invalidated). */
@QuarkusTest
class ProfileResourceTest {

    private static final String SHOPPER = """
            {"id": "C-PR-1", "age": 27, "timeZone": "Europe/Madrid", "consents": ["sms"],
             "lifecycleStage": "active", "engagement": "low", "topCategories": ["fashion"]}
            """;

    @Test
    void createReadUpdateAndTheNextDecisionSeesTheChange() {
        asAdmin().contentType(ContentType.JSON).body(SHOPPER).when().post("/api/customers")
                .then().statusCode(201).header("Location", endsWith("/api/customers/C-PR-1"));
        asAgent().when().get("/api/customers/C-PR-1")
                .then().statusCode(200)
                .body("timeZone", equalTo("Europe/Madrid"))
                .body("consents", contains("sms"));
        decideOnSms().body("offers.offerId", contains("SMS-FLASH-SALE", "WINBACK-20"));

        asAdmin().contentType(ContentType.JSON).body(SHOPPER.replace("[\"sms\"]", "[]"))
                .when().put("/api/customers/C-PR-1")
                .then().statusCode(200).body("consents", empty());

        decideOnSms().body("offers", empty())
                .body("notChosen.find { it.offerId == 'WINBACK-20' }.reason", equalTo(
                        "no consent to contact on SMS; not email: no consent to contact on email"));
    }

    @Test
    void badProfilesAreRefusedNamingTheField() {
        asAdmin().contentType(ContentType.JSON).body(SHOPPER.replace("Europe/Madrid", "Mars/Olympus"))
                .when().post("/api/customers")
                .then().statusCode(400)
                .body("field", equalTo("timeZone"))
                .body("detail", equalTo("timeZone must be an IANA zone such as Europe/London, got 'Mars/Olympus'"));
        asAdmin().contentType(ContentType.JSON).body(SHOPPER.replace("\"age\": 27", "\"age\": 200"))
                .when().post("/api/customers")
                .then().statusCode(400).body("field", equalTo("age"));
        asAgent().when().get("/api/customers/NOBODY")
                .then().statusCode(404).body("detail", equalTo("No customer with id 'NOBODY'"));
    }

    @Test
    void bulkLoadWritesEveryCustomer() {
        asAdmin().contentType(ContentType.JSON)
                .body("[" + SHOPPER.replace("C-PR-1", "C-BULK-1") + "," + SHOPPER.replace("C-PR-1", "C-BULK-2") + "]")
                .when().post("/api/customers/bulk")
                .then().statusCode(200).body("written", equalTo(2));
        asAgent().when().get("/api/customers/C-BULK-2").then().statusCode(200).body("age", equalTo(27));
    }

    private static io.restassured.response.ValidatableResponse decideOnSms() {
        return asAgent().contentType(ContentType.JSON)
                .body("""
                        {"customerId": "C-PR-1", "touchpoint": "sms", "explain": true}
                        """)
                .when().post("/api/decisions").then().statusCode(200);
    }
}

package io.nbo.offer.rest;

import static io.nbo.support.Callers.asMarketer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** The catalogue admin API: the sample catalogue is loaded, offers can be added and changed, bad fields named. */
@QuarkusTest
class OfferResourceTest {

    private static final String LUNCH = """
            {"id": "TEST-LUNCH", "name": "Test lunch deal", "category": "food", "kind": "coupon",
             "businessValue": 4.50, "channels": ["push", "mobile-app"], "windowStart": "11:30", "windowEnd": "14:00",
             "offerGroup": "lunch"}
            """;

    @Test
    void sampleCatalogueCoversEveryChannel() {
        asMarketer().when().get("/api/offers")
                .then().statusCode(200)
                .body("findAll { !it.id.startsWith('TEST-') }.size()", equalTo(33))
                .body("channels.flatten().unique()", hasItems("email", "sms", "push", "web", "mobile-app",
                        "social", "call-centre", "in-store"));
    }

    @Test
    void addReadAndChangeAnOffer() {
        asMarketer().contentType(ContentType.JSON).body(LUNCH)
                .when().post("/api/offers")
                .then().statusCode(201)
                .header("Location", endsWith("/api/offers/TEST-LUNCH"))
                .body("priority", equalTo(1.0f))
                .body("active", equalTo(true));
        asMarketer().contentType(ContentType.JSON).body(LUNCH).when().post("/api/offers")
                .then().statusCode(409)
                .body("detail", equalTo("An offer with id 'TEST-LUNCH' already exists; use PUT to change it"));

        asMarketer().contentType(ContentType.JSON).body(LUNCH.replace("4.50", "5.00").replace("\"lunch\"}",
                        "\"lunch\", \"active\": false}"))
                .when().put("/api/offers/TEST-LUNCH")
                .then().statusCode(200)
                .body("businessValue", equalTo(5.0f))
                .body("active", equalTo(false));
        asMarketer().when().get("/api/offers/TEST-LUNCH")
                .then().statusCode(200)
                .body("channels", contains("push", "mobile-app"))
                .body("windowStart", equalTo("11:30:00"))
                .body("active", equalTo(false));
    }

    @Test
    void unknownOfferIs404() {
        asMarketer().when().get("/api/offers/NOPE")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("No offer with id 'NOPE'"));
    }

    @Test
    void badFieldsAreNamed() {
        asMarketer().contentType(ContentType.JSON).body(LUNCH.replace("\"push\"", "\"pigeon\""))
                .when().post("/api/offers")
                .then().statusCode(400)
                .body("field", equalTo("channels"))
                .body("detail", equalTo("unknown channel 'pigeon'; use email, sms, push, social, web, mobile-app, "
                        + "call-centre, in-store"));
        asMarketer().contentType(ContentType.JSON).body(LUNCH.replace("\"coupon\"", "\"freebie\""))
                .when().post("/api/offers")
                .then().statusCode(400)
                .body("field", equalTo("kind"));
        asMarketer().contentType(ContentType.JSON).body(LUNCH.replace("\"14:00\"", "\"2pm\""))
                .when().post("/api/offers")
                .then().statusCode(400)
                .body("field", equalTo("windowEnd"))
                .body("detail", equalTo("field 'windowEnd' has a value of the wrong type (expected a time, HH:mm)"));
        asMarketer().contentType(ContentType.JSON).body("[]").when().post("/api/offers")
                .then().statusCode(400).body("field", equalTo("body"));
    }
}

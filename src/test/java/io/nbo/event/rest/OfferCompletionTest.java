package io.nbo.event.rest;

import static io.nbo.support.Callers.asAgent;
import static io.nbo.support.Callers.asMarketer;
import static io.nbo.support.Callers.withDevKey;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.nbo.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Spend 10 on coffee within 7 days of receiving it": the coffee lines of the purchases inside the window, each purchase
 * once, add up to the terms, and the offer is completed with the purchased outcome on the decision that made it;
 * purchases before the offer, of other categories, repeated, after completion or after the window do not count.
 */
@QuarkusTest
class OfferCompletionTest {

    private static final String PURCHASE = """
            {"eventId": "%s", "customerId": "%s", "type": "purchase", "occurredAt": "%s", "channel": "in-store",
             "items": [{"item": "%s", "category": "%s", "quantity": 1, "price": %s}]}
            """;

    @Inject
    EventTestData data;

    @Inject
    TestClock clock;

    @BeforeEach
    void setUp() throws Exception {
        data.customer("C-DONE-1", "[\"push\"]", "[]");
        data.customer("C-DONE-2", "[\"push\"]", "[]");
        data.customer("C-DONE-3", "[\"push\"]", "[]");
        asMarketer().contentType(ContentType.JSON).body("""
                {"minSpend": 10.00, "category": "coffee", "withinDays": 7}
                """).put("/api/offers/LOYALTY-2X/completion").then().statusCode(200);
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        asMarketer().delete("/api/offers/LOYALTY-2X/completion");
    }

    @Test
    void purchasesInsideTheWindowAreAddedUpOnceEachAndCompleteTheOfferOnce() {
        String decision = triggered("C-DONE-1", "done-cart-1"); // decided at 2026-11-23T12:00Z
        clock.set(Instant.parse("2026-11-25T12:00:00Z"));

        // Before the offer was made: not in its window, however much coffee.
        purchase("done-p0", "C-DONE-1", "2026-11-23T11:00:00Z", "beans", "coffee", "30.00")
                .body("offersCompleted", empty());
        purchase("done-p1", "C-DONE-1", "2026-11-25T09:00:00Z", "latte", "coffee", "4.00")
                .body("offersCompleted", empty());
        // Sent again: a duplicate, counted once.
        withDevKey().contentType(ContentType.JSON).body(PURCHASE.formatted("done-p1", "C-DONE-1",
                "2026-11-25T09:00:00Z", "latte", "coffee", "4.00")).post("/api/events").then().statusCode(200)
                .body("status", equalTo("duplicate"));
        // Another category does not count towards "10 on coffee".
        purchase("done-p2", "C-DONE-1", "2026-11-25T09:30:00Z", "scarf", "fashion", "40.00")
                .body("offersCompleted", empty());
        // 4 + 7 = 11 on coffee: complete.
        purchase("done-p3", "C-DONE-1", "2026-11-25T10:00:00Z", "beans", "coffee", "7.00")
                .body("offersCompleted", contains("LOYALTY-2X (decision " + decision + ")"));
        purchase("done-p4", "C-DONE-1", "2026-11-25T11:00:00Z", "beans", "coffee", "15.00")
                .body("offersCompleted", empty());

        asAgent().get("/api/customers/C-DONE-1/history").then().statusCode(200)
                .body("findAll { it.decisionId == '" + decision + "' && it.event == 'purchased' }.value",
                        contains(11.0f));
    }

    @Test
    void aPurchaseArrivingLateThatHappenedEarlierStillAddsUp() {
        String decision = triggered("C-DONE-3", "done-cart-3");
        clock.set(Instant.parse("2026-11-26T12:00:00Z"));

        purchase("done-q2", "C-DONE-3", "2026-11-26T10:00:00Z", "beans", "coffee", "6.00")
                .body("offersCompleted", empty());
        purchase("done-q1", "C-DONE-3", "2026-11-24T10:00:00Z", "latte", "coffee", "5.00")
                .body("offersCompleted", contains("LOYALTY-2X (decision " + decision + ")"));
        asAgent().get("/api/customers/C-DONE-3/history").then().statusCode(200)
                .body("findAll { it.decisionId == '" + decision + "' && it.event == 'purchased' }.value",
                        contains(11.0f));
    }

    @Test
    void aPurchaseAfterTheWindowDoesNotComplete() {
        triggered("C-DONE-2", "done-cart-2");
        clock.set(Instant.parse("2026-12-01T12:00:00Z"));

        purchase("done-late", "C-DONE-2", "2026-11-30T12:00:01Z", "beans", "coffee", "30.00")
                .body("offersCompleted", empty());
    }

    @Test
    void termsAreCheckedAndReadBack() {
        asAgent().get("/api/offers/LOYALTY-2X/completion").then().statusCode(200)
                .body("minSpend", equalTo(10.0f)).body("category", equalTo("coffee")).body("withinDays", equalTo(7));
        asMarketer().contentType(ContentType.JSON).body("{\"withinDays\": 7}").put("/api/offers/LOYALTY-2X/completion")
                .then().statusCode(400).body("field", equalTo("minSpend")).body("detail", equalTo("name a minSpend, "
                        + "a category or both: otherwise any purchase would complete the offer"));
        asMarketer().contentType(ContentType.JSON).body("{\"minSpend\": 5}").put("/api/offers/NO-SUCH/completion")
                .then().statusCode(404).body("detail", equalTo("No offer with id 'NO-SUCH'"));
    }

    /** A cart abandoned on the app at noon: LOYALTY-2X is offered on push by the shipped trigger table. */
    private static String triggered(String customer, String eventId) {
        return withDevKey().contentType(ContentType.JSON).body("""
                {"eventId": "%s", "customerId": "%s", "type": "cart-abandoned", "occurredAt": "2026-11-23T11:59:00Z",
                 "channel": "mobile-app"}
                """.formatted(eventId, customer)).post("/api/events").then().statusCode(201)
                .body("triggered[0].status", equalTo("pending")).extract().jsonPath()
                .getString("triggered[0].decisionId");
    }

    private static io.restassured.response.ValidatableResponse purchase(String id, String customer, String at,
                                                                        String item, String category, String price) {
        return withDevKey().contentType(ContentType.JSON).body(PURCHASE.formatted(id, customer, at, item, category,
                price)).post("/api/events").then().statusCode(201);
    }
}

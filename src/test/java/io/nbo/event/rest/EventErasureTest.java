package io.nbo.event.rest;

import static io.nbo.support.Callers.asAdmin;
import static io.nbo.support.Callers.asAgent;
import static io.nbo.support.Callers.withDevKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Erasing a customer removes their events, aggregate state, segments, consent changes and outbox entries, and says so. */
@QuarkusTest
class EventErasureTest {

    @Inject
    EventTestData data;

    @BeforeEach
    void customer() throws Exception {
        data.customer("C-GONE-1", "[\"push\", \"email\"]", "[]");
    }

    @Test
    void erasureRemovesEverythingEventsLeftAndSaysSo() throws Exception {
        for (int i = 0; i < EventIngestTest.HISTORY.size(); i++) {
            withDevKey().contentType(ContentType.JSON).body(EventIngestTest.event(i, "C-GONE-1")).post("/api/events")
                    .then().statusCode(201);
        }
        withDevKey().contentType(ContentType.JSON).body("""
                {"eventId": "gone-cart", "customerId": "C-GONE-1", "type": "cart-abandoned",
                 "occurredAt": "2026-11-23T11:59:00Z", "channel": "mobile-app", "query": "private words"}
                """).post("/api/events").then().statusCode(201).body("triggered[0].status", equalTo("pending"));
        withDevKey().contentType(ContentType.JSON).body("""
                {"eventId": "gone-consent", "customerId": "C-GONE-1", "type": "consent-changed",
                 "occurredAt": "2026-11-23T11:59:30Z", "channel": "sms", "granted": true}
                """).post("/api/events").then().statusCode(201);

        // 9 events; aggregate rows: 3 months, 5 item/category stats, 2 channel stats, 1 activity, 1 consent change,
        // 2 segments (coffee-fan, recent-buyer) = 14; 1 outbox entry.
        asAdmin().delete("/api/customers/C-GONE-1").then().statusCode(200)
                .body("profileDeleted", equalTo(true))
                .body("eventsDeleted", equalTo(9))
                .body("aggregateRowsDeleted", equalTo(14))
                .body("outboxEntriesDeleted", equalTo(1));

        for (String table : EventTestData.TABLES) {
            assertThat(data.count("select count(*) from " + table + " where customer_id = 'C-GONE-1'"))
                    .as(table).isZero();
        }
        asAgent().get("/api/customers/C-GONE-1").then().statusCode(404);
        asAgent().get("/api/customers/C-GONE-1/events").then().statusCode(404);
        withDevKey().get("/api/outbox?limit=1000").then().statusCode(200)
                .body("entries.findAll { it.customerId == 'C-GONE-1' }.size()", equalTo(0));
    }
}

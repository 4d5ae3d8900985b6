package io.nbo.event.rest;

import static io.nbo.support.Callers.asAdmin;
import static io.nbo.support.Callers.asAgent;
import static io.nbo.support.Callers.withDevKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.nbo.event.persistence.SegmentRepository.Membership;
import io.nbo.event.service.EventQueries;
import io.nbo.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shipped segment and trigger tables (decision-tables/segments.drl.csv, triggers.drl.csv) fire as written on
 * events: segments follow the profile with their priority and row; a cart abandoned on the app triggers the push
 * offer through the standard pipeline (logged as a decision, capped by the contact policy), into the outbox that a
 * delivery system polls and acknowledges.
 */
@QuarkusTest
class EventTriggersTest {

    private static final String CART = """
            {"eventId": "%s", "customerId": "C-TRIG-1", "type": "cart-abandoned", "occurredAt": "%s",
             "channel": "mobile-app", "amount": 54.90}
            """;

    private static final String CAPPED = "policy stage, rule 'Push at most once a day': push cap 1 per 1 day "
            + "reached: 1 sent, last on 2026-11-23T12:00Z; next allowed from 2026-11-24T12:00Z";

    @Inject
    EventTestData data;

    @Inject
    EventQueries queries;

    @Inject
    TestClock clock;

    @BeforeEach
    void customers() throws Exception {
        data.customer("C-TRIG-1", "[\"push\", \"email\"]", "[]");
        data.customer("C-SEG-1", "[\"email\"]", "[\"imported\"]");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aCartAbandonedOnTheAppTriggersThePushOfferThroughThePipelineIntoTheOutbox() throws Exception {
        JsonPath first = send(CART.formatted("cart-1", "2026-11-23T11:50:00Z")).statusCode(201)
                .body("triggered.trigger", contains("Trigger: cart abandoned on the app"))
                .body("triggered[0].offerId", equalTo("LOYALTY-2X"))
                .body("triggered[0].channel", equalTo("push"))
                .body("triggered[0].status", equalTo("pending"))
                .body("triggered[0].reason", nullValue())
                .extract().jsonPath();
        long id = first.getLong("triggered[0].outboxId");
        String decision = first.getString("triggered[0].decisionId");

        JsonPath page = withDevKey().get("/api/outbox?after=" + (id - 1) + "&limit=1").then().statusCode(200)
                .body("entries.id", contains((int) id))
                .body("entries[0].customerId", equalTo("C-TRIG-1"))
                .body("entries[0].offerId", equalTo("LOYALTY-2X"))
                .body("entries[0].channel", equalTo("push"))
                .body("entries[0].decisionId", equalTo(decision))
                .body("entries[0].eventId", equalTo("cart-1"))
                .body("entries[0].deliverAfter", equalTo("2026-11-23T12:00:00Z"))
                .body("entries[0].expiresAt", equalTo("2026-11-23T12:50:00Z"))
                .body("entries[0].idempotencyKey", matchesPattern("[0-9a-f]{64}"))
                .body("next", equalTo((int) id)).extract().jsonPath();
        assertThat(page.getString("entries[0].status")).isEqualTo("pending");
        asAgent().get("/api/customers/C-TRIG-1/history").then().statusCode(200)
                .body("findAll { it.decisionId == '" + decision + "' }.offerId", hasItem("LOYALTY-2X"));

        // The policy allows one push a day: the next cart is decided, logged, and suppressed with the rule.
        send(CART.formatted("cart-2", "2026-11-23T11:55:00Z")).statusCode(201)
                .body("triggered[0].status", equalTo("suppressed"))
                .body("triggered[0].channel", equalTo("push"))
                .body("triggered[0].reason", equalTo(CAPPED));
        // Too late: the trigger's hour had passed when the event arrived.
        send(CART.formatted("cart-0", "2026-11-23T10:30:00Z")).statusCode(201)
                .body("triggered[0].status", equalTo("expired"))
                .body("triggered[0].decisionId", nullValue())
                .body("triggered[0].reason", equalTo("the event arrived at 2026-11-23T12:00:00Z, after the "
                        + "trigger's expiry (2026-11-23T11:30:00Z)"));
        // The same event again fires nothing new.
        send(CART.formatted("cart-1", "2026-11-23T11:50:00Z")).statusCode(200).body("status", equalTo("duplicate"));

        withDevKey().post("/api/outbox/" + id + "/ack").then().statusCode(200)
                .body("status", equalTo("delivered")).body("deliveredBy", equalTo("poll"));
        withDevKey().post("/api/outbox/" + id + "/ack").then().statusCode(200).body("status", equalTo("delivered"));
        withDevKey().get("/api/outbox?limit=1000").then().statusCode(200)
                .body("entries.findAll { it.customerId == 'C-TRIG-1' }", org.hamcrest.Matchers.empty());
        long suppressed = id + 1;
        withDevKey().post("/api/outbox/" + suppressed + "/ack").then().statusCode(409)
                .body("detail", equalTo("outbox entry " + suppressed + " is suppressed (" + CAPPED + "); only "
                        + "pending entries are delivered"));
        assertThat(data.count("select count(*) from offer_outbox where customer_id = 'C-TRIG-1'")).isEqualTo(3);
    }

    @Test
    void segmentsFollowTheProfileWithTheirPriorityAndRow() {
        for (int i = 0; i < EventIngestTest.HISTORY.size(); i++) {
            send(EventIngestTest.event(i, "C-SEG-1")).statusCode(201);
        }
        asAgent().get("/api/customers/C-SEG-1").then()
                .body("segments", containsInAnyOrder("imported", "coffee-fan", "recent-buyer"));
        assertThat(queries.segments("C-SEG-1")).extracting(m -> m.segment() + "/" + m.priority() + "/" + m.rule())
                .containsExactly("coffee-fan/20/Segment: coffee fans", "recent-buyer/5/Segment: recent buyers");
        Instant assigned = queries.segments("C-SEG-1").get(0).assignedAt();

        // Forty days on, a page view re-evaluates: no longer a recent buyer, still a coffee fan (since the same time).
        clock.set(Instant.parse("2027-01-01T12:00:00Z"));
        send("""
                {"eventId": "seg-view", "customerId": "C-SEG-1", "type": "page-view",
                 "occurredAt": "2027-01-01T11:00:00Z", "page": "/coffee"}
                """).statusCode(201);
        asAgent().get("/api/customers/C-SEG-1").then().body("segments", containsInAnyOrder("imported", "coffee-fan"))
                .body("recencyDays", equalTo(41)).body("segments", not(hasItem("recent-buyer")));
        List<Membership> now = queries.segments("C-SEG-1");
        assertThat(now).extracting(Membership::segment).containsExactly("coffee-fan");
        assertThat(now.get(0).assignedAt()).isEqualTo(assigned);
        assertThat(queries.purchaseSummary("C-SEG-1")).satisfies(s -> {
            assertThat(s.purchasesLifetime()).isEqualTo(4);
            assertThat(s.spendLifetime()).isEqualByComparingTo("87.50");
            assertThat(s.purchases12Months()).isEqualTo(3);
            assertThat(s.topCategories()).extracting(r -> r.name() + "/" + r.quantity() + "/" + r.amount())
                    .containsExactly("coffee/6/35.00", "homeware/1/12.50");
        });
    }

    private static io.restassured.response.ValidatableResponse send(String body) {
        return withDevKey().contentType(ContentType.JSON).body(body).post("/api/events").then();
    }
}

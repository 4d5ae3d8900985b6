package io.nbo.event.rest;

import static io.nbo.support.Callers.asAdmin;
import static io.nbo.support.Callers.asAgent;
import static io.nbo.support.Callers.asMarketer;
import static io.nbo.support.Callers.withDevKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Events through the API onto the profile: exact aggregates for a hand-built history, whatever the order and however
 * often events arrive; the cached profile is fresh as soon as the event is acknowledged; consents follow the newest
 * change; bad events are refused with the field named and nothing stored. The server clock is pinned at
 * 2026-11-23 12:00 UTC (TestClock).
 */
@QuarkusTest
class EventIngestTest {

    /** A hand-built history: worked out in docs/customer-data.md ("A worked example"). */
    static final List<String> HISTORY = List.of(
            """
            {"eventId": "%s-1", "customerId": "%s", "type": "purchase", "occurredAt": "2025-10-25T09:00:00Z",
             "channel": "in-store", "storeId": "S012",
             "items": [{"item": "beans", "category": "coffee", "quantity": 1, "price": 20.00}]}
            """,
            """
            {"eventId": "%s-2", "customerId": "%s", "type": "purchase", "occurredAt": "2026-06-15T12:00:00+02:00",
             "channel": "web", "items": [{"item": "flat-white", "category": "coffee", "quantity": 3, "price": 3.00},
                                         {"item": "mug", "category": "homeware", "price": 12.50}]}
            """,
            """
            {"eventId": "%s-3", "customerId": "%s", "type": "purchase", "occurredAt": "2026-11-20T08:00:00Z",
             "channel": "mobile-app", "items": [{"item": "flat-white", "category": "coffee", "quantity": 2,
                                                 "price": 3.00}]}
            """,
            """
            {"eventId": "%s-4", "customerId": "%s", "type": "purchase", "occurredAt": "2026-11-21T17:30:00Z",
             "channel": "in-store", "amount": 40.00}
            """,
            """
            {"eventId": "%s-5", "customerId": "%s", "type": "clicked", "occurredAt": "2026-11-02T10:00:00Z",
             "channel": "email"}
            """,
            """
            {"eventId": "%s-6", "customerId": "%s", "type": "opened", "occurredAt": "2026-11-03T10:00:00Z",
             "channel": "push"}
            """,
            """
            {"eventId": "%s-7", "customerId": "%s", "type": "clicked", "occurredAt": "2026-11-04T10:00:00Z",
             "channel": "email"}
            """);

    @Inject
    DataSource dataSource;

    @Inject
    io.nbo.event.service.AggregateRefresh refresh;

    @Inject
    io.nbo.support.TestClock clock;

    @org.junit.jupiter.api.AfterEach
    void resetClock() {
        clock.reset();
    }

    @BeforeEach
    void customers() throws Exception {
        for (String id : List.of("C-EV-1", "C-EV-2", "C-EV-3")) {
            customer(id);
        }
    }

    @Test
    void aHandBuiltHistoryGivesExactAggregatesAndTheCachedProfileFollowsEachEvent() {
        asAgent().get("/api/customers/C-EV-1").then().statusCode(200).body("frequency", equalTo(0)); // cached now

        for (int i = 0; i < HISTORY.size(); i++) {
            withDevKey().contentType(ContentType.JSON).body(event(i, "C-EV-1")).post("/api/events")
                    .then().statusCode(201).body("eventId", equalTo("C-EV-1-" + (i + 1)))
                    .body("status", equalTo("accepted"));
            if (i == 0) {
                asAgent().get("/api/customers/C-EV-1").then().body("recencyDays", equalTo(394))
                        .body("frequency", equalTo(0)).body("lifecycleStage", equalTo("lapsed"));
            }
        }

        expectHandBuiltAggregates("C-EV-1");
        asAgent().get("/api/customers/C-EV-1/events?limit=2").then().statusCode(200)
                .body("eventId", contains("C-EV-1-4", "C-EV-1-3"))
                .body("[0].event.amount", equalTo(40.0f))
                .body("[1].event.items[0].item", equalTo("flat-white"))
                .body("[1].receivedAt", equalTo("2026-11-23T12:00:00Z"));

        JsonPath view = asAgent().get("/api/customers/C-EV-1/view").then().statusCode(200).extract().jsonPath();
        assertThat(view.getList("recentEvents.eventId")).containsExactly("C-EV-1-4", "C-EV-1-3", "C-EV-1-7",
                "C-EV-1-6", "C-EV-1-5", "C-EV-1-2", "C-EV-1-1");
        assertThat(view.getInt("purchases.purchases12Months")).isEqualTo(3);
        assertThat(view.getLong("purchases.purchasesLifetime")).isEqualTo(4);
        assertThat(view.getDouble("purchases.spend12Months")).isEqualTo(67.5);
        assertThat(view.getString("purchases.lastPurchase")).isEqualTo("2026-11-21T17:30:00Z");
        assertThat(view.getList("purchases.topItems.name")).containsExactly("flat-white", "beans", "mug");
    }

    @Test
    void theNightlyRefreshMovesAQuietCustomersAggregatesWithTime() {
        for (int i = 0; i < HISTORY.size(); i++) {
            withDevKey().contentType(ContentType.JSON).body(event(i, "C-EV-3")).post("/api/events")
                    .then().statusCode(201);
        }
        asAgent().get("/api/customers/C-EV-3").then().body("lifecycleStage", equalTo("active")); // cached now

        clock.set(java.time.Instant.parse("2027-03-01T03:00:00Z"));
        assertThat(refresh.refreshAll()).isGreaterThanOrEqualTo(1);

        // 100 days after 2026-11-21; the window is now April 2026 to March 2027: June and November count.
        // churn 1 - e^(-(3/365) x 100) = 0.5604; predicted 67.50 x 0.4396 = 29.67
        asAgent().get("/api/customers/C-EV-3").then().body("recencyDays", equalTo(100))
                .body("lifecycleStage", equalTo("lapsing")).body("frequency", equalTo(3))
                .body("churnRisk", equalTo(0.5604f)).body("predictedValue", equalTo(29.67f));
    }

    @Test
    void duplicatesAndAnyArrivalOrderGiveTheSameAggregates() throws Exception {
        // Newest first, in a batch with a duplicate inside it, then everything again one by one.
        String batch = "{\"events\": [" + String.join(",", event(6, "C-EV-2"), event(3, "C-EV-2"), event(2, "C-EV-2"),
                event(3, "C-EV-2"), event(0, "C-EV-2"), event(5, "C-EV-2"), event(1, "C-EV-2"), event(4, "C-EV-2"))
                + "]}";
        asAgent().contentType(ContentType.JSON).body(batch).post("/api/events/batch").then().statusCode(200)
                .body("accepted", equalTo(7)).body("duplicates", equalTo(1))
                .body("results.status", contains("accepted", "accepted", "accepted", "duplicate", "accepted",
                        "accepted", "accepted", "accepted"));
        for (int i = HISTORY.size() - 1; i >= 0; i--) {
            withDevKey().contentType(ContentType.JSON).body(event(i, "C-EV-2")).post("/api/events")
                    .then().statusCode(200).body("status", equalTo("duplicate"));
        }

        expectHandBuiltAggregates("C-EV-2");
        assertThat(count("select count(*) from customer_event where customer_id = 'C-EV-2'")).isEqualTo(7);
        assertThat(count("select sum(purchases) from customer_purchase_month where customer_id = 'C-EV-2'"))
                .isEqualTo(4);
    }

    @Test
    void consentFollowsTheNewestChangeWhateverArrivesLast() {
        post(consent("c1", "sms", true, "2026-11-20T10:00:00Z")).statusCode(201);
        asAgent().get("/api/customers/C-EV-3").then().body("consents", containsInAnyOrder("email", "sms"));
        post(consent("c0", "sms", false, "2026-11-19T10:00:00Z")).statusCode(201);   // older: loses
        asAgent().get("/api/customers/C-EV-3").then().body("consents", containsInAnyOrder("email", "sms"));
        post("""
                {"eventId": "u1", "customerId": "C-EV-3", "type": "unsubscribed", "occurredAt": "2026-11-21T10:00:00Z",
                 "channel": "email"}
                """).statusCode(201);
        asAgent().get("/api/customers/C-EV-3").then().body("consents", contains("sms"));
        post(consent("c2", "email", true, "2026-11-20T23:00:00Z")).statusCode(201);  // older than the unsubscribe
        asAgent().get("/api/customers/C-EV-3").then().body("consents", contains("sms"));
    }

    @Test
    void badEventsAreRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        post("""
                {"eventId": "b1", "customerId": "C-EV-3", "type": "purchased", "occurredAt": "2026-11-20T10:00:00Z"}
                """).statusCode(400).body("field", equalTo("type")).body("detail", equalTo("unknown event type "
                + "'purchased'; use one of purchase, page-view, product-view, cart-abandoned, search, "
                + "service-contact, opened, clicked, unsubscribed, consent-changed"));
        post("""
                {"eventId": "b2", "customerId": "C-EV-3", "type": "page-view", "occurredAt": "2026-11-20T10:00:00Z",
                 "pageUrl": "/shoes"}
                """).statusCode(400).body("field", equalTo("pageUrl")).body("detail", equalTo("unknown field "
                + "pageUrl; an event takes eventId, customerId, type, occurredAt, channel, amount, items, granted, "
                + "page, query, reason, storeId, orderId, decisionId, offerId, item, category and attributes"));
        post("""
                {"eventId": "b3", "customerId": "C-EV-3", "type": "page-view", "occurredAt": "2026-11-23T12:06:00Z"}
                """).statusCode(400).body("field", equalTo("occurredAt")).body("detail", equalTo("occurredAt "
                + "2026-11-23T12:06:00Z is in the future (server time 2026-11-23T12:00:00Z); send the time the event "
                + "happened, in UTC or with an offset"));
        post("""
                {"eventId": "b4", "customerId": "C-EV-3", "type": "page-view", "occurredAt": "2025-10-18T11:59:59Z"}
                """).statusCode(400).body("field", equalTo("occurredAt")).body("detail", equalTo("occurredAt "
                + "2025-10-18T11:59:59Z is older than the 400-day event retention (oldest accepted: "
                + "2025-10-19T12:00:00Z)"));
        post("""
                {"eventId": "b5", "customerId": "C-NOBODY", "type": "page-view", "occurredAt": "2026-11-20T10:00:00Z"}
                """).statusCode(422).body("detail", equalTo("no customer with id 'C-NOBODY'; create the profile "
                + "first (POST /api/customers); nothing was stored"));
        asAgent().contentType(ContentType.JSON).body("""
                {"events": [
                  {"eventId": "b6", "customerId": "C-EV-3", "type": "page-view", "occurredAt": "2026-11-20T10:00:00Z"},
                  {"eventId": "b7", "customerId": "C-EV-3", "type": "purchase", "occurredAt": "2026-11-20T10:00:00Z",
                   "channel": "in-store", "amount": 12.345}]}
                """).post("/api/events/batch").then().statusCode(400).body("field", equalTo("events[1].amount"))
                .body("detail", equalTo("amount must be 0 to 9999999999 with at most 2 decimals, got 12.345"));

        assertThat(count("select count(*) from customer_event where customer_id in ('C-EV-3', 'C-NOBODY')")).isZero();
    }

    @Test
    void marketersReadEventsButCannotSendThem() {
        asMarketer().contentType(ContentType.JSON).body(consent("m1", "sms", true, "2026-11-20T10:00:00Z"))
                .post("/api/events").then().statusCode(403);
        asMarketer().get("/api/customers/C-EV-3/events").then().statusCode(200).body("$", empty());
        asMarketer().get("/api/customers/C-NOBODY/events").then().statusCode(404);
    }

    private void expectHandBuiltAggregates(String id) {
        JsonPath profile = asAgent().get("/api/customers/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(Map.of(
                "recencyDays", profile.getInt("recencyDays"),
                "frequency", profile.getInt("frequency"),
                "monetary", profile.getString("monetary"),
                "topCategories", profile.getList("topCategories"),
                "topItems", profile.getList("topItems"),
                "preferredChannels", profile.getList("preferredChannels"),
                "lifecycleStage", profile.getString("lifecycleStage"),
                "churnRisk", profile.getDouble("churnRisk"),
                "predictedValue", profile.getString("predictedValue"))).isEqualTo(Map.of(
                "recencyDays", 2,
                "frequency", 3,
                "monetary", "67.5",
                "topCategories", List.of("coffee", "homeware"),
                "topItems", List.of("flat-white", "beans", "mug"),
                "preferredChannels", List.of("email", "push"),
                "lifecycleStage", "active",
                "churnRisk", 0.0163,
                "predictedValue", "66.4"));
    }

    static String event(int i, String customer) {
        return HISTORY.get(i).formatted(customer, customer);
    }

    private static String consent(String id, String channel, boolean granted, String at) {
        return """
                {"eventId": "%s", "customerId": "C-EV-3", "type": "consent-changed", "occurredAt": "%s",
                 "channel": "%s", "granted": %s}
                """.formatted(id, at, channel, granted);
    }

    private static io.restassured.response.ValidatableResponse post(String body) {
        return asAgent().contentType(ContentType.JSON).body(body).post("/api/events").then();
    }

    private void customer(String id) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            for (String table : List.of("customer_event", "customer_purchase_month", "customer_item_stat",
                    "customer_channel_stat", "customer_activity", "customer_consent_change", "customer_segment",
                    "offer_outbox", "customer")) {
                try (PreparedStatement s = c.prepareStatement("delete from " + table + " where "
                        + (table.equals("customer") ? "id" : "customer_id") + " = ?")) {
                    s.setString(1, id);
                    s.executeUpdate();
                }
            }
        }
        asAdmin().contentType(ContentType.JSON).body("""
                {"id": "%s", "timeZone": "Europe/London", "consents": ["email"], "lifecycleStage": "prospect",
                 "engagement": "unknown"}
                """.formatted(id)).post("/api/customers").then().statusCode(201);
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

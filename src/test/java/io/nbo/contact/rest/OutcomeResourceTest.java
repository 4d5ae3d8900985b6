package io.nbo.contact.rest;

import static io.nbo.support.Callers.asAdmin;
import static io.nbo.support.Callers.asAgent;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.nbo.contact.service.PolicyService;
import io.nbo.fixtures.ContactHistoryFixture;
import io.nbo.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Outcomes through the API, on PostgreSQL, and how they change the next decision under the shipped policy. */
@QuarkusTest
class OutcomeResourceTest {

    private static final String COMMUTER = """
            {"id": "C-OUT-COFFEE", "age": 31, "timeZone": "Europe/London", "consents": ["push", "email"],
             "tags": ["app-user"], "lifecycleStage": "active", "engagement": "medium", "frequency": 14,
             "topCategories": ["coffee"], "topItems": ["coffee"], "preferredChannels": ["mobile-app"]}
            """;
    private static final String AT_RISK = """
            {"id": "C-OUT-RISK", "timeZone": "Europe/London", "consents": ["sms", "email"], "lifecycleStage": "active",
             "engagement": "unknown", "churnRisk": 0.8, "preferredChannels": ["sms"]}
            """;
    private static final String BREAKFAST_ON_THE_APP = """
            {"customerId": "C-OUT-COFFEE", "touchpoint": "mobile-app", "context": {"localTime": "08:10"}, "explain": true}
            """;
    private static final String RISK_ON_THE_WEB = """
            {"customerId": "C-OUT-RISK", "touchpoint": "web", "explain": true}
            """;

    @Inject
    TestClock clock;

    @Inject
    ContactHistoryFixture history;

    @Inject
    PolicyService policy;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void cleanSlate() {
        clock.reset();
        policy.reload("test");
        for (String body : new String[] {COMMUTER, AT_RISK}) {
            String id = body.substring(body.indexOf("\"id\": \"") + 7, body.indexOf("\", "));
            if (asAdmin().contentType(ContentType.JSON).body(body).put("/api/customers/" + id).statusCode() == 404) {
                asAdmin().contentType(ContentType.JSON).body(body).post("/api/customers").then().statusCode(201);
            }
        }
        history.forget("C-OUT-COFFEE", "C-OUT-RISK");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anOutcomeIsRecordedOnceAndARepeatReturnsIt() {
        String id = decide(BREAKFAST_ON_THE_APP).extract().path("decisionId");
        String accepted = """
                {"offerId": "COFFEE-AM", "outcome": "accepted"}
                """;

        outcome(id, accepted).statusCode(201)
                .body("created", equalTo(true))
                .body("customerId", equalTo("C-OUT-COFFEE"))
                .body("channel", equalTo("mobile-app"))
                .body("outcome", equalTo("accepted"))
                .body("at", equalTo("2026-11-23T12:00:00Z"));
        outcome(id, accepted).statusCode(200).body("created", equalTo(false));
    }

    @Test
    void anOutcomeFromTheFutureIsRefused() {
        String id = decide(BREAKFAST_ON_THE_APP).extract().path("decisionId");

        outcome(id, """
                {"offerId": "BAKERY-BUNDLE", "outcome": "purchased", "value": 4.50, "at": "2026-11-23T12:10:00Z"}
                """).statusCode(400).body("field", equalTo("at"))
                .body("detail", equalTo("at 2026-11-23T12:10:00Z is in the future (server time "
                        + "2026-11-23T12:00:00Z)"));
    }

    @Test
    void purchasesNeedAValueAndAreRecordedWithIt() {
        String id = decide(BREAKFAST_ON_THE_APP).extract().path("decisionId");

        outcome(id, """
                {"offerId": "BAKERY-BUNDLE", "outcome": "purchased"}
                """).statusCode(400).body("field", equalTo("value"))
                .body("detail", equalTo("a purchase needs its value, a number of 0 or more with at most 2 decimals"));
        outcome(id, """
                {"offerId": "BAKERY-BUNDLE", "outcome": "purchased", "value": 4.50}
                """).statusCode(201).body("value", equalTo(4.5f));
        outcome(id, """
                {"offerId": "BAKERY-BUNDLE", "outcome": "purchased", "value": 9.00}
                """).statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("outcome purchased of offer BAKERY-BUNDLE in decision " + id
                        + " is already recorded with value 4.50; an outcome is recorded once"));
    }

    @Test
    void anUnknownDecisionIsNotFound() {
        outcome("no-such-decision", """
                {"offerId": "COFFEE-AM", "outcome": "clicked"}
                """).statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("No decision with id 'no-such-decision'; quote the decisionId a decision "
                        + "answer returned"));
    }

    @Test
    void anOutcomeForAnOfferTheDecisionDidNotMakeIsRefusedSayingSo() {
        String id = decide(BREAKFAST_ON_THE_APP).extract().path("decisionId");

        outcome(id, """
                {"offerId": "ELEC-10", "outcome": "clicked"}
                """).statusCode(422).contentType("application/problem+json")
                .body("detail", equalTo("decision " + id + " did not make offer 'ELEC-10'; it made COFFEE-AM, "
                        + "BUNDLE-WEEKEND, BAKERY-BUNDLE"));
        outcome(id, """
                {"offerId": "COFFEE-AM", "outcome": "liked"}
                """).statusCode(400).body("field", equalTo("outcome"))
                .body("detail", equalTo("outcome must be one of sent, delivered, opened, clicked, accepted, rejected, "
                        + "purchased, got 'liked'"));
    }

    @Test
    void threeRejectionsRestTheOfferForFourteenDaysThenItComesBack() {
        for (int i = 0; i < 3; i++) {
            String id = decide(BREAKFAST_ON_THE_APP).body("offers[0].offerId", equalTo("COFFEE-AM"))
                    .extract().path("decisionId");
            outcome(id, """
                    {"offerId": "COFFEE-AM", "outcome": "rejected"}
                    """).statusCode(201);
        }

        decide(BREAKFAST_ON_THE_APP)
                .body("offers.offerId", not(hasItem("COFFEE-AM")))
                .body("offers.offerId", hasItem("COFFEE-BEANS-BOGO"))
                .body("notChosen.find { it.offerId == 'COFFEE-AM' }.stage", equalTo("policy"))
                .body("notChosen.find { it.offerId == 'COFFEE-AM' }.rule",
                        equalTo("Three rejections rest the offer 14 days"))
                .body("notChosen.find { it.offerId == 'COFFEE-AM' }.reason", equalTo("offer COFFEE-AM rests 14 days "
                        + "after 3 rejected within 30 days, the last on 2026-11-23T12:00Z: resting until "
                        + "2026-12-07T12:00Z"));
        clock.set(Instant.parse("2026-12-07T11:59:59Z"));
        decide(BREAKFAST_ON_THE_APP).body("offers.offerId", not(hasItem("COFFEE-AM")));
        clock.set(Instant.parse("2026-12-07T12:00:00Z"));
        decide(BREAKFAST_ON_THE_APP).body("offers[0].offerId", equalTo("COFFEE-AM"));
    }

    @Test
    void anAgentSeesTheHistoryAndAnAcceptedOfferRestsThirtyDays() {
        String id = decide(BREAKFAST_ON_THE_APP).extract().path("decisionId");
        clock.set(Instant.parse("2026-11-23T12:30:00Z"));
        outcome(id, """
                {"offerId": "COFFEE-AM", "outcome": "accepted"}
                """).statusCode(201);

        asAgent().get("/api/customers/C-OUT-COFFEE/history").then().statusCode(200)
                .body("event", contains("accepted", "offered", "offered", "offered"))
                .body("offerId", contains("COFFEE-AM", "BAKERY-BUNDLE", "BUNDLE-WEEKEND", "COFFEE-AM"))
                .body("[0].offerName", equalTo("Morning coffee coupon"))
                .body("[0].at", equalTo("2026-11-23T12:30:00Z"))
                .body("[0].decisionId", equalTo(id));
        decide(BREAKFAST_ON_THE_APP)
                .body("notChosen.find { it.offerId == 'COFFEE-AM' }.reason", equalTo("offer COFFEE-AM rests 30 days "
                        + "after accepted on 2026-11-23T12:30Z: resting until 2026-12-23T12:30Z"));
    }

    @Test
    void aCappedSmsFallsBackToEmailAndThenTheOfferRests() {
        String retention = "offers.find { it.offerId == 'RET-15' }";
        decide(RISK_ON_THE_WEB).body(retention + ".channel", equalTo("sms"));
        decide(RISK_ON_THE_WEB).body(retention + ".channel", equalTo("sms"));
        decide(RISK_ON_THE_WEB).body(retention + ".channel", equalTo("email"))
                .body(retention + ".channelReason", equalTo("the offer's first channel the customer can be reached "
                        + "on; not sms: SMS cap 2 per 7 days reached: 2 sent, last on 2026-11-23T12:00Z; next allowed "
                        + "from 2026-11-30T12:00Z"));
        decide(RISK_ON_THE_WEB)
                .body("offers.offerId", not(hasItem("RET-15")))
                // Both channels are capped; SMS, where this customer responds best, names the rule.
                .body("notChosen.find { it.offerId == 'RET-15' }.rule", equalTo("SMS at most twice a week"))
                .body("notChosen.find { it.offerId == 'RET-15' }.reason", equalTo("SMS cap 2 per 7 days reached: 2 "
                        + "sent, last on 2026-11-23T12:00Z; next allowed from 2026-11-30T12:00Z; not email: email cap "
                        + "1 per 7 days reached: 1 sent, last on 2026-11-23T12:00Z; next allowed from "
                        + "2026-11-30T12:00Z"));
    }

    @Test
    void everyDecisionIsWrittenToTheLogWithItsOffersChannelsAndRanks() throws Exception {
        String id = decide(BREAKFAST_ON_THE_APP).extract().path("decisionId");

        await().atMost(Duration.ofSeconds(10)).until(() -> !offersLogged(id).isEmpty());
        assertThat(offersLogged(id)).containsExactly("1 COFFEE-AM mobile-app coffee",
                "2 BUNDLE-WEEKEND email engagement", "3 BAKERY-BUNDLE mobile-app null");
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select customer_id, touchpoint, decided_at, rule_set_version from decision_log where id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("C-OUT-COFFEE");
                assertThat(rs.getString(2)).isEqualTo("mobile-app");
                assertThat(rs.getObject(3, OffsetDateTime.class).toInstant())
                        .isEqualTo(TestClock.MONDAY_NOON);
                assertThat(rs.getString(4)).isNotBlank();
            }
        }
    }

    private List<String> offersLogged(String id) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select offer_rank, offer_id, channel, offer_group from decision_offer where decision_id = ? "
                        + "order by offer_rank")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getInt(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
                }
            }
        }
        return rows;
    }

    private static ValidatableResponse decide(String body) {
        return asAgent().contentType(ContentType.JSON).body(body).post("/api/decisions").then().statusCode(200);
    }

    private static ValidatableResponse outcome(String decisionId, String body) {
        return asAgent().contentType(ContentType.JSON).body(body)
                .post("/api/decisions/" + decisionId + "/outcomes").then();
    }
}

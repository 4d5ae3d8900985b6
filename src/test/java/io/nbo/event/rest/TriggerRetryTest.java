package io.nbo.event.rest;

import static io.nbo.support.Callers.asAgent;
import static io.nbo.support.Callers.withDevKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.nbo.outbox.OutboxEntry;
import io.nbo.outbox.persistence.OutboxRepository;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A triggered decision is made once even when the event's transaction fails after it and the client sends the event
 * again: the failure is injected at the outbox insert, after the firing was decided (and logged, and counted against
 * the once-a-day push cap). Deciding again would be suppressed by that cap; the retry reuses the decision instead.
 */
@QuarkusTest
class TriggerRetryTest {

    private static final String CART = """
            {"eventId": "retry-cart-%s", "customerId": "%s", "type": "cart-abandoned",
             "occurredAt": "2026-11-23T11:50:00Z", "channel": "mobile-app"}
            """;

    /** A customer of this run only: the contact history (and its push cap) outlives the test's clean-up. */
    private final String run = Long.toString(System.nanoTime(), 36);
    private final String customer = "C-TRIG-R-" + run;

    @Inject
    EventTestData data;

    @Inject
    DataSource dataSource;

    @Test
    void theEventSentAgainAfterAFailedTransactionReusesTheTriggeredDecision() throws Exception {
        data.customer(customer, "[\"push\"]", "[]");
        AtomicBoolean failNext = new AtomicBoolean(true);
        QuarkusMock.installMockForType(new OutboxRepository(dataSource) {
            @Override
            public long insert(OutboxEntry e) {
                if (failNext.getAndSet(false)) {
                    throw new IllegalStateException("injected: the outbox insert fails once");
                }
                return super.insert(e);
            }
        }, OutboxRepository.class);

        String cart = CART.formatted(run, customer);
        withDevKey().contentType(ContentType.JSON).body(cart).post("/api/events").then().statusCode(500);
        assertThat(data.count("select count(*) from customer_event where event_id = 'retry-cart-" + run + "'"))
                .isZero();
        List<String> offered = offeredDecisions();
        assertThat(offered).hasSize(1);

        JsonPath retry = withDevKey().contentType(ContentType.JSON).body(cart).post("/api/events").then()
                .statusCode(201)
                .body("triggered[0].status", equalTo("pending"))
                .body("triggered[0].channel", equalTo("push"))
                .extract().jsonPath();
        assertThat(retry.getString("triggered[0].decisionId")).isEqualTo(offered.get(0));
        assertThat(offeredDecisions()).containsExactly(offered.get(0));
        assertThat(data.count("select count(*) from offer_outbox where customer_id = '" + customer + "'")).isEqualTo(1);
    }

    /** The decisions in the customer's contact history that offered LOYALTY-2X. */
    private List<String> offeredDecisions() {
        return asAgent().get("/api/customers/" + customer + "/history").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.offerId == 'LOYALTY-2X' && it.event == 'offered' }.decisionId", String.class);
    }
}

package io.nbo.decision.rest;

import static io.nbo.support.Callers.asAdmin;
import static io.nbo.support.Callers.asAgent;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.nbo.contact.LoggedDecision;
import io.nbo.contact.persistence.DecisionLogRepository;
import io.nbo.contact.service.DecisionLog;
import io.nbo.contact.service.PolicyService;
import io.nbo.decision.core.policy.ContactHistory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.infinispan.Cache;
import org.infinispan.manager.EmbeddedCacheManager;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryVisited;
import org.infinispan.notifications.cachelistener.event.CacheEntryVisitedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One policy version per decision, logged: a new policy version is activated in the middle of a decision (a hook on
 * the contact-history read, which comes after the decision resolved its policy), through the real upload path that
 * records the version in the database. The decision applies the version it started with in every stage, answers with
 * it and logs it; the next decision applies the new one.
 */
@QuarkusTest
class PolicySwapDuringDecisionTest {

    private static final String CUSTOMER = "C-SWAP";
    /** Blocks every channel of every offer: had any stage applied it, no offer would be made. */
    private static final byte[] NOTHING = """
            Rule,Type,Channel,Offer,Group,Limit,Window,Outcome,Rest,From,Until,Cost
            Nothing at all,cap,,,,0,7d,,,,,
            """.getBytes(StandardCharsets.UTF_8);
    private static final String DECISION = """
            {"customerId": "C-SWAP", "touchpoint": "web"}
            """;

    @Inject
    EmbeddedCacheManager caches;

    @Inject
    PolicyService policy;

    @Inject
    DecisionLog log;

    @Inject
    DecisionLogRepository decisions;

    private final SwapOnHistoryRead hook = new SwapOnHistoryRead();

    @AfterEach
    void restore() {
        histories().removeListener(hook);
        policy.reload("test");
    }

    @Test
    void aPolicySwappedDuringADecisionIsNeitherAppliedNorLoggedByIt() throws Exception {
        String body = """
                {"id": "C-SWAP", "timeZone": "UTC", "consents": [], "lifecycleStage": "active",
                 "engagement": "unknown"}
                """;
        if (asAdmin().contentType(ContentType.JSON).body(body).put("/api/customers/" + CUSTOMER).statusCode() == 404) {
            asAdmin().contentType(ContentType.JSON).body(body).post("/api/customers").then().statusCode(201);
        }
        String before = policy.current().version();
        JsonPath warm = decide();
        assertThat(warm.getList("offers.offerId", String.class)).isNotEmpty();
        histories().addListener(hook);
        hook.armed.set(true);

        JsonPath during = decide();

        String swapped = policy.current().version();
        assertThat(hook.swappedTo).isEqualTo(swapped).isNotEqualTo(before);
        assertThat(during.getString("policyVersion")).isEqualTo(before);
        assertThat(during.getBoolean("fallback")).isFalse();
        assertThat(during.getList("offers.offerId", String.class))
                .isEqualTo(warm.getList("offers.offerId", String.class));
        assertThat(log.awaitWritten(during.getString("decisionId"), Duration.ofSeconds(10))).isTrue();
        LoggedDecision logged = decisions.find(during.getString("decisionId")).orElseThrow();
        assertThat(logged.policyVersion()).isEqualTo(before);
        assertThat(logged.offers()).extracting(LoggedDecision.Made::offerId)
                .isEqualTo(during.getList("offers.offerId", String.class));

        JsonPath next = decide();
        assertThat(next.getString("policyVersion")).isEqualTo(swapped);
        assertThat(next.getBoolean("fallback")).isTrue();
        assertThat(next.getList("notChosen.rule", String.class)).containsOnly("Nothing at all");
    }

    private Cache<String, ContactHistory> histories() {
        return caches.getCache("contact-history");
    }

    private static JsonPath decide() {
        return asAgent().contentType(ContentType.JSON).body(DECISION).post("/api/decisions").then().statusCode(200)
                .extract().jsonPath();
    }

    /** On the decision's read of the customer's contact history, once: a marketer's upload of a new policy. */
    @Listener(sync = true)
    public final class SwapOnHistoryRead {

        final AtomicBoolean armed = new AtomicBoolean();
        volatile String swappedTo;

        @CacheEntryVisited
        public void visited(CacheEntryVisitedEvent<String, ContactHistory> event) {
            if (event.isPre() && CUSTOMER.equals(event.getKey()) && armed.compareAndSet(true, false)) {
                swappedTo = policy.upload(NOTHING, "hook").version();
            }
        }
    }
}

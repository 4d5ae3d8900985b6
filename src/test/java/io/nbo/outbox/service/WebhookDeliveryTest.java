package io.nbo.outbox.service;

import static io.nbo.support.Callers.withDevKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.nbo.event.rest.EventTestData;
import io.nbo.outbox.OutboxEntry;
import io.nbo.outbox.persistence.OutboxRepository;
import io.nbo.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook delivers each trigger firing once to a receiver that drops repeated idempotency keys, through
 * failures, a timeout after the receiver took it, and a restart (a new delivery over the same database); permanent
 * refusals are given up at once. A real HTTP receiver, the real outbox table; the clock is moved, never slept on.
 */
@QuarkusTest
class WebhookDeliveryTest {

    /** How the receiver answers the next call: a status, or take the entry and answer too late. */
    private final AtomicInteger answer = new AtomicInteger(200);
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> accepted = Collections.synchronizedSet(new LinkedHashSet<>());
    private HttpServer receiver;

    @Inject
    OutboxRepository outbox;

    @Inject
    EventTestData data;

    @Inject
    TestClock clock;

    @BeforeEach
    void start() throws Exception {
        data.customer("C-HOOK-1", "[\"push\"]", "[]");
        data.customer("C-HOOK-2", "[\"push\"]", "[]");
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            exchange.getRequestBody().readAllBytes();
            calls.add(key);
            int status = answer.get();
            if (status == 200 || status == 0) {
                accepted.add(key); // a receiver keeps each key once
            }
            if (status == 0) {
                try {
                    Thread.sleep(1500); // took it, answers after the sender's timeout
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                status = 200;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        clock.reset();
    }

    @Test
    void eachFiringReachesTheReceiverOnceThroughFailuresATimeoutAndARestart() {
        OutboxEntry entry = firing("hook-cart-1", "C-HOOK-1");
        String key = entry.idempotencyKey();

        answer.set(503);
        assertThat(delivery().deliverDue()).isZero();
        assertThat(outbox.byId(entry.id()).orElseThrow()).satisfies(e -> {
            assertThat(e.status()).isEqualTo("pending");
            assertThat(e.attempts()).isEqualTo(1);
        });
        answer.set(200);
        delivery().deliverDue();                      // not due yet: the first retry waits 5 s
        assertThat(calls.stream().filter(key::equals)).hasSize(1);

        clock.set(clock.instant().plusSeconds(6));
        answer.set(0);                                // the receiver takes it but answers too late
        delivery().deliverDue();
        assertThat(outbox.byId(entry.id()).orElseThrow().attempts()).isEqualTo(2);

        clock.set(clock.instant().plusSeconds(11));   // the second retry waits 10 s; a restarted server sends it
        answer.set(200);
        WebhookDelivery restarted = delivery();
        restarted.deliverDue();
        assertThat(outbox.byId(entry.id()).orElseThrow()).satisfies(e -> {
            assertThat(e.status()).isEqualTo("delivered");
            assertThat(e.deliveredBy()).isEqualTo("webhook");
        });
        clock.set(clock.instant().plusSeconds(60));
        delivery().deliverDue();

        assertThat(calls.stream().filter(key::equals)).hasSize(3);
        assertThat(accepted.stream().filter(key::equals)).hasSize(1);
    }

    @Test
    void aPermanentRefusalIsGivenUpAtOnce() {
        OutboxEntry entry = firing("hook-cart-2", "C-HOOK-2");
        answer.set(410);

        delivery().deliverDue();

        assertThat(outbox.byId(entry.id()).orElseThrow()).satisfies(e -> {
            assertThat(e.status()).isEqualTo("failed");
            assertThat(e.attempts()).isEqualTo(1);
        });
    }

    @Test
    void retriesWaitTwiceAsLongEachTimeUpToTheMaximum() {
        WebhookDelivery d = delivery();
        assertThat(List.of(1, 2, 3, 4, 5, 10).stream().map(d::backoff).toList()).containsExactly(
                Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40),
                Duration.ofSeconds(60), Duration.ofSeconds(60));
    }

    private WebhookDelivery delivery() {
        return new WebhookDelivery(outbox, new WebhookDelivery.Settings(
                URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"), Duration.ofSeconds(1),
                Duration.ofSeconds(5), Duration.ofSeconds(60), 5), clock);
    }

    /** A cart abandoned on the app: the shipped trigger table puts one pending entry in the outbox. */
    private OutboxEntry firing(String eventId, String customer) {
        long id = withDevKey().contentType(ContentType.JSON).body("""
                {"eventId": "%s", "customerId": "%s", "type": "cart-abandoned",
                 "occurredAt": "2026-11-23T11:58:00Z", "channel": "mobile-app"}
                """.formatted(eventId, customer)).post("/api/events").then().statusCode(201).extract().jsonPath()
                .getLong("triggered[0].outboxId");
        OutboxEntry entry = outbox.byId(id).orElseThrow();
        assertThat(entry.status()).isEqualTo("pending");
        return entry;
    }
}

package io.nbo.contact.service;

import static io.nbo.support.Callers.asAdmin;
import static io.nbo.support.Callers.asAgent;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.nbo.contact.policy.PolicyTableReader;
import io.nbo.decision.core.policy.PolicyRule;
import io.nbo.fixtures.ContactHistoryFixture;
import io.nbo.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Volume limits are exact under concurrency: N racing threads never hand out more than K, on PostgreSQL. */
@QuarkusTest
class VolumeLimitConcurrencyTest {

    private static final int THREADS = 16;

    @Inject
    JdbcVolumeLedger ledger;

    @Inject
    PolicyService policy;

    @Inject
    TestClock clock;

    @Inject
    ContactHistoryFixture history;

    private String shipped;

    @BeforeEach
    void shippedPolicy() throws Exception {
        clock.reset();
        shipped = Files.readString(Path.of("decision-tables/policy/contact-policy.csv"));
    }

    @AfterEach
    void restorePolicy() {
        policy.reload("test");
    }

    @Test
    void sixteenThreadsClaimingTwoHundredTimesGetExactlyTheStockOfTwentyFive() throws Exception {
        String name = "Race " + UUID.randomUUID();
        PolicyRule stock = new PolicyTableReader().read("race.csv", """
                Rule,Type,Channel,Offer,Group,Limit,Window,Outcome,Rest,From,Until,Cost
                %s,volume,,RACE-OFFER,,25,,,,,,
                """.formatted(name)).rules().get(0);
        ledger.configure(List.of(stock));

        List<Boolean> claims = race(THREADS, 200, () -> ledger.claim(stock, BigDecimal.ONE));

        assertThat(claims.stream().filter(Boolean::booleanValue).count()).isEqualTo(25);
        assertThat(ledger.remaining(stock)).isEqualByComparingTo("0");
        assertThat(ledger.exhausted(stock)).isTrue();
    }

    @Test
    void racingDecisionsNeverMakeAnOfferMoreOftenThanItsStock() throws Exception {
        String name = "Retention stock " + UUID.randomUUID().toString().substring(0, 8);
        // A rule row goes among the rules, above the table's Tests block.
        policy.upload(shipped.replace("\n\nTests\n", "\n" + name + ",volume,,RET-15,,3,,,,,,\n\nTests\n")
                .getBytes(StandardCharsets.UTF_8), "test");
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String id = "C-RACE-" + i;
            customers.add(id);
            String body = """
                    {"id": "%s", "timeZone": "Europe/London", "consents": ["email"], "lifecycleStage": "active",
                     "engagement": "unknown", "churnRisk": 0.8}
                    """.formatted(id);
            if (asAdmin().contentType(ContentType.JSON).body(body).put("/api/customers/" + id).statusCode() == 404) {
                asAdmin().contentType(ContentType.JSON).body(body).post("/api/customers").then().statusCode(201);
            }
        }
        history.forget(customers.toArray(String[]::new));

        List<JsonPath> answers = race(customers.size(), customers.size(), new Callable<>() {
            private final AtomicInteger next = new AtomicInteger();

            @Override
            public JsonPath call() {
                String id = customers.get(next.getAndIncrement());
                return asAgent().contentType(ContentType.JSON)
                        .body("""
                                {"customerId": "%s", "touchpoint": "web", "explain": true}
                                """.formatted(id))
                        .post("/api/decisions").then().statusCode(200).extract().jsonPath();
            }
        });

        long made = answers.stream().filter(a -> a.getList("offers.offerId").contains("RET-15")).count();
        List<String> soldOut = answers.stream()
                .map(a -> a.<String>get("notChosen.find { it.offerId == 'RET-15' }.reason"))
                .filter(Objects::nonNull).distinct().toList();
        assertThat(made).isEqualTo(3);
        assertThat(soldOut).containsExactly("stock of 3 used up: 0 of 3 left");
    }

    /** Runs {@code total} calls on {@code threads} threads released at once; returns every result. */
    private static <T> List<T> race(int threads, int total, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}

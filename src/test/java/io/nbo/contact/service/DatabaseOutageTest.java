package io.nbo.contact.service;

import static io.nbo.support.Callers.withDevKey;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nbo.decision.core.policy.PolicyRule;
import io.nbo.fixtures.ContactHistoryFixture;
import io.nbo.fixtures.CustomerFixture;
import io.nbo.profile.service.ProfileService;
import io.nbo.support.TcpProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.nbo.support.Callers;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away under load (a {@link TcpProxy} between the server and the machine's database is cut) and comes
 * back: warm decisions and outcomes keep being answered, health says degraded while the node stays ready, a stock
 * limit stops being offered once this node's block is used up, a request that needs the database gets 503, and every
 * acknowledged decision, offer and outcome is in the database afterwards. The outage lasts about 6 s here, not a
 * minute: the code path is the same (writes retried with back-off capped at 5 s, everything waiting in memory and in
 * the journal); how long an outage is ridden out is the log's capacity divided by the rate (docs/operations.md).
 */
@QuarkusTest
@TestProfile(OutageProfile.class)
class DatabaseOutageTest {

    private static final int CUSTOMERS = 12;
    private static final Duration OUTAGE_LOAD = Duration.ofSeconds(6);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ProfileService profiles;

    @Inject
    ContactHistoryFixture history;

    @Inject
    DecisionLog log;

    @Inject
    JdbcVolumeLedger volumes;

    @Inject
    PolicyService policy;

    @Inject
    DataSource dataSource;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Set<String> decisions = ConcurrentHashMap.newKeySet();
    private final Set<String> offers = ConcurrentHashMap.newKeySet();
    private final Set<String> outcomes = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void customers() throws Exception {
        TcpProxy.restore();
        Files.deleteIfExists(Path.of(OutageProfile.JOURNAL, "dead-letters.jsonl"));
        List<io.nbo.profile.CustomerProfile> commuters = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            commuters.add(CustomerFixture.coffeeCommuter().id(customer(i)).build());
        }
        profiles.upsertAll(commuters);
        history.forget(commuters.stream().map(io.nbo.profile.CustomerProfile::id).toArray(String[]::new));
    }

    @AfterEach
    void databaseBack() {
        TcpProxy.restore();
    }

    @Test
    void warmDecisionsAndOutcomesAreAnsweredThroughTheOutageAndEveryAcknowledgedOneIsWrittenAfterIt() throws Exception {
        // Before: every customer decided once (profile and history now cached), each first offer sent.
        List<JsonNode> beforeTheOutage = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            JsonNode decision = decide(customer(i));
            assertThat(outcome(decision, "sent")).isEqualTo(201);
            beforeTheOutage.add(decision);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> log.backlog() == 0);
        PolicyRule stock = policy.current().rules(PolicyRule.Kind.VOLUME).get(0);

        TcpProxy.cut();
        long bundlesHeld = volumes.held(stock).longValueExact();
        AtomicInteger bundlesOffered = new AtomicInteger();
        AtomicInteger answers = new AtomicInteger();
        List<JsonNode> soldOut = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService callers = Executors.newFixedThreadPool(3);
        long end = System.nanoTime() + OUTAGE_LOAD.toNanos();
        List<Future<?>> load = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int caller = t;
            load.add(callers.submit(() -> {
                for (int n = 0; System.nanoTime() < end; n++) {
                    JsonNode decision = decide(customer((caller * 5 + n) % CUSTOMERS));
                    answers.incrementAndGet();
                    if (offered(decision).contains("BUNDLE-WEEKEND")) {
                        bundlesOffered.incrementAndGet();
                    } else if (soldOut.isEmpty()) {
                        soldOut.add(decision);
                    }
                    assertThat(outcome(decision, "opened")).isEqualTo(201);
                    if (n < CUSTOMERS / 3) {
                        // An outcome for a decision written before the outage: found among the recent decisions.
                        assertThat(outcome(beforeTheOutage.get(caller * (CUSTOMERS / 3) + n), "clicked"))
                                .isEqualTo(201);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : load) {
            f.get();
        }
        callers.shutdown();

        assertThat(answers.get()).isGreaterThan((int) bundlesHeld + 10);
        assertThat(bundlesOffered.get()).as("the stock this node held when the database went away, and no more")
                .isEqualTo((int) bundlesHeld);
        JsonNode dropped = find(soldOut.get(0).get("notChosen"), "BUNDLE-WEEKEND");
        assertThat(dropped.get("rule").asText()).isEqualTo("Bundle stock");
        assertThat(dropped.get("reason").asText()).isEqualTo("stock of 100000 used up: 0 of 100000 left");
        assertDegradedButReady();
        assertNeedingTheDatabaseIsUnavailable();
        assertThat(log.backlog()).isGreaterThan(answers.get());

        TcpProxy.restore();
        await().atMost(Duration.ofSeconds(30)).until(() -> log.backlog() == 0);

        assertThat(stored("select id from decision_log where id = any(?)")).isEqualTo(decisions);
        assertThat(stored("select decision_id || '/' || offer_id from decision_offer where decision_id = any(?)"))
                .isEqualTo(offers);
        assertThat(stored("select decision_id || '/' || offer_id || '/' || lower(outcome) from decision_outcome "
                + "where decision_id = any(?)")).isEqualTo(outcomes);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/q/health").then().statusCode(200));
    }

    private void assertDegradedButReady() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/q/health/well").then()
                .statusCode(503)
                .body("checks.find { it.name == 'database' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'database' }.data.state", equalTo("degraded"))
                .body("checks.find { it.name == 'database' }.data.reason", equalTo("writing the decision log fails "
                        + "(SQLSTATE 08001 (connection exception)); warm decisions are answered from the cache and "
                        + "what is acknowledged waits in the journal")));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'decision-log' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'decision-log' }.data.database", equalTo("unreachable"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health").then().statusCode(503).body("status", equalTo("DOWN"));
    }

    private void assertNeedingTheDatabaseIsUnavailable() {
        withDevKey().contentType(ContentType.JSON).body("""
                        {"customerId": "C-OUTAGE-NOT-CACHED", "touchpoint": "web"}
                        """)
                .post("/api/decisions").then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("detail", equalTo("the database cannot be reached and this request needs it (for example a "
                        + "customer whose profile is not in the cache); try again shortly"));
        withDevKey().contentType(ContentType.JSON).body("""
                        {"offerId": "COFFEE-AM", "outcome": "clicked"}
                        """)
                .post("/api/decisions/not-a-recent-decision/outcomes").then().statusCode(503)
                .contentType("application/problem+json")
                .body("detail", equalTo("decision not-a-recent-decision is not among this server's recent decisions "
                        + "and the database cannot be reached to look it up; try again shortly"));
    }

    private JsonNode decide(String customerId) throws Exception {
        HttpResponse<String> answer = post("/api/decisions", """
                {"customerId": "%s", "touchpoint": "mobile-app", "context": {"localTime": "08:10"}, "explain": true}
                """.formatted(customerId));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode decision = JSON.readTree(answer.body());
        String id = decision.get("decisionId").asText();
        decisions.add(id);
        offered(decision).forEach(offer -> offers.add(id + "/" + offer));
        return decision;
    }

    private int outcome(JsonNode decision, String type) throws Exception {
        String id = decision.get("decisionId").asText();
        String offer = offered(decision).get(0);
        HttpResponse<String> answer = post("/api/decisions/" + id + "/outcomes", """
                {"offerId": "%s", "outcome": "%s"}
                """.formatted(offer, type));
        if (answer.statusCode() == 201) {
            outcomes.add(id + "/" + offer + "/" + type);
        }
        return answer.statusCode();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("X-API-Key", Callers.DEV_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Set<String> stored(String sql) throws Exception {
        Set<String> rows = new HashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            Array ids = c.createArrayOf("varchar", decisions.toArray());
            s.setArray(1, ids);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
        }
        return rows;
    }

    private static List<String> offered(JsonNode decision) {
        List<String> ids = new ArrayList<>();
        decision.get("offers").forEach(o -> ids.add(o.get("offerId").asText()));
        return ids;
    }

    private static JsonNode find(JsonNode notChosen, String offerId) {
        for (JsonNode n : notChosen) {
            if (n.get("offerId").asText().equals(offerId)) {
                return n;
            }
        }
        throw new AssertionError(offerId + " is not among " + notChosen);
    }

    private static String customer(int i) {
        return String.format("C-OUTAGE-%02d", i);
    }
}

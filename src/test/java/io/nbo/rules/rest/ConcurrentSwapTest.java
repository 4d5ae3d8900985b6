package io.nbo.rules.rest;

import static io.nbo.rules.rest.LiveRulesFixture.upload;
import static io.nbo.rules.rest.LiveRulesProfile.ELECTRONICS;
import static io.nbo.rules.rest.LiveRulesProfile.FANS_ON_EMAIL;
import static io.nbo.rules.rest.LiveRulesProfile.electronics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nbo.rules.compile.RuleSetCompiler;
import io.nbo.rules.service.RuleSetService;
import io.nbo.support.Callers;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Decisions keep flowing while the rule set is swapped again and again (by upload and on disk): not one fails, and
 * every answer's offers are exactly what the version it names decides.
 */
@QuarkusTest
@TestProfile(LiveRulesProfile.class)
class ConcurrentSwapTest {

    private static final String ELEC_10 = electronics("", "");
    private static final String ELEC_20 = electronics(FANS_ON_EMAIL, FANS_ON_EMAIL.replace("ELEC-10", "ELEC-20"));
    private static final String V10 = RuleSetCompiler.versionOf(LiveRulesProfile.baseline());
    private static final String V20 = LiveRulesProfile.versionWith(ELECTRONICS, ELEC_20);
    private static final Map<String, String> OFFER_OF_VERSION = Map.of(V10, "ELEC-10", V20, "ELEC-20");
    private static final int CLIENTS = 4;
    private static final int SWAPS = 6;

    @TestHTTPResource("/api/decisions")
    URI decisions;

    @Inject
    RuleSetService rules;

    @Inject
    io.nbo.rules.service.RuleEngine engine;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);

    @BeforeEach
    void baseline() throws Exception {
        LiveRulesFixture.backToBaseline(rules, engine, V10);
        LiveRulesFixture.customers();
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void decisionsDuringSwapsNeverFailAndMatchTheirVersion() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<String> wrong = new ArrayList<>();
        List<Future<Integer>> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(pool.submit(() -> decideUntil(running, seen, wrong)));
        }

        for (int swap = 1; swap <= SWAPS; swap++) {
            String text = swap % 2 == 1 ? ELEC_20 : ELEC_10;
            String version = swap % 2 == 1 ? V20 : V10;
            seen.clear();
            if (swap % 3 == 0) {
                Files.writeString(LiveRulesProfile.TABLES.resolve(ELECTRONICS), text);
            } else {
                upload("marketer", ELECTRONICS, text).statusCode(200).body("version", equalTo(version));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> seen.contains(version));
        }
        running.set(false);

        int answered = 0;
        for (Future<Integer> client : clients) {
            answered += client.get(30, TimeUnit.SECONDS);
        }
        synchronized (wrong) {
            assertThat(wrong).isEmpty();
        }
        assertThat(answered).isGreaterThan(SWAPS * CLIENTS);
    }

    /** Sends decisions until told to stop; records each answer's version; returns how many were answered. */
    private int decideUntil(AtomicBoolean running, Set<String> seen, List<String> wrong) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(decisions).header("Content-Type", "application/json")
                .header("X-API-Key", Callers.DEV_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(LiveRulesFixture.DECISION)).build();
        int answered = 0;
        while (running.get()) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            answered++;
            String problem = check(response);
            if (problem != null) {
                synchronized (wrong) {
                    wrong.add(problem);
                }
            } else {
                seen.add(json.readTree(response.body()).get("ruleSetVersion").asText());
            }
        }
        return answered;
    }

    private String check(HttpResponse<String> response) throws Exception {
        if (response.statusCode() != 200) {
            return "status " + response.statusCode() + ": " + response.body();
        }
        JsonNode body = json.readTree(response.body());
        String version = body.get("ruleSetVersion").asText();
        String expected = OFFER_OF_VERSION.get(version);
        List<String> offers = new ArrayList<>();
        body.get("offers").forEach(o -> offers.add(o.get("offerId").asText()));
        if (expected == null || !offers.equals(List.of(expected))) {
            return "version " + version + " answered " + offers + ", expected [" + expected + "]";
        }
        return null;
    }
}

package io.nbo.learning;

import static io.nbo.support.Callers.asAgent;
import static io.nbo.support.Callers.asMarketer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.nbo.experiment.service.ExperimentRegistry;
import io.nbo.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A global holdout end to end: defined through the API, applied by decisions (control gets no offer, and the log
 * still records the arm), purchases imported as history, and the lift report's arithmetic over exactly those.
 */
@QuarkusTest
@TestProfile(LearningProfile.class)
class ExperimentAndLiftTest {

    private static final String HOLDOUT = """
            {"name": "Holdout 30%", "layer": "holdout", "offers": [], "startsAt": "2026-11-23T11:00:00Z",
             "arms": [{"name": "holdout", "share": 0.3, "control": true, "treatment": "no-offer"},
                      {"name": "served", "share": 0.7, "treatment": "current"}]}
            """;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ExperimentRegistry registry;

    @Inject
    TestClock clock;

    @AfterEach
    void endExperiments() {
        for (String key : asMarketer().get("/api/experiments").jsonPath().<String>getList("key")) {
            JsonPath e = asMarketer().get("/api/experiments/" + key).jsonPath();
            if (e.getBoolean("running")) {
                asMarketer().contentType(ContentType.JSON).body(Map.of("layer", e.getString("layer"),
                                "traffic", e.getDouble("traffic"), "arms", e.getList("arms"),
                                "offers", e.getList("offers"), "endsAt", clock.instant().toString()))
                        .put("/api/experiments/" + key).then().statusCode(200);
            }
        }
    }

    @Test
    void aHoldoutWithholdsOffersFromItsControlLogsEveryArmAndTheLiftReportCountsPurchases() throws Exception {
        asMarketer().contentType(ContentType.JSON).body(HOLDOUT).put("/api/experiments/hold-1").then()
                .statusCode(200)
                .body("version", equalTo(1))
                .body("bucketFrom", equalTo(0))
                .body("bucketTo", equalTo(10_000))
                .body("running", equalTo(true))
                .body("createdBy", equalTo("marketer"));

        Map<String, String> arms = new LinkedHashMap<>();
        for (int i = 0; i < 120; i++) {
            String id = String.format("LIFT-%03d", i);
            JsonPath answer = asAgent().contentType(ContentType.JSON)
                    .body(Map.of("customerId", id, "touchpoint", "web")).post("/api/decisions").then()
                    .statusCode(200).extract().jsonPath();
            String arm = answer.getString("experiments[0].arm");
            assertThat(answer.getList("experiments")).hasSize(1);
            assertThat(answer.getString("experiments[0].experiment")).isEqualTo("hold-1");
            assertThat(answer.getBoolean("experiments[0].control")).isEqualTo(arm.equals("holdout"));
            if (arm.equals("holdout")) {
                assertThat(answer.getList("offers")).as(id).isEmpty();
                assertThat(answer.getBoolean("fallback")).isFalse();
            }
            arms.put(id, arm);
        }
        assertThat(Set.copyOf(arms.values())).containsExactlyInAnyOrder("holdout", "served");
        await().atMost(Duration.ofSeconds(20)).until(() -> count("hold-1") == 120);

        // stickiness: the set activated afresh from the database puts every customer in the same arm
        registry.activate();
        for (Map.Entry<String, String> e : arms.entrySet()) {
            assertThat(registry.live().assign(e.getKey(), Set.of(), clock.instant()).get(0).arm())
                    .isEqualTo(e.getValue());
        }

        // purchases after exposure for every third customer: 10.00, and 5.00 more for every sixth
        StringBuilder csv = new StringBuilder("customerId,offerId,channel,occurredAt,outcome,amount\n");
        String at = clock.instant().plus(1, ChronoUnit.MINUTES).toString();
        long[] n = new long[2];
        long[] k = new long[2];
        double[] revenue = new double[2];
        int i = 0;
        for (Map.Entry<String, String> e : arms.entrySet()) {
            int a = e.getValue().equals("holdout") ? 0 : 1;
            n[a]++;
            if (i % 3 == 0) {
                csv.append(e.getKey()).append(",STORE-SALE,in-store,").append(at).append(",purchased,10.00\n");
                k[a]++;
                revenue[a] += 10;
                if (i % 6 == 0) {
                    csv.append(e.getKey()).append(",STORE-SALE,web,").append(at).append(",purchased,5.00\n");
                    revenue[a] += 5;
                }
            }
            i++;
        }
        HistoryImportSupport.importAndWait(csv.toString(), "text/csv");

        JsonPath lift = asMarketer().get("/api/experiments/hold-1/lift").then().statusCode(200).extract().jsonPath();
        assertThat(lift.getString("experiment")).isEqualTo("hold-1");
        assertThat(lift.getString("arms[0].arm")).isEqualTo("holdout");
        assertThat(lift.getLong("arms[0].exposed")).isEqualTo(n[0]);
        assertThat(lift.getLong("arms[0].conversions")).isEqualTo(k[0]);
        assertThat(lift.getDouble("arms[0].revenue")).isCloseTo(revenue[0], within(1e-6));
        assertThat(lift.getLong("arms[1].exposed")).isEqualTo(n[1]);
        assertThat(lift.getLong("arms[1].conversions")).isEqualTo(k[1]);
        assertThat(lift.getDouble("arms[1].revenuePerCustomer")).isCloseTo(revenue[1] / n[1], within(1e-6));
        assertThat(lift.getString("comparisons[0].arm")).isEqualTo("served");
        assertThat(lift.getString("comparisons[0].against")).isEqualTo("holdout");
        assertThat(lift.getDouble("comparisons[0].rateLift"))
                .isCloseTo(k[1] / (double) n[1] - k[0] / (double) n[0], within(1e-6));
        assertThat(lift.getDouble("comparisons[0].revenueLift"))
                .isCloseTo(revenue[1] / n[1] - revenue[0] / n[0], within(1e-6));
        assertThat(lift.getDouble("comparisons[0].rateLow")).isLessThan(lift.getDouble("comparisons[0].rateLift"));
        assertThat(lift.getDouble("comparisons[0].ratePValue")).isBetween(0.0, 1.0);
    }

    @Test
    void aLayerHoldsEachCustomerOnceAndBadDefinitionsAreNamed() {
        asMarketer().contentType(ContentType.JSON).body("""
                {"layer": "campaigns", "traffic": 0.6, "offers": ["COFFEE-AM"], "startsAt": "2026-11-23T11:00:00Z",
                 "arms": [{"name": "control", "share": 0.5, "control": true, "treatment": "no-offer"},
                          {"name": "boost", "share": 0.5, "treatment": "weight", "weight": 2}]}
                """).put("/api/experiments/coffee-a").then().statusCode(200)
                .body("bucketFrom", equalTo(0)).body("bucketTo", equalTo(6_000));
        asMarketer().contentType(ContentType.JSON).body("""
                {"layer": "campaigns", "traffic": 0.5, "offers": ["COFFEE-AM"],
                 "arms": [{"name": "control", "share": 0.5, "control": true}, {"name": "t", "share": 0.5}]}
                """).put("/api/experiments/coffee-b").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo("layer 'campaigns' has no free range of 50.0% of its customers (40.0% free "
                        + "in all, held by [coffee-a]); lower traffic, end an experiment of the layer or use another "
                        + "layer"));
        asMarketer().contentType(ContentType.JSON).body("""
                {"layer": "campaigns", "traffic": 0.4, "startsAt": "2026-11-23T11:00:00Z",
                 "arms": [{"name": "control", "share": 0.5, "control": true}, {"name": "t", "share": 0.5}]}
                """).put("/api/experiments/coffee-b").then().statusCode(200)
                .body("bucketFrom", equalTo(6_000)).body("bucketTo", equalTo(10_000));
        asMarketer().contentType(ContentType.JSON).body("""
                {"layer": "campaigns", "arms": [{"name": "control", "share": 0.5, "control": true},
                                                 {"name": "t", "share": 0.4}]}
                """).put("/api/experiments/coffee-c").then().statusCode(400)
                .body("field", equalTo("arms"))
                .body("detail", equalTo("experiment coffee-c: the arms' shares add up to 0.9, not 1"));
        asMarketer().contentType(ContentType.JSON).body("""
                {"layer": "campaigns", "arms": [{"name": "control", "share": 0.5, "control": true},
                                                 {"name": "t", "share": 0.5, "treatment": "double"}]}
                """).put("/api/experiments/coffee-c").then().statusCode(400)
                .body("field", equalTo("arms[1].treatment"))
                .body("detail", equalTo("treatment must be no-offer, current or weight; got 'double'"));

        // a second version keeps its range, and both versions are kept
        asMarketer().contentType(ContentType.JSON).body("""
                {"name": "Coffee A, v2", "layer": "campaigns", "traffic": 0.6, "offers": ["COFFEE-AM"],
                 "arms": [{"name": "control", "share": 0.2, "control": true, "treatment": "no-offer"},
                          {"name": "boost", "share": 0.8, "treatment": "weight", "weight": 2}]}
                """).put("/api/experiments/coffee-a").then().statusCode(200)
                .body("version", equalTo(2)).body("bucketFrom", equalTo(0)).body("bucketTo", equalTo(6_000));
        assertThat(asMarketer().get("/api/experiments/coffee-a/versions").jsonPath().<String>getList("name"))
                .containsExactly("coffee-a", "Coffee A, v2");
        assertThat(asAgent().get("/api/experiments").statusCode()).isEqualTo(403);
    }

    private long count(String key) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select count(*) from decision_experiment where experiment_key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}

package io.nbo.learning;

import static io.nbo.support.Callers.asAdmin;
import static io.nbo.support.Callers.asAgent;
import static io.nbo.support.Callers.asMarketer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;

import io.nbo.contact.service.ContactHistoryStore;
import io.nbo.contact.service.DecisionLog;
import io.nbo.decision.core.PropensityEstimate;
import io.nbo.decision.core.learning.Counts;
import io.nbo.decision.core.learning.LearnedPropensity;
import io.nbo.decision.core.policy.ContactEventType;
import io.nbo.learning.service.LearnedState;
import io.nbo.learning.service.LearningTimer;
import io.nbo.offer.Channel;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** History import, learning from it and from live outcomes, own scores, and dry runs, through the API. */
@QuarkusTest
@TestProfile(LearningProfile.class)
class LearningApiTest {

    private static final String COMMUTER = """
            {"id": "%s", "age": 31, "timeZone": "Europe/London", "consents": ["push", "email"],
             "tags": ["app-user"], "lifecycleStage": "%s", "engagement": "medium", "frequency": 14,
             "topCategories": ["coffee"], "topItems": ["coffee"], "preferredChannels": ["mobile-app"]}
            """;
    private static final Map<String, Object> AT_BREAKFAST = Map.of("customerId", "C-LRN-COFFEE",
            "touchpoint", "mobile-app", "context", Map.of("localTime", "08:10"), "dryRun", true);

    @Inject
    LearnedState state;

    @Inject
    LearningTimer timer;

    @Inject
    DecisionLog log;

    @Inject
    ContactHistoryStore histories;

    private static void customer(String id, String lifecycle) {
        String body = String.format(COMMUTER, id, lifecycle);
        int status = asAdmin().contentType(ContentType.JSON).body(body).put("/api/customers/" + id).statusCode();
        if (status == 404) {
            asAdmin().contentType(ContentType.JSON).body(body).post("/api/customers").then().statusCode(201);
        } else {
            assertThat(status).isEqualTo(200);
        }
    }

    @Test
    void anImportReportsRejectedLinesByNumberAndImportingAgainChangesNothing() {
        String csv = """
                customerId,offerId,channel,occurredAt,outcome,amount
                I-1,IMPORT-TEST,email,2026-11-01T09:00:00Z,opened,
                I-2,IMPORT-TEST,fax,2026-11-01T09:00:00Z,opened,
                I-3,IMPORT-TEST,email,2026-11-01T09:00:00Z,purchased,
                I-4,IMPORT-TEST,email,2026-11-01T09:00:00Z,purchased,12.50
                I-5,IMPORT-TEST,email,yesterday,opened,
                """;
        JsonPath first = HistoryImportSupport.importAndWait(csv, "text/csv");
        assertThat(first.getString("phase")).isEqualTo("done");
        assertThat(first.getLong("lines")).isEqualTo(6);
        assertThat(first.getLong("imported")).isEqualTo(2);
        assertThat(first.getLong("duplicates")).isZero();
        assertThat(first.getLong("rejected")).isEqualTo(3);
        assertThat(first.getList("rejectedLines.line", Integer.class)).containsExactly(3, 4, 6);
        assertThat(first.getList("rejectedLines.reason", String.class)).containsExactly(
                "channel 'fax' is not one of " + Channel.codes(),
                "a purchased outcome needs its amount",
                "occurredAt 'yesterday' is not an ISO-8601 time with offset, e.g. 2026-03-01T09:30:00Z");
        assertThat(first.getString("submittedBy")).isEqualTo("marketer");

        JsonPath again = HistoryImportSupport.importAndWait(csv, "text/csv");
        assertThat(again.getLong("imported")).isZero();
        assertThat(again.getLong("duplicates")).isEqualTo(2);
        assertThat(again.getLong("rejected")).isEqualTo(3);
        assertThat(state.counts().get("IMPORT-TEST", "*", "*")).isEqualTo(new Counts(2, 1));

        JsonPath lines = HistoryImportSupport.importAndWait("""
                {"customerId": "J-1", "offerId": "IMPORT-TEST", "channel": "sms", "occurredAt": "2026-11-02T10:00:00+01:00", "outcome": "accepted"}
                not json
                {"customer_id": "J-2", "offer_id": "IMPORT-TEST", "channel": "sms", "occurred_at": "2026-11-02T10:00:00Z", "outcome": "won"}
                """, "application/x-ndjson");
        assertThat(lines.getLong("imported")).isEqualTo(1);
        assertThat(lines.getList("rejectedLines.line", Integer.class)).containsExactly(2, 3);
        assertThat(lines.getList("rejectedLines.reason", String.class)).containsExactly("not a JSON object",
                "outcome 'won' is not one of " + ContactEventType.codes());
        assertThat(state.counts().get("IMPORT-TEST", "*", "*")).isEqualTo(new Counts(3, 2));
    }

    @Test
    void aReplayedHistoryIsLearnedPerSegmentAndOwnScoresTakePrecedence() {
        customer("C-LRN-COFFEE", "active");
        Random random = new Random(11);
        StringBuilder csv = new StringBuilder("customerId,offerId,channel,occurredAt,outcome,amount,segment\n");
        long[] active = new long[2];
        long[] lapsed = new long[2];
        Instant start = Instant.parse("2026-10-01T00:00:00Z");
        for (int i = 0; i < 10_000; i++) {
            boolean isActive = i % 2 == 0;
            boolean yes = random.nextDouble() < (isActive ? 0.30 : 0.05);
            long[] tally = isActive ? active : lapsed;
            tally[0]++;
            tally[1] += yes ? 1 : 0;
            csv.append(String.format("H-%05d,COFFEE-AM,%s,%s,%s,,%s%n", i, isActive ? "mobile-app" : "email",
                    start.plusSeconds(i * 60L), yes ? "accepted" : "delivered", isActive ? "active" : "lapsed"));
        }
        assertThat(HistoryImportSupport.importAndWait(csv.toString(), "text/csv").getLong("imported"))
                .isEqualTo(10_000);

        JsonPath preview = asMarketer().contentType(ContentType.JSON).body(AT_BREAKFAST).post("/api/decisions")
                .then().statusCode(200).body("dryRun", equalTo(true)).body("explained", equalTo(true))
                .extract().jsonPath();
        assertThat(preview.getString("offers[0].offerId")).isEqualTo("COFFEE-AM");
        String id = preview.getString("decisionId");
        JsonPath source = preview.setRootPath("offers[0].scoreFactors.propensitySource");
        assertThat(source.getString("source")).isEqualTo("learned");
        assertThat(source.getString("level")).isEqualTo("channel");
        assertThat(source.getLong("contacts")).isEqualTo(active[0]);
        assertThat(source.getLong("responses")).isEqualTo(active[1]);
        assertThat(source.getDouble("mean")).isCloseTo(active[1] / (double) active[0], within(0.004));
        assertThat(state.counts().get("COFFEE-AM", "lapsed", "email")).isEqualTo(new Counts(lapsed[0], lapsed[1]));
        PropensityEstimate lapsedEstimate = new LearnedPropensity((c, o) -> 0.1, state::counts,
                (c, o) -> OptionalDouble.empty(), Random::new, new LearnedPropensity.Settings(true, false, 20))
                .estimate(state.counts(), "COFFEE-AM", "lapsed", "email", 0.1);
        assertThat(lapsedEstimate.mean()).isCloseTo(0.05, within(0.01));
        // a dry run is not a contact: not in the log, not in the history
        assertThat(log.find(id)).isEmpty();
        assertThat(histories.history("C-LRN-COFFEE").events()).noneMatch(e -> e.decisionId().equals(id));

        asMarketer().contentType("text/csv").body("customerId,offerId,score\nC-LRN-COFFEE,COFFEE-AM,1.5\n,X,0.1\n")
                .put("/api/learning/own-scores").then().statusCode(422)
                .body("detail", equalTo("2 line(s) cannot be used, nothing was stored: line 2: score must be a "
                        + "number from 0 to 1; line 3: customerId must be 1 to 64 characters"));
        asMarketer().contentType("text/csv").body("customerId,offerId,score\nC-LRN-COFFEE,COFFEE-AM,0.9\n")
                .put("/api/learning/own-scores").then().statusCode(200)
                .body("scores", equalTo(1)).body("totalInForce", equalTo(1));
        asMarketer().contentType(ContentType.JSON).body(AT_BREAKFAST).post("/api/decisions").then()
                .statusCode(200)
                .body("offers[0].scoreFactors.propensity", equalTo(0.9f))
                .body("offers[0].scoreFactors.propensitySource.source", equalTo("own-score"));
        asMarketer().delete("/api/learning/own-scores").then().statusCode(200).body("removed", equalTo(1));
    }

    @Test
    void liveOutcomesTeachOnceAndMarketersMayOnlyDryRun() {
        customer("C-LRN-LIVE", "lapsing");
        asMarketer().contentType(ContentType.JSON).body(Map.of("customerId", "C-LRN-LIVE",
                        "touchpoint", "mobile-app")).post("/api/decisions").then().statusCode(403)
                .body("detail", equalTo("marketers may ask for dry runs only: send \"dryRun\": true (a real "
                        + "decision is logged as a contact; it takes the agent role or a channel's API key)"));
        JsonPath made = asAgent().contentType(ContentType.JSON).body(Map.of("customerId", "C-LRN-LIVE",
                        "touchpoint", "mobile-app", "context", Map.of("localTime", "08:10"), "limit", 1))
                .post("/api/decisions").then().statusCode(200).extract().jsonPath();
        assertThat(made.getString("dryRun")).isNull();
        String offer = made.getString("offers[0].offerId");
        String channel = made.getString("offers[0].channel");
        for (String outcome : List.of("accepted", "purchased")) {
            asAgent().contentType(ContentType.JSON).body(outcome.equals("purchased")
                            ? Map.of("offerId", offer, "outcome", outcome, "value", 4.5)
                            : Map.of("offerId", offer, "outcome", outcome))
                    .post("/api/decisions/" + made.getString("decisionId") + "/outcomes").then().statusCode(201);
        }
        timer.catchUp();
        assertThat(state.counts().get(offer, "lapsing", channel)).isEqualTo(new Counts(1, 1));
        assertThat(state.counts().get(offer, "lapsing", "*")).isEqualTo(new Counts(1, 1));
    }
}

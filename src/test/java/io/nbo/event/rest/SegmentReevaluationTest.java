package io.nbo.event.rest;

import static io.nbo.support.Callers.asAdmin;
import static io.nbo.support.Callers.asAgent;
import static io.nbo.support.Callers.withDevKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.nbo.event.service.AggregateRefresh;
import io.nbo.event.service.EventQueries;
import io.nbo.event.service.SegmentRefresh;
import io.nbo.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Segments follow the profile whenever it is written, not only when an event arrives: after a create, an update, a
 * bulk call and an import batch, and, for conditions that time alone changes, after the nightly re-evaluation. The
 * shipped segments.drl.csv: coffee fans (bought within 365 days, 3+ purchases, coffee among the top categories,
 * priority 20), recent buyers (within 30 days, 5). The cached profile never keeps the old segments.
 */
@QuarkusTest
class SegmentReevaluationTest {

    private static final String FAN = """
            {"id": "%s", "timeZone": "Europe/London", "segments": ["vip"], "recencyDays": %d, "frequency": 3,
             "monetary": 40.00, "topCategories": ["coffee"]}
            """;

    @Inject
    EventTestData data;

    @Inject
    EventQueries queries;

    @Inject
    SegmentRefresh refresh;

    @Inject
    AggregateRefresh aggregates;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aCreatedOrUpdatedProfileGetsItsSegmentsAtOnceAndTheCacheFollows() throws Exception {
        data.forget("C-SR-1");
        asAdmin().contentType(ContentType.JSON).body(FAN.formatted("C-SR-1", 10)).post("/api/customers").then()
                .statusCode(201);
        asAgent().get("/api/customers/C-SR-1").then().statusCode(200)
                .body("segments", contains("coffee-fan", "recent-buyer", "vip"));
        assertThat(queries.segments("C-SR-1")).extracting(m -> m.segment() + "/" + m.priority() + "/" + m.rule())
                .containsExactly("coffee-fan/20/Segment: coffee fans", "recent-buyer/5/Segment: recent buyers");

        // The profile is cached now; an update that takes it past 30 days drops "recent-buyer" from the cache too.
        asAdmin().contentType(ContentType.JSON).body(FAN.formatted("C-SR-1", 45)).put("/api/customers/C-SR-1")
                .then().statusCode(200);
        asAgent().get("/api/customers/C-SR-1").then().body("segments", contains("coffee-fan", "vip"));
        assertThat(queries.segments("C-SR-1")).extracting(m -> m.segment()).containsExactly("coffee-fan");
    }

    @Test
    void bulkAndImportReevaluateEachBatchAndImportingAgainChangesNothing() throws Exception {
        for (String id : new String[] {"C-SR-B1", "C-SR-I1", "C-SR-I2"}) {
            data.forget(id);
        }
        asAdmin().contentType(ContentType.JSON).body("[" + FAN.formatted("C-SR-B1", 3) + "]")
                .post("/api/customers/bulk").then().statusCode(200).body("written", equalTo(1));
        asAgent().get("/api/customers/C-SR-B1").then().body("segments", contains("coffee-fan", "recent-buyer", "vip"));

        String csv = """
                id,timeZone,recencyDays,frequency,topCategories,segments
                C-SR-I1,UTC,20,4,coffee,
                C-SR-I2,UTC,400,1,tea,imported
                """;
        JsonPath first = importAndWait(csv);
        assertThat(first.getLong("inserted")).isEqualTo(2);
        asAgent().get("/api/customers/C-SR-I1").then().body("segments", contains("coffee-fan", "recent-buyer"));
        asAgent().get("/api/customers/C-SR-I2").then().body("segments", contains("imported"));

        JsonPath again = importAndWait(csv);
        assertThat(again.getLong("unchanged")).isEqualTo(2);
        assertThat(again.getLong("updated")).isZero();
        asAgent().get("/api/customers/C-SR-I1").then().body("segments", contains("coffee-fan", "recent-buyer"));
    }

    @Test
    void theNightlyRunMovesSegmentsThatTimeAloneChangesAndASecondRunChangesNothing() throws Exception {
        data.customer("C-SR-T1", "[]", "[]");
        withDevKey().contentType(ContentType.JSON).body("""
                {"eventId": "sr-t1-1", "customerId": "C-SR-T1", "type": "purchase", "occurredAt": "2026-11-13T10:00:00Z",
                 "channel": "web", "amount": 12.00}
                """).post("/api/events").then().statusCode(201);
        asAgent().get("/api/customers/C-SR-T1").then().body("segments", contains("recent-buyer"))
                .body("recencyDays", equalTo(10));

        // Twenty-five days later, no event: the aggregate refresh moves recency to 35, the segment refresh follows.
        clock.set(Instant.parse("2026-12-18T12:00:00Z"));
        aggregates.refreshAll();
        SegmentRefresh.Result run = refresh.refreshAll();
        assertThat(run.changed()).isGreaterThanOrEqualTo(1);
        asAgent().get("/api/customers/C-SR-T1").then().body("segments", org.hamcrest.Matchers.empty())
                .body("recencyDays", equalTo(35));
        assertThat(queries.segments("C-SR-T1")).isEmpty();

        assertThat(refresh.refreshAll().changed()).isZero();
    }

    private static JsonPath importAndWait(String body) {
        String location = asAdmin().contentType("text/csv").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/customers/imports").then().statusCode(202).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            String phase = asAdmin().get("/api/customers/imports/" + id).then().extract().path("phase");
            return phase.equals("DONE") || phase.equals("FAILED");
        });
        return asAdmin().get("/api/customers/imports/" + id).then().statusCode(200).extract().jsonPath();
    }
}

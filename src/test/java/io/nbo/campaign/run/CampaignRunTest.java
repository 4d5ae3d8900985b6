package io.nbo.campaign.run;

import static io.nbo.campaign.run.CampaignFixture.awaitStatus;
import static io.nbo.campaign.run.CampaignFixture.start;
import static io.nbo.support.Callers.asAgent;
import static io.nbo.support.Callers.asMarketer;
import static org.assertj.core.api.Assertions.assertThat;

import io.nbo.contact.service.PolicyService;
import io.nbo.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Batch runs end to end on PostgreSQL with the sample rule tables and the shipped contact policy: limits hold with
 * real-time decisions racing the run, sends fall inside the policy's hours in each customer's zone, caps hold, a
 * crash and a lost checkpoint send nobody twice, cancel stops a run, dry runs log nothing, outcomes trace back.
 */
@QuarkusTest
class CampaignRunTest {

    @Inject
    CampaignFixture fixture;

    @Inject
    PolicyService policy;

    @Inject
    RunFaults faults;

    @Inject
    TestClock clock;

    private String shipped;

    @BeforeEach
    void shippedPolicy() throws Exception {
        clock.reset();
        shipped = Files.readString(Path.of("decision-tables/policy/contact-policy.csv"));
    }

    @AfterEach
    void restorePolicy() {
        faults.crashAfterPages(0);
        policy.reload("test");
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

    /** The shipped policy plus a stock of RET-15 under a fresh rule name (a fresh counter). */
    private void stockOfRet15(int units) {
        String rule = "Campaign stock " + UUID.randomUUID().toString().substring(0, 8);
        policy.upload(shipped.replace("\n\nTests\n", "\n" + rule + ",volume,,RET-15,,%d,,,,,,\n\nTests\n"
                .formatted(units)).getBytes(StandardCharsets.UTF_8), "test");
    }

    private static String run(String segment, String channels, int maxOffers, boolean dryRun) {
        return """
                {"audience": {"segment": "%s"}, "channels": [%s], "sendDate": "2026-11-24",
                 "offers": ["RET-15", "BUNDLE-WEEKEND"], "maxOffers": %d, "dryRun": %s}
                """.formatted(segment, channels, maxOffers, dryRun);
    }

    @Test
    void aStockHoldsExactlyWhileRealTimeDecisionsRaceTheRunAndEveryoneIsDecidedOnce() throws Exception {
        CampaignFixture.Segment audience = fixture.customers(240);
        CampaignFixture.Segment walkIns = fixture.customers(40);
        CampaignFixture.distinctScores(audience);
        stockOfRet15(60);

        String id = start(run(audience.name(), "\"email\"", 1, false));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<List<String>>> realTime = new ArrayList<>();
        for (String customer : walkIns.ids()) {
            realTime.add(pool.submit(() -> asAgent().contentType(ContentType.JSON)
                    .body("{\"customerId\": \"%s\", \"touchpoint\": \"web\"}".formatted(customer))
                    .post("/api/decisions").then().statusCode(200).extract().jsonPath().getList("offers.offerId")));
        }
        long realTimeRet15 = 0;
        for (Future<List<String>> answer : realTime) {
            realTimeRet15 += answer.get().contains("RET-15") ? 1 : 0;
        }
        pool.shutdown();
        JsonPath done = awaitStatus(id, "done");

        long batchRet15 = fixture.count("select count(*) from campaign_send where run_id = ? and offer_id = 'RET-15'",
                id);
        assertThat(batchRet15 + realTimeRet15).isEqualTo(60);
        assertThat(done.getLong("progress.customersDone")).isEqualTo(240);
        assertThat(done.getLong("progress.customersTotal")).isEqualTo(240);
        // maxOffers 1 and one e-mail a week: everyone gets exactly one offer, logged as one decision naming the run.
        assertThat(fixture.count("select count(*) from campaign_send where run_id = ?", id)).isEqualTo(240);
        assertThat(fixture.count("select count(distinct customer_id) from campaign_send where run_id = ?", id))
                .isEqualTo(240);
        assertThat(fixture.count("select count(*) from decision_log where requested_by = ?", "campaign:" + id))
                .isEqualTo(240);
        assertThat(fixture.count("select count(*) from decision_offer o join decision_log d on d.id = o.decision_id "
                + "where d.requested_by = ? and o.offer_id = 'RET-15'", "campaign:" + id)).isEqualTo(batchRet15);

        JsonPath summary = asMarketer().get("/api/campaigns/runs/" + id + "/summary").then().statusCode(200)
                .extract().jsonPath();
        assertThat(summary.getBoolean("complete")).isTrue();
        assertThat(summary.getLong("customersReached")).isEqualTo(240);
        assertThat(summary.getLong("offers.find { it.offerId == 'RET-15' }.used")).isEqualTo(batchRet15);
        assertThat(summary.getLong("offers.find { it.offerId == 'BUNDLE-WEEKEND' }.used"))
                .isEqualTo(240 - batchRet15);
        assertThat(summary.getDouble("upperBound")).isGreaterThanOrEqualTo(summary.getDouble("expectedValue"));
        assertThat(summary.getDouble("gap")).isBetween(0.0, 1.0);
    }

    @Test
    void sendsGoOutAtTheSendTimeInEachCustomersZoneInsideThePolicysHoursAndCapsHold() {
        CampaignFixture.Segment audience = fixture.customers(8);
        // The first customer had an e-mail two days ago: the weekly e-mail cap leaves them SMS only.
        String first = audience.ids().get(0);
        fixture.execute("insert into decision_log (id, customer_id, touchpoint, decided_at, rule_set_version, "
                + "policy_version, fallback) values (?, ?, 'email', ?, 'v', 'p', false)", "earlier-" + first, first,
                java.time.OffsetDateTime.parse("2026-11-21T10:00:00Z"));
        fixture.execute("insert into decision_offer (decision_id, offer_id, channel, offer_rank) "
                + "values (?, 'WINE-CASE', 'email', 1)", "earlier-" + first);

        String id = start(run(audience.name(), "\"email\", \"sms\"", 2, false));
        awaitStatus(id, "done");

        String emails = asMarketer().get("/api/campaigns/runs/" + id + "/sendlist?channel=email&format=csv").then()
                .statusCode(200).contentType("text/csv").extract().asString();
        List<String> lines = emails.lines().toList();
        assertThat(lines.get(0)).isEqualTo("customerId,offerId,channel,sendAt,localSendTime,timeZone,decisionId");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            ZonedDateTime local = Instant.parse(cells[3]).atZone(ZoneId.of(cells[5]));
            assertThat(local.toLocalTime()).isEqualTo(LocalTime.of(10, 0));
            assertThat(local.toLocalDate()).hasToString("2026-11-24");
            assertThat(cells[4]).isEqualTo(local.toOffsetDateTime()
                    .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            assertThat(cells[0]).isNotEqualTo(first);
        }
        // Seven customers get one e-mail each (one a week), the capped one none.
        assertThat(lines).hasSize(1 + 7);
        List<Map<String, Object>> firstSends = fixture.rows("select channel from campaign_send where run_id = ? "
                + "and customer_id = ?", id, first);
        assertThat(firstSends).extracting(r -> r.get("channel")).containsOnly("sms");
        assertThat(firstSends).hasSize(1);
        // SMS: RET-15 is the only SMS offer; every customer gets it there or by e-mail, never twice.
        assertThat(fixture.count("select count(*) from campaign_send where run_id = ? and offer_id = 'RET-15'", id))
                .isEqualTo(8);
    }

    @Test
    void aCrashMidRunIsResumedByTheLeaseAndALostCheckpointReplaysWithoutSendingAnyoneTwice() {
        CampaignFixture.Segment audience = fixture.customers(300);
        CampaignFixture.distinctScores(audience);
        stockOfRet15(100);
        faults.crashAfterPages(2);

        String id = start(run(audience.name(), "\"email\"", 1, false));
        JsonPath done = awaitStatus(id, "done");
        assertThat(done.getLong("progress.customersDone")).isEqualTo(300);
        assertEveryoneOnce(id, 300, 100);

        // The checkpoint lost after the run wrote everything: the whole audience is read again, nobody sent twice,
        // and the stock is not claimed again for customers already reached.
        fixture.execute("update campaign_partition set last_customer_id = null where run_id = ?", id);
        fixture.execute("update campaign_run set status = 'failed' where id = ?", id);
        asMarketer().post("/api/campaigns/runs/" + id + "/restart").then().statusCode(200);
        awaitStatus(id, "done");
        assertEveryoneOnce(id, 300, 100);
    }

    private void assertEveryoneOnce(String id, int customers, int stock) {
        assertThat(fixture.count("select count(*) from campaign_send where run_id = ?", id)).isEqualTo(customers);
        assertThat(fixture.count("select count(distinct customer_id) from campaign_send where run_id = ?", id))
                .isEqualTo(customers);
        assertThat(fixture.count("select count(*) from decision_log where requested_by = ?", "campaign:" + id))
                .isEqualTo(customers);
        assertThat(fixture.count("select count(*) from decision_offer o join decision_log d on d.id = o.decision_id "
                + "where d.requested_by = ?", "campaign:" + id)).isEqualTo(customers);
        assertThat(fixture.count("select count(*) from campaign_send where run_id = ? and offer_id = 'RET-15'", id))
                .isEqualTo(stock);
        String csv = asMarketer().get("/api/campaigns/runs/" + id + "/sendlist?channel=email").then().statusCode(200)
                .extract().asString();
        assertThat(csv.lines().skip(1).map(l -> l.split(",")[0]).distinct().count()).isEqualTo(customers);
        assertThat(csv.lines().count()).isEqualTo(customers + 1);
    }

    @Test
    void aCancelledRunStopsAndCanBeRestartedToTheEnd() {
        CampaignFixture.Segment audience = fixture.customers(200);
        faults.crashAfterPages(1);
        String id = start(run(audience.name(), "\"email\"", 1, false));
        JsonPath cancelled = asMarketer().post("/api/campaigns/runs/" + id + "/cancel").then().statusCode(200)
                .extract().jsonPath();
        assertThat(cancelled.getBoolean("cancelRequested")).isTrue();
        JsonPath stopped = awaitStatus(id, "cancelled");
        long done = stopped.getLong("progress.customersDone");
        assertThat(done).isLessThan(200);
        assertThat(fixture.count("select count(*) from campaign_send where run_id = ?", id)).isEqualTo(done);
        asMarketer().post("/api/campaigns/runs/" + id + "/cancel").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.equalTo("campaign run " + id + " already ended (cancelled); "
                        + "only a running run can be cancelled"));

        asMarketer().post("/api/campaigns/runs/" + id + "/restart").then().statusCode(200);
        awaitStatus(id, "done");
        assertThat(fixture.count("select count(distinct customer_id) from campaign_send where run_id = ?", id))
                .isEqualTo(200);
        assertThat(fixture.count("select count(*) from campaign_send where run_id = ?", id)).isEqualTo(200);
    }

    @Test
    void aDryRunPlansASendListButLogsAndClaimsNothing() {
        CampaignFixture.Segment audience = fixture.customers(30);
        CampaignFixture.distinctScores(audience);
        stockOfRet15(10);
        String id = start(run(audience.name(), "\"email\"", 1, true));
        awaitStatus(id, "done");

        assertThat(fixture.count("select count(*) from campaign_send where run_id = ?", id)).isEqualTo(30);
        assertThat(fixture.count("select count(*) from campaign_send where run_id = ? and offer_id = 'RET-15'", id))
                .isEqualTo(10);
        assertThat(fixture.count("select count(*) from campaign_send where run_id = ? and decision_id is not null",
                id)).isZero();
        assertThat(fixture.count("select count(*) from decision_log where requested_by = ?", "campaign:" + id))
                .isZero();
        assertThat(fixture.count("select count(*) from offer_volume where offer_id = 'RET-15' and used > 0 "
                + "and rule_name like 'Campaign stock%' and cap = 10")).isZero();
        String jsonl = asMarketer().get("/api/campaigns/runs/" + id + "/sendlist?channel=email&format=jsonl").then()
                .statusCode(200).contentType("application/x-ndjson").extract().asString();
        assertThat(jsonl.lines().count()).isEqualTo(30);
        assertThat(new JsonPath(jsonl.lines().findFirst().orElseThrow()).getString("decisionId")).isNull();
    }

    @Test
    void anOutcomeOnABatchDecisionIsRecordedLikeARealTimeOne() {
        CampaignFixture.Segment audience = fixture.customers(3);
        String id = start(run(audience.name(), "\"email\"", 1, false));
        awaitStatus(id, "done");
        Map<String, Object> send = fixture.rows("select decision_id, offer_id, customer_id from campaign_send "
                + "where run_id = ? order by customer_id", id).get(0);

        asAgent().contentType(ContentType.JSON).body("{\"offerId\": \"%s\", \"outcome\": \"opened\"}"
                        .formatted(send.get("offer_id")))
                .post("/api/decisions/" + send.get("decision_id") + "/outcomes").then().statusCode(201)
                .body("customerId", org.hamcrest.Matchers.equalTo(send.get("customer_id")));
        JsonPath history = asAgent().get("/api/customers/" + send.get("customer_id") + "/history").then()
                .statusCode(200).extract().jsonPath();
        assertThat(history.getList("decisionId", String.class)).contains((String) send.get("decision_id"));
    }

    @Test
    void aHoldoutsControlCustomersGetNothingAndAreLoggedWithTheirArmAsRealTimeDoes() {
        CampaignFixture.Segment audience = fixture.customers(60);
        asMarketer().contentType(ContentType.JSON).body("""
                {"name": "Campaign holdout", "layer": "holdout", "offers": [], "startsAt": "2026-11-23T11:00:00Z",
                 "arms": [{"name": "holdout", "share": 0.5, "control": true, "treatment": "no-offer"},
                          {"name": "served", "share": 0.5, "treatment": "current"}]}
                """).put("/api/experiments/campaign-hold").then().statusCode(200);

        String id = start(run(audience.name(), "\"email\"", 1, false));
        awaitStatus(id, "done");

        List<Map<String, Object>> arms = fixture.rows("select e.customer_id, e.arm, "
                + "(select count(*) from decision_offer o where o.decision_id = e.decision_id) as offers, "
                + "(select count(*) from campaign_send s where s.run_id = ? and s.customer_id = e.customer_id) "
                + "as sends from decision_experiment e join decision_log d on d.id = e.decision_id "
                + "where d.requested_by = ? and e.experiment_key = 'campaign-hold'", id, "campaign:" + id);
        assertThat(arms).hasSize(60);
        List<Map<String, Object>> held = arms.stream().filter(r -> r.get("arm").equals("holdout")).toList();
        List<Map<String, Object>> served = arms.stream().filter(r -> r.get("arm").equals("served")).toList();
        assertThat(held).isNotEmpty();
        assertThat(served).isNotEmpty();
        assertThat(held).allSatisfy(r -> {
            assertThat(((Number) r.get("offers")).longValue()).isZero();
            assertThat(((Number) r.get("sends")).longValue()).isZero();
        });
        assertThat(served).allSatisfy(r -> {
            assertThat(((Number) r.get("offers")).longValue()).isEqualTo(1);
            assertThat(((Number) r.get("sends")).longValue()).isEqualTo(1);
        });
        JsonPath summary = asMarketer().get("/api/campaigns/runs/" + id + "/summary").jsonPath();
        assertThat(summary.getLong("customersReached")).isEqualTo(served.size());
    }
}

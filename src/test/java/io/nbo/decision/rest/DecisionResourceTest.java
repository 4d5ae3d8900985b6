package io.nbo.decision.rest;

import static io.nbo.support.Callers.asAdmin;
import static io.nbo.support.Callers.asAgent;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.agroal.api.AgroalDataSource;
import io.nbo.contact.LoggedDecision;
import io.nbo.contact.persistence.DecisionLogRepository;
import io.nbo.contact.service.DecisionLog;
import io.nbo.contact.service.PolicyService;
import io.nbo.fixtures.ContactHistoryFixture;
import io.nbo.profile.service.ProfileStore;
import io.nbo.support.DatabaseCalls;
import io.nbo.support.DatabaseCalls.Call;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The decision API end to end, on PostgreSQL, the Infinispan profile cache and the real decision tables. */
@QuarkusTest
class DecisionResourceTest {

    private static final String LOG_WRITER = "decision-log-writer";

    private static final String COMMUTER = """
            {"id": "C-RT-COFFEE", "age": 31, "timeZone": "Europe/London", "consents": ["push", "email"],
             "tags": ["app-user"], "lifecycleStage": "active", "engagement": "medium", "frequency": 14,
             "topCategories": ["coffee"], "topItems": ["coffee"], "preferredChannels": ["mobile-app"]}
            """;
    private static final String APP_MEMBER = """
            {"id": "C-RT-PLAIN", "timeZone": "Europe/London", "consents": ["email"], "tags": ["app-user"],
             "lifecycleStage": "active", "engagement": "unknown"}
            """;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DatabaseCalls calls;

    @Inject
    DecisionLog log;

    @Inject
    PolicyService policy;

    @Inject
    ProfileStore profiles;

    @Inject
    ContactHistoryFixture history;

    @Inject
    DecisionLogRepository decisions;

    @BeforeEach
    void customers() {
        for (String body : new String[] {COMMUTER, APP_MEMBER}) {
            String id = body.substring(body.indexOf("\"id\": \"") + 7, body.indexOf("\", "));
            int status = asAdmin().contentType(ContentType.JSON).body(body).put("/api/customers/" + id).statusCode();
            if (status == 404) {
                asAdmin().contentType(ContentType.JSON).body(body).post("/api/customers").then().statusCode(201);
            }
        }
        // Decisions now have memory (contact caps count earlier offers): each test starts from a clean history.
        history.forget("C-RT-COFFEE", "C-RT-PLAIN", "nobody-we-know");
    }

    @Test
    void storageIsPostgreSql() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
    }

    @Test
    void coffeeCommuterGetsTheMorningCouponOnTheApp() {
        asAgent().contentType(ContentType.JSON)
                .body("""
                        {"customerId": "C-RT-COFFEE", "touchpoint": "mobile-app", "context": {"localTime": "08:10"}}
                        """)
                .when().post("/api/decisions")
                .then().statusCode(200)
                .body("knownCustomer", equalTo(true))
                .body("ruleSetVersion", not(empty()))
                .body("offers.offerId", contains("COFFEE-AM", "BUNDLE-WEEKEND", "BAKERY-BUNDLE"))
                .body("offers.channel", contains("mobile-app", "email", "mobile-app"))
                .body("offers[0].eligibleBy", contains("Coffee lovers on the app at breakfast",
                        "App users at breakfast"))
                .body("offers[0].scoreFactors.contextWeight", equalTo(3.0f))
                .body("offers[0].score", equalTo(1.8f))
                .body("explained", equalTo(false))
                .body("notChosen.find { it.offerId == 'COFFEE-BEANS-BOGO' }.rule", equalTo("offer-group"))
                .body("notChosen.find { it.offerId == 'COFFEE-BEANS-BOGO' }", not(hasKey("reason")))
                .body("notChosen.offerId", not(hasItem("PUSH-LUNCH-DEAL")))
                .body("segments", contains("coffee-commuter"));
    }

    @Test
    void askedToExplainTheAnswerSaysWhyEveryOtherOfferWasNotChosenAndChoosesTheSame() {
        asAgent().contentType(ContentType.JSON)
                .body("""
                        {"customerId": "C-RT-COFFEE", "touchpoint": "mobile-app", "context": {"localTime": "08:10"},
                         "explain": true}
                        """)
                .when().post("/api/decisions")
                .then().statusCode(200)
                .body("explained", equalTo(true))
                .body("offers.offerId", contains("COFFEE-AM", "BUNDLE-WEEKEND", "BAKERY-BUNDLE"))
                .body("offers.channel", contains("mobile-app", "email", "mobile-app"))
                .body("notChosen.size()", equalTo(30))
                .body("notChosen.find { it.offerId == 'COFFEE-BEANS-BOGO' }.reason",
                        equalTo("offer group 'coffee' is already represented by COFFEE-AM (score 1.8000 > 1.6000)"))
                .body("notChosen.find { it.offerId == 'PUSH-LUNCH-DEAL' }.reason",
                        equalTo("outside its daily window 11:30-14:00 (customer local time 08:10)"));
    }

    @Test
    void aLeanAnswerIsExplainedInFullLaterByItsIdWithoutDecidingAgain() {
        String id = asAgent().contentType(ContentType.JSON)
                .body("""
                        {"customerId": "C-RT-COFFEE", "touchpoint": "mobile-app", "context": {"localTime": "08:10"}}
                        """)
                .when().post("/api/decisions")
                .then().statusCode(200).body("explained", equalTo(false))
                .extract().path("decisionId");
        given().when().get("/api/decisions/" + id + "/explanation").then().statusCode(401);
        given().auth().preemptive().basic("marketer", "marketer")
                .when().get("/api/decisions/" + id + "/explanation")
                .then().statusCode(200)
                .body("decisionId", equalTo(id))
                .body("explained", equalTo(true))
                .body("offers.offerId", contains("COFFEE-AM", "BUNDLE-WEEKEND", "BAKERY-BUNDLE"))
                .body("offers.channel", contains("mobile-app", "email", "mobile-app"))
                .body("notChosen.size()", equalTo(30))
                .body("notChosen.find { it.offerId == 'COFFEE-BEANS-BOGO' }.reason",
                        equalTo("offer group 'coffee' is already represented by COFFEE-AM (score 1.8000 > 1.6000)"))
                .body("notChosen.find { it.offerId == 'PUSH-LUNCH-DEAL' }.reason",
                        equalTo("outside its daily window 11:30-14:00 (customer local time 08:10)"));
        given().auth().preemptive().basic("marketer", "marketer")
                .when().get("/api/decisions/no-such-decision/explanation")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", startsWith("No recent answer 'no-such-decision' to explain on this node"));
    }

    @Test
    void theLogRecordsTheRuleSetAndPolicyVersionsTheAnswerApplied() throws Exception {
        JsonPath answer = asAgent().contentType(ContentType.JSON)
                .body("""
                        {"customerId": "C-RT-COFFEE", "touchpoint": "web"}
                        """)
                .when().post("/api/decisions")
                .then().statusCode(200).extract().jsonPath();
        String id = answer.getString("decisionId");
        assertThat(log.awaitWritten(id, Duration.ofSeconds(10))).isTrue();

        LoggedDecision logged = decisions.find(id).orElseThrow();
        assertThat(answer.getString("policyVersion")).isEqualTo(policy.current().version()).isNotBlank();
        assertThat(logged.policyVersion()).isEqualTo(answer.getString("policyVersion"));
        assertThat(logged.ruleSetVersion()).isEqualTo(answer.getString("ruleSetVersion"));
    }

    @Test
    void unknownCustomerIsAnsweredAsAVisitor() {
        asAgent().contentType(ContentType.JSON)
                .body("""
                        {"customerId": "nobody-we-know", "touchpoint": "web"}
                        """)
                .when().post("/api/decisions")
                .then().statusCode(200)
                .body("knownCustomer", equalTo(false))
                .body("fallback", equalTo(false))
                .body("offers.offerId", contains("WELCOME-10"))
                .body("offers[0].eligibleBy", contains("Visitors on the web"));
    }

    @Test
    void nothingEligibleFallsBackToTheWelcomeOffer() {
        asAgent().contentType(ContentType.JSON)
                .body("""
                        {"customerId": "C-RT-PLAIN", "touchpoint": "web"}
                        """)
                .when().post("/api/decisions")
                .then().statusCode(200)
                .body("fallback", equalTo(true))
                .body("offers.offerId", contains("WELCOME-10"))
                .body("offers.channel", contains("web"))
                .body("notChosen.offerId", not(hasItem("WELCOME-10")));
    }

    @Test
    void aWarmDecisionMakesNoDatabaseRoundTripOnlyTheLogWriterWritesIt() throws Exception {
        // The offers this customer gets have stock, so the warm decision claims volume too.
        // Rule rows go among the rules, above the table's Tests block.
        String shipped = Files.readString(Path.of("decision-tables/policy/contact-policy.csv"));
        policy.upload(shipped.replace("\n\nTests\n", """

                Warm bundle stock,volume,,BUNDLE-WEEKEND,,100000,,,,,,
                Warm beans stock,volume,,COFFEE-BEANS-BOGO,,100000,,,,,,

                Tests
                """).getBytes(StandardCharsets.UTF_8), "test");
        profiles.invalidate("C-RT-COFFEE");
        String body = """
                {"customerId": "C-RT-COFFEE", "touchpoint": "web"}
                """;
        try {
            int cold = calls.mark();
            String first = asAgent().contentType(ContentType.JSON).body(body).post("/api/decisions")
                    .then().statusCode(200).extract().path("decisionId");
            assertThat(log.awaitWritten(first, Duration.ofSeconds(10))).isTrue();
            // Cold: profile, contact history, a first block of each stock; plain statements, no JTA transaction.
            assertThat(calls.since(cold)).filteredOn(c -> !c.thread().equals(LOG_WRITER))
                    .isNotEmpty().allSatisfy(c -> assertThat(c.inTransaction()).isFalse());

            int warm = calls.mark();
            JsonPath second = asAgent().contentType(ContentType.JSON).body(body).post("/api/decisions")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(log.awaitWritten(second.getString("decisionId"), Duration.ofSeconds(10))).isTrue();

            assertThat(second.getList("offers.offerId", String.class))
                    .containsExactly("COFFEE-BEANS-BOGO", "BUNDLE-WEEKEND");
            // Every connection taken from the pool, by any thread, from the request until its decision was written:
            // one, the log writer's batch. None on the request thread, none in the background for volume.
            assertThat(calls.since(warm)).extracting(Call::thread).containsExactly(LOG_WRITER);
        } finally {
            policy.reload("test");
        }
    }

    @ParameterizedTest(name = "{0} -> 400 on {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"touchpoint\": \"web\"}|customerId|customerId is required, 1 to 64 characters",
            "{\"customerId\": \"C1\", \"touchpoint\": \"fax\"}|touchpoint|touchpoint must be one of email, sms, push, social, web, mobile-app, call-centre, in-store, got 'fax'",
            "{\"customerId\": \"C1\", \"touchpoint\": \"web\", \"limit\": 0}|limit|limit must be 1 to 20, got 0",
            "{\"customerId\": \"C1\", \"touchpoint\": \"web\", \"limit\": \"many\"}|limit|field 'limit' has a value of the wrong type (expected a number)",
            "{\"customerId\": \"C1\", \"touchpoint\": \"web\", \"context\": {\"localTime\": \"8am\"}}|context.localTime|context.localTime must be HH:mm (24-hour), got '8am'",
            "{\"customerId\": \"C1\", \"touchpoint\": |body|the body is not valid JSON at line 1, column 35"})
    void malformedRequestsGetAProblemNamingTheField(String body, String field, String detail) {
        asAgent().contentType(ContentType.JSON).body(body)
                .when().post("/api/decisions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("field", equalTo(field))
                .body("detail", equalTo(detail));
    }

    @Test
    void unknownRouteIsAProblemToo() {
        given().when().get("/api/nothing-here")
                .then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }
}

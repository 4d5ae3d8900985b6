package io.nbo.privacy;

import static io.nbo.support.Callers.asAdmin;
import static io.nbo.support.Callers.asAgent;
import static io.nbo.support.Callers.withDevKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nbo.contact.service.DecisionLog;
import io.nbo.fixtures.ContactHistoryFixture;
import io.nbo.support.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whatever the server logs while a customer is written, decided for, given an outcome, read, refused and failed on
 * (a database error on the write, malformed bodies), no personal field of that customer appears in the log.
 */
@QuarkusTest
class PersonalDataNotLoggedTest {

    private static final String ID = "C-PII-Q7X";
    /** Values no other log line could hold by chance: if one shows up, the log leaked the profile. */
    private static final List<String> PERSONAL = List.of(ID, "Zyxwold", "pii-gender-zq", "pii-segment-zq",
            "pii-tag-zq", "pii-item-zq", "pii-category-zq");
    private static final String PROFILE = """
            {"id": "C-PII-Q7X", "age": 37, "gender": "pii-gender-zq", "country": "GB", "region": "Zyxwold",
             "timeZone": "Europe/London", "consents": ["email", "sms"], "segments": ["pii-segment-zq"],
             "tags": ["pii-tag-zq"], "lifecycleStage": "active", "engagement": "high", "frequency": 9,
             "monetary": 1234.56, "topCategories": ["pii-category-zq"], "topItems": ["pii-item-zq"],
             "preferredChannels": ["sms"], "churnRisk": 0.8}
            """;
    private static final String FORBIDDEN_REGION = "Zyxwold-the-database-refuses";

    @Inject
    DataSource dataSource;

    @Inject
    DecisionLog log;

    @Inject
    ContactHistoryFixture history;

    @BeforeEach
    void theDatabaseRefusesOneRegion() throws Exception {
        history.forget(ID);
        sql("alter table customer add constraint pii_probe check (region is null or region <> '"
                + FORBIDDEN_REGION + "')");
    }

    @AfterEach
    void andThenNoLonger() throws Exception {
        sql("alter table customer drop constraint pii_probe");
        history.forget(ID);
    }

    @Test
    void noPersonalFieldOfTheCustomerReachesTheLog() {
        String log;
        try (LogCapture capture = new LogCapture()) {
            asAdmin().contentType(ContentType.JSON).body(PROFILE).post("/api/customers");
            asAdmin().contentType(ContentType.JSON).body(PROFILE).put("/api/customers/" + ID).then().statusCode(200);
            asAdmin().contentType(ContentType.JSON).body("[" + PROFILE + "]").post("/api/customers/bulk").then()
                    .statusCode(200);
            asAgent().get("/api/customers/" + ID).then().statusCode(200);

            String decisionId = withDevKey().contentType(ContentType.JSON).body("""
                            {"customerId": "C-PII-Q7X", "touchpoint": "web", "explain": true}
                            """).post("/api/decisions").then().statusCode(200).extract().path("decisionId");
            String offerId = asAgent().contentType(ContentType.JSON).body("""
                            {"customerId": "C-PII-Q7X", "touchpoint": "sms"}
                            """).post("/api/decisions").then().statusCode(200).extract().path("offers[0].offerId");
            asAgent().contentType(ContentType.JSON).body("""
                    {"offerId": "NOT-MADE", "outcome": "accepted"}
                    """).post("/api/decisions/" + decisionId + "/outcomes").then().statusCode(422);
            asAgent().get("/api/customers/" + ID + "/history").then().statusCode(200);
            assertThat(offerId).isNotNull();

            // Refused and failing requests carrying the personal data.
            asAdmin().contentType(ContentType.JSON).body(PROFILE.replace("\"age\": 37", "\"age\": \"Zyxwold\""))
                    .put("/api/customers/" + ID).then().statusCode(400);
            asAdmin().contentType(ContentType.JSON).body(PROFILE.replace("}", "")).put("/api/customers/" + ID)
                    .then().statusCode(400);
            asAgent().contentType(ContentType.JSON).body(PROFILE).post("/api/customers").then().statusCode(403);
            asAdmin().contentType(ContentType.JSON).body(PROFILE.replace("\"Zyxwold\"", "\"" + FORBIDDEN_REGION
                    + "\"")).put("/api/customers/" + ID).then().statusCode(500);

            await().atMost(Duration.ofSeconds(10)).until(() -> this.log.backlog() == 0);
            log = capture.text();
        }

        assertThat(log).as("the failed write was logged, so the capture saw the error path")
                .contains("Unexpected error serving a request");
        for (String value : PERSONAL) {
            assertThat(log).as("the log holds '" + value + "'").doesNotContain(value);
        }
    }

    private void sql(String statement) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}

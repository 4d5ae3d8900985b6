package io.nbo.security;

import static io.nbo.support.Callers.asAdmin;
import static io.nbo.support.Callers.asAgent;
import static io.nbo.support.Callers.withDevKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.nbo.contact.LoggedDecision;
import io.nbo.contact.persistence.DecisionLogRepository;
import io.nbo.contact.service.DecisionLog;
import io.nbo.fixtures.ContactHistoryFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A channel client decides and records outcomes with its API key, and the log names who asked for each decision. */
@QuarkusTest
class ApiKeyAccessTest {

    private static final String VISITOR = "C-KEY-VISITOR";
    private static final String ON_THE_WEB = """
            {"customerId": "C-KEY-VISITOR", "touchpoint": "web"}
            """;

    @Inject
    DecisionLog log;

    @Inject
    DecisionLogRepository decisions;

    @Inject
    ContactHistoryFixture history;

    @BeforeEach
    void cleanHistory() {
        history.forget(VISITOR);
    }

    @Test
    void theLogNamesTheApiKeyOrTheUserThatAsked() throws Exception {
        assertThat(requestedBy(withDevKey())).isEqualTo("key:dev-client");
        assertThat(requestedBy(asAgent())).isEqualTo("agent");
        assertThat(requestedBy(asAdmin())).isEqualTo("admin");
    }

    @Test
    void aChannelClientRecordsTheOutcomeOfItsOwnDecision() {
        var answer = withDevKey().contentType(ContentType.JSON).body(ON_THE_WEB).post("/api/decisions")
                .then().statusCode(200)
                .body("offers[0].offerId", equalTo("WELCOME-10"))
                .extract().jsonPath();
        withDevKey().contentType(ContentType.JSON).body("""
                        {"offerId": "WELCOME-10", "outcome": "clicked"}
                        """)
                .post("/api/decisions/" + answer.getString("decisionId") + "/outcomes")
                .then().statusCode(201).body("outcome", equalTo("clicked"));
    }

    private String requestedBy(RequestSpecification caller) throws InterruptedException {
        String id = caller.contentType(ContentType.JSON).body(ON_THE_WEB).post("/api/decisions")
                .then().statusCode(200).extract().path("decisionId");
        assertThat(log.awaitWritten(id, Duration.ofSeconds(10))).isTrue();
        LoggedDecision logged = decisions.find(id).orElseThrow();
        return logged.requestedBy();
    }
}

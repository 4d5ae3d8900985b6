package io.nbo.profile.rest;

import static io.nbo.support.Callers.asAdmin;
import static io.nbo.support.Callers.asAgent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.nbo.fixtures.ContactHistoryFixture;
import io.nbo.security.Pseudonyms;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Erasing a customer deletes the profile and cached copies, and replaces the id in the decision log and outcomes with a
 * stable one-way token; again is harmless, an id we never held is 404.
 */
@QuarkusTest
class CustomerErasureTest {

    private static final String CUSTOMER = """
            {"id": "C-ERASE-1", "age": 44, "timeZone": "Europe/London", "consents": ["sms", "email"],
             "lifecycleStage": "active", "engagement": "unknown", "churnRisk": 0.8, "preferredChannels": ["sms"]}
            """;
    private static final String ON_THE_WEB = """
            {"customerId": "%s", "touchpoint": "web"}
            """;

    @Inject
    DataSource dataSource;

    @Inject
    Pseudonyms pseudonyms;

    @Inject
    ContactHistoryFixture history;

    @BeforeEach
    void customer() {
        history.forget("C-ERASE-1", "visitor-erase-1", pseudonyms.token("C-ERASE-1"),
                pseudonyms.token("visitor-erase-1"));
        asAdmin().contentType(ContentType.JSON).body(CUSTOMER).post("/api/customers");
        asAdmin().contentType(ContentType.JSON).body(CUSTOMER).put("/api/customers/C-ERASE-1").then().statusCode(200);
    }

    @Test
    void erasureDeletesTheProfileAndPseudonymisesTheContactHistory() throws Exception {
        JsonPath first = decide("C-ERASE-1");
        String offer = first.getString("offers[0].offerId");
        asAgent().contentType(ContentType.JSON).body("""
                {"offerId": "%s", "outcome": "opened"}
                """.formatted(offer)).post("/api/decisions/" + first.getString("decisionId") + "/outcomes")
                .then().statusCode(201);
        decide("C-ERASE-1");
        asAgent().get("/api/customers/C-ERASE-1").then().statusCode(200);
        asAgent().get("/api/customers/C-ERASE-1/history").then().body("$", hasSize(first.getList("offers").size()
                * 2 + 1));

        String token = pseudonyms.token("C-ERASE-1");
        asAdmin().delete("/api/customers/C-ERASE-1").then().statusCode(200)
                .body("pseudonym", equalTo(token))
                .body("profileDeleted", equalTo(true))
                .body("decisionsPseudonymised", equalTo(2))
                .body("outcomesPseudonymised", equalTo(1))
                .body("alreadyErased", equalTo(false));

        asAgent().get("/api/customers/C-ERASE-1").then().statusCode(404);
        asAgent().get("/api/customers/C-ERASE-1/history").then().statusCode(200).body("$", empty());
        assertThat(count("select count(*) from customer where id = ?", "C-ERASE-1")).isZero();
        assertThat(count("select count(*) from decision_log where customer_id = ?", "C-ERASE-1")).isZero();
        assertThat(count("select count(*) from decision_outcome where customer_id = ?", "C-ERASE-1")).isZero();
        assertThat(count("select count(*) from decision_log where customer_id = ?", token)).isEqualTo(2);
        assertThat(count("select count(*) from decision_outcome where customer_id = ?", token)).isEqualTo(1);
        assertThat(token).matches("erased-[0-9a-f]{32}").doesNotContain("C-ERASE-1");
    }

    @Test
    void erasingAgainChangesNothingAndSaysSo() {
        decide("C-ERASE-1");
        String at = asAdmin().delete("/api/customers/C-ERASE-1").then().statusCode(200).extract().path("erasedAt");

        asAdmin().delete("/api/customers/C-ERASE-1").then().statusCode(200)
                .body("alreadyErased", equalTo(true))
                .body("profileDeleted", equalTo(false))
                .body("decisionsPseudonymised", equalTo(0))
                .body("firstErasedAt", equalTo(at));
    }

    @Test
    void aVisitorWithDecisionsButNoProfileIsErasedToo() {
        decide("visitor-erase-1");
        asAdmin().delete("/api/customers/visitor-erase-1").then().statusCode(200)
                .body("profileDeleted", equalTo(false))
                .body("decisionsPseudonymised", equalTo(1));
    }

    @Test
    void anIdWeNeverHeldIs404() {
        asAdmin().delete("/api/customers/C-NEVER-SEEN").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("No customer, decision or outcome with customer id 'C-NEVER-SEEN'; nothing "
                        + "to erase"));
    }

    private static JsonPath decide(String customerId) {
        return asAgent().contentType(ContentType.JSON).body(ON_THE_WEB.formatted(customerId)).post("/api/decisions")
                .then().statusCode(200).body("offers", not(empty())).extract().jsonPath();
    }

    private long count(String sql, String id) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}

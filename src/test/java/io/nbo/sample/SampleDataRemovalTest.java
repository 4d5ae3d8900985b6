package io.nbo.sample;

import static io.nbo.support.Callers.asAdmin;
import static io.nbo.support.Callers.asAgent;
import static io.nbo.support.Callers.asMarketer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.nbo.profile.service.ProfileService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Removing the sample data takes exactly what the sample loader wrote and nobody changed since, and it never comes
 * back. Runs on its own server (40 generated customers) because it retires the whole sample catalogue.
 */
@QuarkusTest
@TestProfile(SampleDataRemovalTest.FortySampleCustomers.class)
class SampleDataRemovalTest {

    /** The test profile, with 40 generated customers. */
    public static class FortySampleCustomers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("nbo.sample-data.customers", "40");
        }
    }

    private static final String REAL_CUSTOMER = """
            {"id": "C-REAL-1", "timeZone": "Europe/London", "consents": ["email"], "lifecycleStage": "active"}
            """;
    private static final String ADOPTED_SAMPLE = """
            {"id": "C0000007", "timeZone": "Europe/Berlin", "consents": ["sms"], "lifecycleStage": "active"}
            """;
    private static final String REAL_OFFER = """
            {"id": "REAL-OFFER", "name": "A real offer", "kind": "coupon", "channels": ["web"]}
            """;

    @Inject
    SampleDataLoader loader;

    @Inject
    ProfileService profiles;

    @Inject
    DataSource dataSource;

    @Test
    void removesOnlyWhatTheLoaderWroteAndNobodyChangedAndNeverBringsItBack() throws Exception {
        asAdmin().contentType(ContentType.JSON).body(REAL_CUSTOMER).post("/api/customers").then().statusCode(201);
        asAdmin().contentType(ContentType.JSON).body(ADOPTED_SAMPLE).put("/api/customers/C0000007").then()
                .statusCode(200);
        asMarketer().contentType(ContentType.JSON).body(REAL_OFFER).post("/api/offers").then().statusCode(201);

        asAdmin().queryParam("dryRun", "true").delete("/api/sample-data").then().statusCode(200)
                .body("dryRun", equalTo(true))
                .body("customersDeleted", equalTo(39))
                .body("offersRetired.size()", equalTo(33))
                .body("offersRetired", hasItem("WELCOME-10"))
                .body("fallbackUnset", equalTo(true));
        asAgent().get("/api/customers/C0000001").then().statusCode(200);
        asMarketer().get("/api/offers/WELCOME-10").then().body("state", equalTo("active"));

        asAdmin().delete("/api/sample-data").then().statusCode(200)
                .body("dryRun", equalTo(false))
                .body("customersDeleted", equalTo(39))
                .body("offersRetired.size()", equalTo(33))
                .body("fallbackUnset", equalTo(true));

        asAgent().get("/api/customers/C0000001").then().statusCode(404);
        asAgent().get("/api/customers/C0000040").then().statusCode(404);
        asAgent().get("/api/customers/C0000007").then().statusCode(200).body("timeZone", equalTo("Europe/Berlin"));
        asAgent().get("/api/customers/C-REAL-1").then().statusCode(200);
        asMarketer().get("/api/offers").then().statusCode(200).body("id", contains("REAL-OFFER"));
        asMarketer().queryParam("include", "retired").get("/api/offers").then()
                .body("findAll { it.id != 'REAL-OFFER' }.state", everyItem(equalTo("retired")))
                .body("size()", equalTo(34));
        asMarketer().get("/api/settings/fallback-offer").then().body("offerId", nullValue())
                .body("setBy", equalTo("admin"));

        asAdmin().delete("/api/sample-data").then().statusCode(200)
                .body("customersDeleted", equalTo(0))
                .body("offersRetired.size()", equalTo(0))
                .body("fallbackUnset", equalTo(false));

        // A restart on an emptied database would load the samples again, were the removal not remembered.
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("delete from customer");
        }
        loader.onStart(null);
        assertThat(profiles.count()).isZero();
        asMarketer().get("/api/offers").then().body("id", contains("REAL-OFFER"));
        asMarketer().queryParam("include", "retired").get("/api/offers").then()
                .body("findAll { it.id == 'WELCOME-10' }.state", equalTo(List.of("retired")));
    }
}

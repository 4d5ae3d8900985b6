package io.nbo.offer.rest;

import static io.nbo.support.Callers.asAdmin;
import static io.nbo.support.Callers.asAgent;
import static io.nbo.support.Callers.asMarketer;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.nbo.fixtures.ContactHistoryFixture;
import io.nbo.fixtures.OfferFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DELETE retires an offer: it is no candidate from the next decision on, stays readable with its state for history and
 * reports, never changes again, and a table row still naming it is a warning that blocks nothing.
 */
@QuarkusTest
class OfferRetirementTest {

    private static final String WARRANTY = "ELEC-WARRANTY";
    private static final String BIG_SPENDER = """
            {"id": "C-RETIRE-1", "timeZone": "Europe/London", "consents": ["email"], "lifecycleStage": "active",
             "engagement": "high", "monetary": 1500, "topCategories": ["electronics"]}
            """;

    @Inject
    OfferFixture offers;

    @Inject
    ContactHistoryFixture history;

    @BeforeEach
    void customer() {
        if (asAdmin().contentType(ContentType.JSON).body(BIG_SPENDER).put("/api/customers/C-RETIRE-1")
                .statusCode() == 404) {
            asAdmin().contentType(ContentType.JSON).body(BIG_SPENDER).post("/api/customers").then().statusCode(201);
        }
        history.forget("C-RETIRE-1");
    }

    @AfterEach
    void putItBack() {
        offers.unretire(WARRANTY);
        history.forget("C-RETIRE-1");
    }

    @Test
    void aRetiredOfferIsNoCandidateFromTheNextDecisionAndStaysForHistory() {
        decideInTheCallCentre().body("offers.offerId", hasItem(WARRANTY));

        asMarketer().delete("/api/offers/" + WARRANTY).then().statusCode(200)
                .body("id", equalTo(WARRANTY))
                .body("state", equalTo("retired"))
                .body("retiredAt", notNullValue());

        decideInTheCallCentre()
                .body("offers.offerId", not(hasItem(WARRANTY)))
                .body("notChosen.offerId", not(hasItem(WARRANTY)));
        asAgent().get("/api/customers/C-RETIRE-1/history").then().statusCode(200)
                .body("find { it.offerId == 'ELEC-WARRANTY' }.offerName", equalTo("Extended warranty"));
    }

    @Test
    void aRetiredOfferIsListedOnlyWhenAskedAndReadWithItsState() {
        asMarketer().delete("/api/offers/" + WARRANTY).then().statusCode(200);

        asMarketer().get("/api/offers").then().statusCode(200)
                .body("id", not(hasItem(WARRANTY)))
                .body("state", not(hasItem("retired")));
        asMarketer().queryParam("include", "retired").get("/api/offers").then().statusCode(200)
                .body("find { it.id == 'ELEC-WARRANTY' }.state", equalTo("retired"))
                .body("find { it.id == 'ELEC-10' }.state", equalTo("active"))
                .body("find { it.id == 'ELEC-10' }.retiredAt", nullValue());
        asAgent().get("/api/offers/" + WARRANTY).then().statusCode(200).body("state", equalTo("retired"));
        asMarketer().queryParam("include", "everything").get("/api/offers").then().statusCode(400)
                .body("field", equalTo("include"))
                .body("detail", equalTo("include takes 'retired' (to list retired offers too), got 'everything'"));
    }

    @Test
    void retiringIsIdempotentAndARetiredOfferNeverChangesOrComesBack() {
        String at = asMarketer().delete("/api/offers/" + WARRANTY).then().statusCode(200).extract().path("retiredAt");
        asAdmin().delete("/api/offers/" + WARRANTY).then().statusCode(200).body("retiredAt", equalTo(at));

        String body = """
                {"id": "ELEC-WARRANTY", "name": "Extended warranty", "kind": "service", "channels": ["email"]}
                """;
        asMarketer().contentType(ContentType.JSON).body(body).put("/api/offers/" + WARRANTY).then().statusCode(409)
                .body("detail", equalTo("Offer 'ELEC-WARRANTY' is retired and cannot change; it stays as it was for "
                        + "history and reports. Add a new offer instead"));
        asMarketer().contentType(ContentType.JSON).body(body).post("/api/offers").then().statusCode(409)
                .body("detail", equalTo("The offer id 'ELEC-WARRANTY' belonged to an offer retired on "
                        + at.substring(0, 10) + "; ids are never reused (history names them), choose another"));
        asMarketer().delete("/api/offers/NO-SUCH-OFFER").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("No offer with id 'NO-SUCH-OFFER'"));
    }

    @Test
    void theFallbackOfferCannotBeRetired() {
        asMarketer().delete("/api/offers/WELCOME-10").then().statusCode(409)
                .body("detail", equalTo("Offer 'WELCOME-10' is the fallback offer; set another fallback (PUT "
                        + "/api/settings/fallback-offer) before retiring it"));
    }

    @Test
    void aTableRowNamingARetiredOfferIsAWarningThatBlocksNoUpload() {
        asMarketer().delete("/api/offers/" + WARRANTY).then().statusCode(200);
        byte[] table = asMarketer().get("/api/rulesets/electronics.drl.csv").then().statusCode(200).extract()
                .asByteArray();

        asMarketer().contentType("text/csv").body(table).post("/api/rulesets/electronics.drl.csv/validate")
                .then().statusCode(200)
                .body("valid", equalTo(true))
                .body("errors.size()", equalTo(0))
                .body("warnings.find { it.message.contains('ELEC-WARRANTY') }.cell", equalTo("F13"))
                .body("warnings.find { it.message.contains('ELEC-WARRANTY') }.message", equalTo(
                        "'Make eligible' names offer 'ELEC-WARRANTY', which is retired: this row no longer makes it "
                                + "a candidate; remove the row or name a live offer"));
    }

    private static ValidatableResponse decideInTheCallCentre() {
        return asAgent().contentType(ContentType.JSON).body("""
                        {"customerId": "C-RETIRE-1", "touchpoint": "call-centre", "explain": true}
                        """)
                .post("/api/decisions").then().statusCode(200);
    }
}

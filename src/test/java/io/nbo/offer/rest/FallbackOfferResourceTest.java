package io.nbo.offer.rest;

import static io.nbo.support.Callers.asAdmin;
import static io.nbo.support.Callers.asAgent;
import static io.nbo.support.Callers.asMarketer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
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

/** Marketers set the fallback offer; it must be live and active, and the next decision falls back on it. */
@QuarkusTest
class FallbackOfferResourceTest {

    /** A member on the web whom no table row makes any offer eligible for. */
    private static final String MEMBER = """
            {"id": "C-FALLBACK-1", "timeZone": "Europe/London", "consents": ["email"], "tags": ["app-user"],
             "lifecycleStage": "active", "engagement": "unknown"}
            """;
    private static final String MEMBER_ON_THE_WEB = """
            {"customerId": "C-FALLBACK-1", "touchpoint": "web"}
            """;

    @Inject
    OfferFixture offers;

    @Inject
    ContactHistoryFixture history;

    @BeforeEach
    void member() {
        if (asAdmin().contentType(ContentType.JSON).body(MEMBER).put("/api/customers/C-FALLBACK-1")
                .statusCode() == 404) {
            asAdmin().contentType(ContentType.JSON).body(MEMBER).post("/api/customers").then().statusCode(201);
        }
        history.forget("C-FALLBACK-1");
    }

    @AfterEach
    void backToTheDefault() {
        offers.unretire("BUNDLE-WEEKEND");
        set("WELCOME-10").statusCode(200);
        history.forget("C-FALLBACK-1");
    }

    @Test
    void theConfiguredDefaultServesUntilAMarketerSetsAnotherAndTheNextDecisionUsesIt() {
        asMarketer().get("/api/settings/fallback-offer").then().statusCode(200)
                .body("offerId", equalTo("WELCOME-10"))
                .body("name", equalTo("10% off your first order"))
                .body("state", equalTo("active"))
                .body("serving", equalTo(true));
        decide().body("fallback", equalTo(true)).body("offers.offerId", contains("WELCOME-10"));

        set("ELEC-10").statusCode(200)
                .body("offerId", equalTo("ELEC-10"))
                .body("setBy", equalTo("marketer"))
                .body("setAt", notNullValue());

        decide().body("fallback", equalTo(true)).body("offers.offerId", contains("ELEC-10"))
                .body("offers[0].channel", equalTo("web"));
        asMarketer().get("/api/settings/fallback-offer").then().body("offerId", equalTo("ELEC-10"))
                .body("setBy", equalTo("marketer"));
    }

    @Test
    void noFallbackMeansAnEmptyAnswer() {
        asMarketer().contentType(ContentType.JSON).body("""
                {"offerId": null}
                """).put("/api/settings/fallback-offer").then().statusCode(200)
                .body("offerId", nullValue())
                .body("serving", equalTo(false));
        decide().body("fallback", equalTo(false)).body("offers.size()", equalTo(0));
    }

    @Test
    void onlyALiveActiveOfferOfTheCatalogueMayBeTheFallback() {
        set("NO-SUCH-OFFER").statusCode(422).contentType("application/problem+json")
                .body("detail", equalTo("no offer with id 'NO-SUCH-OFFER' in the catalogue; GET /api/offers lists "
                        + "them"));
        asMarketer().delete("/api/offers/BUNDLE-WEEKEND").then().statusCode(200);
        set("BUNDLE-WEEKEND").statusCode(422)
                .body("detail", equalTo("offer 'BUNDLE-WEEKEND' is retired; choose a live offer"));
        asMarketer().contentType(ContentType.JSON).body("""
                {"id": "TEST-FALLBACK-PAUSED", "name": "Paused", "kind": "coupon", "channels": ["web"],
                 "active": false}
                """).post("/api/offers");
        set("TEST-FALLBACK-PAUSED").statusCode(422)
                .body("detail", equalTo("offer 'TEST-FALLBACK-PAUSED' is paused (active: false); activate it first "
                        + "or choose another"));
        asMarketer().contentType(ContentType.JSON).put("/api/settings/fallback-offer").then().statusCode(400)
                .body("field", equalTo("body"));
        asMarketer().get("/api/settings/fallback-offer").then().body("offerId", equalTo("WELCOME-10"));
    }

    private static ValidatableResponse set(String offerId) {
        return asMarketer().contentType(ContentType.JSON).body("""
                {"offerId": "%s"}
                """.formatted(offerId)).put("/api/settings/fallback-offer").then();
    }

    private static ValidatableResponse decide() {
        return asAgent().contentType(ContentType.JSON).body(MEMBER_ON_THE_WEB).post("/api/decisions").then()
                .statusCode(200);
    }
}

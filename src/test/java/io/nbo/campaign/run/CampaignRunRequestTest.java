package io.nbo.campaign.run;

import static io.nbo.support.Callers.asMarketer;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Every request a run cannot start from is answered with problem+json naming the field and what to do. */
@QuarkusTest
class CampaignRunRequestTest {

    @Inject
    CampaignFixture fixture;

    private static ValidatableResponse post(String body) {
        return asMarketer().contentType(ContentType.JSON).body(body).post("/api/campaigns/runs").then()
                .contentType("application/problem+json");
    }

    @Test
    void anUnknownSegmentIsUnprocessable() {
        post("""
                {"audience": {"segment": "nobody-is-here"}, "channels": ["email"], "sendDate": "2026-11-24"}
                """).statusCode(422).body("detail", equalTo("audience.segment: no customer is in segment "
                + "'nobody-is-here'; check the name (segments are assigned by segment rows or set on profiles)"));
    }

    @Test
    void anUnknownOfferIsUnprocessable() {
        String segment = fixture.customers(1).name();
        post("""
                {"audience": {"segment": "%s"}, "channels": ["email"], "sendDate": "2026-11-24",
                 "offers": ["RET-15", "NO-SUCH-OFFER"]}
                """.formatted(segment)).statusCode(422)
                .body("detail", equalTo("offers: unknown offer 'NO-SUCH-OFFER'; GET /api/offers lists the catalogue"));
    }

    @Test
    void noChannelsAreRefusedNamingTheField() {
        post("""
                {"audience": {"all": true}, "channels": [], "sendDate": "2026-11-24"}
                """).statusCode(400).body("field", equalTo("channels"))
                .body("detail", equalTo("name at least one channel to send on: email, sms, push, social"));
    }

    @Test
    void anInboundChannelIsRefused() {
        post("""
                {"audience": {"all": true}, "channels": ["web"], "sendDate": "2026-11-24"}
                """).statusCode(400).body("field", equalTo("channels"))
                .body("detail", equalTo("'web' is an inbound channel (the customer comes to it); a campaign sends "
                        + "on email, sms, push, social"));
    }

    @Test
    void aPastSendDateIsRefused() {
        post("""
                {"audience": {"all": true}, "channels": ["email"], "sendDate": "2026-11-20"}
                """).statusCode(400).body("field", equalTo("sendDate"))
                .body("detail", equalTo("sendDate 2026-11-20 is in the past (today is 2026-11-23 UTC); a run sends "
                        + "today or later"));
    }

    @Test
    void twoAudiencesAtOnceAreRefused() {
        post("""
                {"audience": {"all": true, "segment": "x"}, "channels": ["email"], "sendDate": "2026-11-24"}
                """).statusCode(400).body("field", equalTo("audience"))
                .body("detail", equalTo("name exactly one audience: a segment, a list of customerIds or all; got 2"));
    }

    @Test
    void anUnknownRunIsNotFound() {
        asMarketer().get("/api/campaigns/runs/no-such-run").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("No campaign run with id 'no-such-run'; quote the id POST "
                        + "/api/campaigns/runs answered"));
    }
}

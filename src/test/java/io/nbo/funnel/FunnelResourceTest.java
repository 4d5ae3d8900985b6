package io.nbo.funnel;

import static io.nbo.funnel.FunnelHistoryFixture.OFFER_A;
import static io.nbo.funnel.FunnelHistoryFixture.OFFER_B;
import static io.nbo.support.Callers.asAgent;
import static io.nbo.support.Callers.asMarketer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The funnel API on PostgreSQL, over the hand-built history of {@link FunnelHistoryFixture}: exact counts. */
@QuarkusTest
class FunnelResourceTest {

    @Inject
    FunnelHistoryFixture history;

    @BeforeEach
    void history() {
        history.load();
    }

    @Test
    void daysInUtcCountTheOffersMadeEachDayAndWhatBecameOfThem() {
        asMarketer().queryParam("from", "2025-03-03").queryParam("to", "2025-03-16")
                .when().get("/api/offers/" + OFFER_A + "/funnel")
                .then().statusCode(200)
                .body("offerId", equalTo(OFFER_A))
                .body("offerName", equalTo("Funnel test A"))
                .body("zone", equalTo("UTC"))
                .body("bucket", equalTo("day"))
                .body("buckets.size()", equalTo(14))
                .body("buckets.start[0]", equalTo("2025-03-03"))
                .body("buckets.end[13]", equalTo("2025-03-16"))
                .body("buckets.offered", equalTo(List.of(2, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0)))
                .body("buckets.opened", equalTo(List.of(2, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0)))
                .body("buckets.rejected", equalTo(List.of(0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)))
                .body("buckets[0].clicked", equalTo(1))
                .body("buckets[0].accepted", equalTo(1))
                .body("buckets[0].purchased", equalTo(1))
                .body("buckets[7].sent", equalTo(1))
                .body("buckets[7].delivered", equalTo(1))
                .body("total.offered", equalTo(4))
                .body("total.sent", equalTo(1))
                .body("total.delivered", equalTo(1))
                .body("total.opened", equalTo(3))
                .body("total.clicked", equalTo(1))
                .body("total.accepted", equalTo(1))
                .body("total.rejected", equalTo(1))
                .body("total.purchased", equalTo(1));
    }

    @Test
    void daysInAZoneMoveDecisionsMadeNearMidnight() {
        asMarketer().queryParam("from", "2025-03-03").queryParam("to", "2025-03-16")
                .queryParam("zone", "Europe/Berlin")
                .when().get("/api/offers/" + OFFER_A + "/funnel")
                .then().statusCode(200)
                .body("zone", equalTo("Europe/Berlin"))
                .body("buckets.offered", equalTo(List.of(2, 1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0)))
                .body("buckets.opened", equalTo(List.of(1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0)))
                .body("total.offered", equalTo(5));
    }

    @Test
    void weeksRunMondayToSundayClippedToTheRange() {
        asMarketer().queryParam("from", "2025-03-05").queryParam("to", "2025-03-16").queryParam("bucket", "week")
                .when().get("/api/offers/" + OFFER_A + "/funnel")
                .then().statusCode(200)
                .body("bucket", equalTo("week"))
                .body("buckets.start", contains("2025-03-05", "2025-03-10"))
                .body("buckets.end", contains("2025-03-09", "2025-03-16"))
                .body("buckets.offered", contains(1, 1))
                .body("buckets.rejected", contains(1, 0))
                .body("buckets.opened", contains(0, 1));
    }

    @Test
    void theSummaryListsEveryOfferMostOfferedFirst() {
        asMarketer().queryParam("from", "2025-03-03").queryParam("to", "2025-03-16")
                .when().get("/api/offers/funnel")
                .then().statusCode(200)
                .body("from", equalTo("2025-03-03"))
                .body("to", equalTo("2025-03-16"))
                .body("offers[0].offerId", equalTo(OFFER_A))
                .body("offers[0].offered", equalTo(4))
                .body("offers[0].opened", equalTo(3))
                .body("offers[1].offerId", equalTo(OFFER_B))
                .body("offers[1].offerName", equalTo("Funnel test B"))
                .body("offers[1].offered", equalTo(1))
                .body("offers[1].opened", equalTo(1))
                .body("offers[1].rejected", equalTo(0))
                .body("offers.findAll { it.offered > 0 }.size()", equalTo(2))
                .body("offers.find { it.offerId == 'COFFEE-AM' }.offered", equalTo(0))
                .body("total.offered", equalTo(5))
                .body("total.opened", equalTo(4))
                .body("total.purchased", equalTo(1));
    }

    @Test
    void badRangesAreRefusedNamingTheParameter() {
        refused("from=2025-03-10&to=2025-03-01", "from", "from (2025-03-10) is after to (2025-03-01); the range "
                + "runs from its first day to its last, both included");
        refused("from=10/03/2025", "from", "from takes a date as yyyy-MM-dd (2026-11-23), got '10/03/2025'");
        refused("from=2020-01-01&to=2025-01-01", "to", "the range 2020-01-01 to 2025-01-01 covers 1828 days; a "
                + "report covers at most 731 (nbo.funnel.max-days): ask for a shorter range");
        refused("bucket=month", "bucket", "bucket takes 'day' or 'week', got 'month'");
        refused("zone=Mars/Olympus", "zone", "zone takes a time zone such as Europe/London or UTC, got "
                + "'Mars/Olympus'");
    }

    @Test
    void anUnknownOfferIsNotFoundAndAgentsMayNotReadFunnels() {
        asMarketer().when().get("/api/offers/NO-SUCH-OFFER/funnel")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("No offer with id 'NO-SUCH-OFFER' in the catalogue (retired offers "
                        + "included)"));
        asAgent().when().get("/api/offers/" + OFFER_A + "/funnel").then().statusCode(403);
        asAgent().when().get("/api/offers/funnel").then().statusCode(403);
    }

    private static void refused(String query, String field, String detail) {
        asMarketer().when().get("/api/offers/" + OFFER_A + "/funnel?" + query)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo(field))
                .body("detail", equalTo(detail));
    }
}

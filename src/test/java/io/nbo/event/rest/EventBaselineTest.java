package io.nbo.event.rest;

import static io.nbo.support.Callers.asAdmin;
import static io.nbo.support.Callers.asAgent;
import static io.nbo.support.Callers.withDevKey;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.nbo.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Imported purchase figures are the baseline events add to (docs/customer-data.md): a customer imported with 4
 * purchases and 100.00 in 12 months, then one purchase event of 9.00, has 5 and 109.00; a purchase that happened
 * before the import is stored but not counted twice.
 */
@QuarkusTest
class EventBaselineTest {

    private static final String PURCHASE = """
            {"eventId": "%s", "customerId": "C-BL-1", "type": "purchase", "occurredAt": "%s", "channel": "in-store",
             "items": [{"item": "flat-white", "category": "coffee", "quantity": 2, "price": %s}]}
            """;

    @Inject
    EventTestData data;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anImportedBaselinePlusOnePurchaseEventAndAnOlderEventNotCountedTwice() throws Exception {
        data.forget("C-BL-1");
        importAndWait("""
                id,timeZone,recencyDays,frequency,monetary,topCategories,topItems,lifecycleStage
                C-BL-1,UTC,20,4,100.00,"tea,cakes",earl-grey,active
                """); // as of 2026-11-23T12:00Z (the test clock): last purchase 2026-11-03

        clock.set(Instant.parse("2026-11-25T12:00:00Z"));
        send(PURCHASE.formatted("bl-1", "2026-11-24T10:00:00Z", "4.50")).statusCode(201);
        asAgent().get("/api/customers/C-BL-1").then().statusCode(200)
                .body("frequency", equalTo(5))
                .body("monetary", equalTo(109.00f))
                .body("recencyDays", equalTo(1))
                .body("topCategories", contains("tea", "cakes", "coffee"))
                .body("topItems", contains("earl-grey", "flat-white"))
                .body("lifecycleStage", equalTo("active"))
                // 1 - e^(-5/365 x 1) = 0.0136; 109.00 x 0.9864 = 107.5176
                .body("churnRisk", equalTo(0.0136f))
                .body("predictedValue", equalTo(107.52f));

        // Bought on the 20th, sent after the import of the 23rd: the imported figures hold it already.
        send(PURCHASE.formatted("bl-0", "2026-11-20T10:00:00Z", "15.00")).statusCode(201)
                .body("status", equalTo("accepted"));
        asAgent().get("/api/customers/C-BL-1").then()
                .body("frequency", equalTo(5))
                .body("monetary", equalTo(109.00f))
                .body("recencyDays", equalTo(1));
        asAgent().get("/api/customers/C-BL-1/events").then().statusCode(200)
                .body("eventId", contains("bl-1", "bl-0"));
    }

    private static io.restassured.response.ValidatableResponse send(String body) {
        return withDevKey().contentType(ContentType.JSON).body(body).post("/api/events").then();
    }

    private static void importAndWait(String body) {
        String location = asAdmin().contentType("text/csv").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/customers/imports").then().statusCode(202).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> "DONE".equals(asAdmin().get("/api/customers/imports/"
                + id).then().extract().path("phase")));
    }
}

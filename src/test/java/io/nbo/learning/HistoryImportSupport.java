package io.nbo.learning;

import static io.nbo.support.Callers.asMarketer;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Imports a history file through the API and waits for its job to finish. */
final class HistoryImportSupport {

    private HistoryImportSupport() {
    }

    static JsonPath importAndWait(String body, String contentType) {
        String location = asMarketer().contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8)).post("/api/history/imports").then()
                .statusCode(202).extract().header("Location");
        String path = location.substring(location.indexOf("/api/"));
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            String phase = asMarketer().get(path).jsonPath().getString("phase");
            return phase.equals("done") || phase.equals("failed");
        });
        return asMarketer().get(path).then().statusCode(200).extract().jsonPath();
    }
}

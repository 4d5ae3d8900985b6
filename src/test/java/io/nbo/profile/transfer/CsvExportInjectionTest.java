package io.nbo.profile.transfer;

import static io.nbo.support.Callers.asAdmin;
import static io.nbo.support.Callers.asAgent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CSV export neutralises cells a spreadsheet would run as formulas (OWASP CSV injection) with a leading quote,
 * leaves number cells as they are ({@code -5}), and the import takes the quote off again.
 */
@QuarkusTest
class CsvExportInjectionTest {

    @Test
    void formulaCellsAreQuotedNumbersAreNotAndTheExportImportsBackUnchanged() {
        for (String body : List.of("{\"name\": \"inj_balance\", \"type\": \"number\"}",
                "{\"name\": \"inj_note\", \"type\": \"text\"}")) {
            asAdmin().contentType(ContentType.JSON).body(body).post("/api/attributes");
        }
        asAdmin().delete("/api/customers/C-INJ-1");
        asAdmin().contentType(ContentType.JSON).body("""
                {"id": "C-INJ-1", "name": "=HYPERLINK(\\"http://evil.example\\")", "phone": "+44 20 7946 0958",
                 "timeZone": "UTC", "lifecycleStage": "prospect", "engagement": "unknown",
                 "attributes": {"inj_balance": -5, "inj_note": "@SUM(A1)"}}
                """).post("/api/customers").then().statusCode(201);

        String csv = asAdmin().get("/api/customers/export?format=csv").then().statusCode(200).extract().asString();
        List<String> header = List.of(csv.lines().findFirst().orElseThrow().split(","));
        String row = csv.lines().filter(l -> l.startsWith("C-INJ-1,")).findFirst().orElseThrow();

        assertThat(row).startsWith("C-INJ-1,\"'=HYPERLINK(\"\"http://evil.example\"\")\",,'+44 20 7946 0958,,,,,UTC,"
                + ",,,prospect,unknown,,0,0.00,,,,0.00,0.0,");
        List<String> cells = List.of(row.split(",", -1));
        assertThat(cells.get(header.indexOf("inj_balance"))).isEqualTo("-5");
        assertThat(cells.get(header.indexOf("inj_note"))).isEqualTo("'@SUM(A1)");

        JsonPath back = importAndWait(csv.lines().findFirst().orElseThrow() + "\n" + row + "\n");
        assertThat(back.getLong("accepted")).isEqualTo(1);
        assertThat(back.getLong("unchanged")).isEqualTo(1);
        asAgent().get("/api/customers/C-INJ-1").then().statusCode(200)
                .body("name", equalTo("=HYPERLINK(\"http://evil.example\")"))
                .body("phone", equalTo("+44 20 7946 0958"))
                .body("attributes.inj_note", equalTo("@SUM(A1)"));
    }

    private static JsonPath importAndWait(String body) {
        String location = asAdmin().contentType("text/csv").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/customers/imports").then().statusCode(202).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> "DONE".equals(asAdmin().get("/api/customers/imports/"
                + id).then().extract().path("phase")));
        return asAdmin().get("/api/customers/imports/" + id).then().statusCode(200).extract().jsonPath();
    }
}

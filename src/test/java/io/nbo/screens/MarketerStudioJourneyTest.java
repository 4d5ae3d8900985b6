package io.nbo.screens;

import static io.nbo.support.Callers.asAdmin;
import static io.nbo.support.Callers.asMarketer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.nbo.experiment.LiftHistoryFixture;
import io.nbo.funnel.FunnelHistoryFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/**
 * The marketer's journeys through the studio in headless Chromium, against the real server: a broken table refused
 * with its located error, a good one checked, simulated, put live and rolled back (checked through the API too); the
 * funnel and lift charts drawn from a hand-built history, their data read back from Chart.js.
 */
@QuarkusTest
class MarketerStudioJourneyTest extends BrowserTest {

    private static final String TABLE = "electronics.drl.csv";
    private static final String FANS_ON_EMAIL = "Electronics fans on email,electronics,email,,,ELEC-10";
    private static final Path UPLOADS = Path.of("target", "studio-uploads");

    @Inject
    FunnelHistoryFixture funnelHistory;

    @Inject
    LiftHistoryFixture liftHistory;

    @Test
    void aMarketerFixesATableSimulatesPutsItLiveAndRollsBack() throws IOException {
        customers();
        String before = asMarketer().get("/api/rulesets").then().statusCode(200).extract().path("version");
        Path broken = table("broken", FANS_ON_EMAIL.replace("ELEC-10", "ELEC-99"));
        Path good = table("good", FANS_ON_EMAIL.replace("ELEC-10", "ELEC-20"));

        browser.signInAs("marketer", "/studio/");
        browser.textIs(By.id("rules-live-version"), before);

        choose(broken);
        browser.driver().findElement(By.id("rules-activate")).click();
        confirm();
        browser.visible(By.cssSelector("#rules-result tr.problem-row"));
        assertThat(browser.texts(By.cssSelector("#rules-result tr.problem-row td.p-file"))).containsExactly(TABLE);
        assertThat(browser.texts(By.cssSelector("#rules-result tr.problem-row td.p-sheet"))).containsExactly("Sheet1");
        assertThat(browser.texts(By.cssSelector("#rules-result tr.problem-row td.p-row"))).containsExactly("12");
        assertThat(browser.texts(By.cssSelector("#rules-result tr.problem-row td.p-cell"))).containsExactly("F12");
        assertThat(browser.texts(By.cssSelector("#rules-result tr.problem-row td.p-message"))).containsExactly(
                "'Make eligible' unknown offer id 'ELEC-99'; it is not in the offer catalogue");
        browser.screenshot("marketer-studio-refused");
        asMarketer().get("/api/rulesets").then().body("version", equalTo(before));

        choose(good);
        browser.driver().findElement(By.id("rules-check")).click();
        browser.visible(By.id("check-summary"));
        assertThat(browser.driver().findElement(By.id("check-summary")).getText()).startsWith("This draft can go live");

        browser.driver().findElement(By.id("rules-diff")).click();
        browser.visible(By.cssSelector("#rules-result tr.diff-row"));
        assertThat(browser.texts(By.cssSelector("#rules-result tr.diff-row td:nth-child(4)")))
                .containsExactly("Electronics fans on email");

        browser.driver().findElement(By.id("rules-sample")).clear();
        browser.driver().findElement(By.id("rules-sample")).sendKeys("3");
        new Select(browser.driver().findElement(By.id("rules-touchpoint"))).selectByValue("email");
        browser.driver().findElement(By.id("rules-simulate")).click();
        assertThat(browser.visible(By.id("sim-summary")).getText())
                .isEqualTo("2 of 3 customers would get different offers with this table (email, 12:00).");
        assertThat(rows("#sim-offers tr.sim-offer").subList(0, 2)).containsExactly(
                "ELEC-10 2 0 0 2 lose: 0-STUDIO-1, 0-STUDIO-2", "ELEC-20 0 2 2 0 gain: 0-STUDIO-1, 0-STUDIO-2");
        browser.screenshot("marketer-studio");

        browser.driver().findElement(By.id("rules-activate")).click();
        confirm();
        browser.visible(By.id("rules-activated"));
        String after = asMarketer().get("/api/rulesets").then().extract().path("version");
        assertThat(after).isNotEqualTo(before);
        browser.textIs(By.id("rules-activated"), "Version " + after + " is live (it replaced " + before
                + "), put live by marketer.");
        browser.textIs(By.id("rules-live-version"), after);

        browser.textIs(By.id("rules-rollback"), "Roll back to " + before + "…").click();
        confirm();
        browser.textIs(By.id("rules-live-version"), before);
        browser.screenshot("marketer-studio-rolled-back");
        asMarketer().get("/api/rulesets").then().body("version", equalTo(before));
        asMarketer().get("/api/rulesets/activations").then()
                .body("[0].version", equalTo(before))
                .body("[0].origin", equalTo("rollback"))
                .body("[0].activatedBy", equalTo("marketer"))
                .body("[1].version", equalTo(after))
                .body("[1].origin", equalTo("upload"));
    }

    @Test
    void theFunnelAndLiftChartsDrawTheApisNumbers() {
        funnelHistory.load();
        liftHistory.load();
        browser.signInAs("marketer", "/studio/").open("/studio/#funnel");
        browser.visible(By.id("funnel-from")).sendKeys("2025-03-03");
        browser.driver().findElement(By.id("funnel-to")).sendKeys("2025-03-16");
        browser.driver().findElement(By.cssSelector("#funnel-form button[type=submit]")).click();
        browser.waitUntil(d -> new Select(d.findElement(By.id("funnel-offer"))).getOptions().stream()
                .anyMatch(o -> o.getAttribute("value").equals(FunnelHistoryFixture.OFFER_A)));
        new Select(browser.driver().findElement(By.id("funnel-offer"))).selectByValue(FunnelHistoryFixture.OFFER_A);
        browser.waitUntil(d -> chart("funnel-chart", "c.data.datasets[0].data.join(',')")
                .equals("2,0,1,0,0,0,0,1,0,0,0,0,0,0"));
        assertThat(chart("funnel-chart", "c.data.labels.length")).isEqualTo(14L);
        assertThat(chart("funnel-chart", "c.data.labels[0]")).isEqualTo("2025-03-03");
        assertThat(chart("funnel-chart", "c.data.datasets.map(s => s.label).join(',')"))
                .isEqualTo("Offered,Opened,Clicked,Accepted,Purchased,Declined");
        assertThat(chart("funnel-chart", "c.data.datasets[1].data.join(',')")).isEqualTo("2,0,0,0,0,0,0,1,0,0,0,0,0,0");
        assertThat(chart("funnel-chart", "c.data.datasets[5].data.join(',')")).isEqualTo("0,0,1,0,0,0,0,0,0,0,0,0,0,0");
        assertThat(rows("#funnel-totals tbody tr").subList(0, 2)).containsExactly(
                "Funnel test A (TEST-FUNNEL-A) 4 3 1 1 1 1 25.0%", "Funnel test B (TEST-FUNNEL-B) 1 1 0 0 0 0 0.0%");
        browser.screenshot("marketer-studio-funnel");

        browser.driver().findElement(By.id("tab-experiments")).click();
        browser.waitUntil(d -> new Select(d.findElement(By.id("experiment"))).getOptions().stream()
                .anyMatch(o -> o.getAttribute("value").equals(LiftHistoryFixture.KEY)));
        new Select(browser.driver().findElement(By.id("experiment"))).selectByValue(LiftHistoryFixture.KEY);
        browser.waitUntil(d -> "treated vs control".equals(chart("lift-chart", "c.data.labels.join(',')")));
        assertThat(chart("lift-chart", "JSON.stringify(c.data.datasets[0].data)")).isEqualTo("[[0.2,19.8]]");
        assertThat(chart("lift-chart", "JSON.stringify(c.data.datasets[1].data)")).isEqualTo("[10]");
        assertThat(rows("#lift-arms tbody tr")).containsExactly(
                "control control 100 10 10.00% 1.00", "treated 100 20 20.00% 2.00");
        browser.screenshot("marketer-studio-lift");
    }

    private static Object chart(String canvas, String expression) {
        return ((JavascriptExecutor) browser.driver()).executeScript("const c = Chart.getChart(document"
                + ".getElementById(arguments[0])); return c ? " + expression + " : null;", canvas);
    }

    /** Each row's cells, their texts joined by one space. */
    private static List<String> rows(String selector) {
        return browser.driver().findElements(By.cssSelector(selector)).stream()
                .map(tr -> String.join(" ", tr.findElements(By.tagName("td")).stream()
                        .map(td -> td.getText().strip()).toList()))
                .toList();
    }

    private static void choose(Path file) {
        browser.driver().findElement(By.id("rules-file")).sendKeys(file.toAbsolutePath().toString());
    }

    private static void confirm() {
        browser.visible(By.id("confirm-ok")).click();
    }

    /** The repository's electronics table with one row changed, saved under its own name for the file input. */
    private static Path table(String folder, String row) throws IOException {
        String text = Files.readString(Path.of("decision-tables", TABLE));
        assertThat(text).contains(FANS_ON_EMAIL);
        Path file = UPLOADS.resolve(folder).resolve(TABLE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text.replace(FANS_ON_EMAIL, row));
        return file;
    }

    /** Three customers who sort first by id (simulation samples by id): two electronics fans on email, a gardener. */
    private static void customers() {
        for (Map<String, Object> c : List.of(
                customer("0-STUDIO-1", "electronics"), customer("0-STUDIO-2", "electronics"),
                customer("0-STUDIO-3", "garden"))) {
            int status = asAdmin().contentType(ContentType.JSON).body(c).put("/api/customers/" + c.get("id"))
                    .statusCode();
            if (status == 404) {
                asAdmin().contentType(ContentType.JSON).body(c).post("/api/customers").then().statusCode(201);
            }
        }
    }

    private static Map<String, Object> customer(String id, String category) {
        return Map.of("id", id, "age", 40, "timeZone", "UTC", "consents", List.of("email"),
                "lifecycleStage", "active", "engagement", "unknown", "topCategories", List.of(category));
    }
}

package io.nbo.screens;

import static io.nbo.support.Callers.asAdmin;
import static io.nbo.support.Callers.asAgent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The agent's journey in a real browser, over the sample catalogue and tables: find the caller by a fragment of the
 * name, see them, get the offers with their reasons, record an accept with the keyboard, see the next decision
 * change, and see why the other offers were not made.
 */
@QuarkusTest
class AgentConsoleJourneyTest extends BrowserTest {

    /** A frequent, highly engaged caller with no consents: the two call-centre offers, nothing by e-mail or app. */
    private static final String DORA = """
            {"id": "C-AGJ-1", "name": "Dora Callaghan", "email": "dora.callaghan@example.com",
             "phone": "+44 20 7946 0311", "timeZone": "Europe/London", "engagement": "high", "frequency": 14,
             "lifecycleStage": "active", "consents": []}""";
    private static final String DOREEN = """
            {"id": "C-AGJ-2", "name": "Doreen Callaghanson", "email": "doreen@example.org", "timeZone": "UTC"}""";

    private static final By OFFERS = By.cssSelector("#offers .offer");

    @BeforeEach
    void customers() {
        for (String body : List.of(DORA, DOREEN)) {
            String id = new JsonPath(body).getString("id");
            if (asAdmin().get("/api/customers/" + id).statusCode() == 404) {
                asAdmin().contentType(ContentType.JSON).body(body).post("/api/customers").then().statusCode(201);
            }
        }
    }

    @Test
    void anAgentFindsTheCallerGetsOffersWithReasonsRecordsAnAcceptAndSeesTheNextDecision() {
        browser.signInAs("agent", "/agent/");
        browser.textIs(By.cssSelector("[data-test=user]"), "agent");
        assertThat(browser.focused().getAttribute("id")).isEqualTo("q");

        browser.focused().sendKeys("callagh");
        assertThat(browser.textsAre(By.cssSelector("#hits .hit strong"), List.of("Dora Callaghan",
                "Doreen Callaghanson"))).hasSize(2);
        browser.textIs(By.id("search-status"), "2 found by name");
        browser.focused().sendKeys(Keys.ENTER);

        browser.textIs(By.id("customer-name"), "Dora Callaghan");
        assertThat(browser.query()).isEqualTo("customer=C-AGJ-1");
        waitForOffers(List.of("CC-PLAN-UPGRADE", "CC-DELIVERY-PASS"));
        assertThat(browser.texts(By.cssSelector("#offers .offer-name"))).containsExactly("Membership upgrade",
                "Free delivery pass");
        assertThat(browser.texts(By.cssSelector("#offers .because"))).containsExactly(
                "because: Frequent callers, can be offered on this call",
                "because: Engaged callers, can be offered on this call");
        assertThat(browser.texts(By.cssSelector("#offers .likely"))).containsExactly(
                "likely 4% (no responses recorded yet: the offer's starting estimate) · via phone",
                "likely 4% (no responses recorded yet: the offer's starting estimate) · via phone");
        assertThat(browser.texts(By.cssSelector("#who-body dd")).subList(0, 4)).containsExactly("C-AGJ-1",
                "dora.callaghan@example.com", "+44 20 7946 0311", "Europe/London");
        assertThat(browser.texts(By.cssSelector("#consents [data-channel=email]"))).containsExactly(
                "✗ e-mail (no consent)");
        assertThat(browser.texts(By.cssSelector("#hits li"))).isEmpty();
        browser.screenshot("agent-console-offers");

        // The first offer has the focus: 1 records "accepted" for it, and the console asks again.
        assertThat(browser.focused().getAttribute("data-offer")).isEqualTo("CC-PLAN-UPGRADE");
        String firstDecision = browser.driver().findElement(By.id("offers")).getAttribute("data-decision");
        browser.focused().sendKeys("1");
        waitForOffers(List.of("CC-DELIVERY-PASS"));
        browser.waitUntil(d -> !firstDecision.equals(d.findElement(By.id("offers")).getAttribute("data-decision")));
        assertThat(browser.driver().findElement(By.cssSelector("#offers-status .recorded")).getText())
                .isEqualTo("CC-PLAN-UPGRADE accepted: recorded.");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(asAgent()
                .get("/api/customers/C-AGJ-1/view").jsonPath().getList("offers.findAll { it.decisionId == '"
                        + firstDecision + "' && it.offerId == 'CC-PLAN-UPGRADE' }.lastOutcome"))
                .containsExactly("accepted"));

        // Why not the others: the explanation of the new decision, as the API gives it.
        String decision = browser.driver().findElement(By.id("offers")).getAttribute("data-decision");
        browser.driver().findElement(By.id("why-not")).click();
        browser.visible(By.id("why-not-table"));
        JsonPath explained = asAgent().get("/api/decisions/" + decision + "/explanation").then().statusCode(200)
                .extract().jsonPath();
        String restReason = explained.getString("notChosen.find { it.offerId == 'CC-PLAN-UPGRADE' }.reason");
        String loyaltyReason = explained.getString("notChosen.find { it.offerId == 'LOYALTY-2X' }.reason");
        assertThat(restReason).startsWith("offer CC-PLAN-UPGRADE rests 30 days after accepted on ");
        assertThat(loyaltyReason).startsWith("no reachable channel: the offer goes by ");
        assertThat(row("CC-PLAN-UPGRADE")).containsExactly("Membership upgrade (CC-PLAN-UPGRADE)", "policy",
                "An accepted offer rests 30 days", restReason);
        assertThat(row("LOYALTY-2X")).containsExactly("Double loyalty points (LOYALTY-2X)", "channel", "consent",
                loyaltyReason);
        assertThat(browser.driver().findElement(By.id("why-not")).getAttribute("aria-expanded")).isEqualTo("true");
        browser.screenshot("agent-console");
    }

    @Test
    void aMarketerAtTheConsoleSeesTheApisRefusalInPlainWords() {
        browser.signInAs("marketer", "/studio/");
        browser.open("/agent/");
        browser.visible(By.id("q")).sendKeys("callagh");
        browser.textIs(By.cssSelector("#search-status .problem-title"), "Forbidden");
        assertThat(browser.texts(By.cssSelector("#search-status .problem p"))).containsExactly(
                "your role may not do this; docs/security.md lists who may do what",
                "You are signed in with a role that may not see this. Sign in as someone who may, or ask an "
                        + "administrator.");
        assertThat(browser.texts(By.cssSelector("#hits li"))).isEmpty();
    }

    private void waitForOffers(List<String> ids) {
        browser.waitUntil(d -> ids.equals(d.findElements(OFFERS).stream()
                .map(e -> e.getAttribute("data-offer")).toList()));
    }

    private List<String> row(String offerId) {
        WebElement row = browser.driver().findElement(By.cssSelector("#why-not-table tr[data-offer='" + offerId
                + "']"));
        return row.findElements(By.tagName("td")).stream().map(e -> e.getText().strip()).toList();
    }
}

package io.nbo.profile.rest;

import static io.nbo.support.Callers.asAdmin;
import static io.nbo.support.Callers.asAgent;
import static io.nbo.support.Callers.asMarketer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The call-centre search by each key, and the 360 view's shape with exact values after a decision and an outcome. */
@QuarkusTest
class CustomerSearchAndViewTest {

    private static final List<String> CUSTOMERS = List.of("""
            {"id": "C-SV-1", "name": "Ann Smithwick", "email": "ann.smithwick@example.com", "phone": "+44 161 496 0777",
             "age": 31, "country": "GB", "timeZone": "Europe/London", "consents": ["push", "email"],
             "tags": ["app-user"], "segments": ["commuters"], "lifecycleStage": "active", "engagement": "medium",
             "frequency": 14, "topCategories": ["coffee"], "topItems": ["coffee"], "preferredChannels": ["mobile-app"],
             "attributes": {"vw_tier": "gold"}}""", """
            {"id": "C-SV-2", "name": "Bert Smithwickes", "email": "bert@example.org", "phone": "0161 496 0001",
             "timeZone": "UTC"}""", """
            {"id": "C-SV-3", "name": "Carla Jones", "email": "carla@example.net", "timeZone": "UTC"}""");

    @BeforeEach
    void customers() {
        asAdmin().contentType(ContentType.JSON).body("""
                {"name": "vw_tier", "type": "choice", "label": "Loyalty tier", "values": ["silver", "gold"]}""")
                .post("/api/attributes");
        asAdmin().contentType(ContentType.JSON).body("""
                {"name": "vw_income", "type": "number", "label": "Yearly income"}""").post("/api/attributes");
        for (String body : CUSTOMERS) {
            String id = new JsonPath(body).getString("id");
            if (asAdmin().contentType(ContentType.JSON).body(body).put("/api/customers/" + id).statusCode() == 404) {
                asAdmin().contentType(ContentType.JSON).body(body).post("/api/customers").then().statusCode(201);
            }
        }
    }

    @Test
    void agentsFindACustomerByIdNameFragmentEmailOrPhone() {
        asAgent().queryParam("q", "C-SV-3").get("/api/customers/search").then().statusCode(200)
                .body("matchedBy", equalTo("id, name")).body("customers.id", contains("C-SV-3"));
        asAgent().queryParam("q", "SMITHW").get("/api/customers/search").then().statusCode(200)
                .body("matchedBy", equalTo("name"))
                .body("customers.id", contains("C-SV-1", "C-SV-2"))
                .body("customers[0].name", equalTo("Ann Smithwick"))
                .body("customers[0].email", equalTo("ann.smithwick@example.com"))
                .body("customers[0].phone", equalTo("+44 161 496 0777"))
                .body("more", equalTo(false));
        asAgent().queryParam("q", "smithw").queryParam("size", 1).get("/api/customers/search").then()
                .body("customers.id", contains("C-SV-1")).body("more", equalTo(true));
        asAgent().queryParam("q", "smithw").queryParam("size", 1).queryParam("page", 1).get("/api/customers/search")
                .then().body("customers.id", contains("C-SV-2")).body("more", equalTo(false));
        asAgent().queryParam("q", "Ann.Smithwick@").get("/api/customers/search").then()
                .body("matchedBy", equalTo("email")).body("customers.id", contains("C-SV-1"));
        asAgent().queryParam("q", "496 0777").get("/api/customers/search").then()
                .body("matchedBy", equalTo("phone")).body("customers.id", contains("C-SV-1"));
        asAgent().queryParam("q", "nobody-like-this").get("/api/customers/search").then().statusCode(200)
                .body("customers", empty());
        asAgent().queryParam("q", "an").get("/api/customers/search").then().statusCode(400)
                .body("detail", equalTo("a name search needs at least 3 characters, got 'an'"));
        asAgent().queryParam("q", "100%").get("/api/customers/search").then().statusCode(200)
                .body("customers", empty());
        asMarketer().queryParam("q", "smithw").get("/api/customers/search").then().statusCode(403);
    }

    @Test
    void theViewShowsIdentityTypedAttributesConsentsSegmentsAndOffersWithOutcomes() {
        JsonPath decision = asAgent().contentType(ContentType.JSON).body("""
                {"customerId": "C-SV-1", "touchpoint": "mobile-app", "context": {"localTime": "08:10"}}""")
                .post("/api/decisions").then().statusCode(200).extract().jsonPath();
        String decisionId = decision.getString("decisionId");
        List<String> offered = decision.getList("offers.offerId");
        assertThat(offered).isNotEmpty();
        asAgent().contentType(ContentType.JSON).body(Map.of("offerId", offered.get(0), "outcome", "accepted"))
                .post("/api/decisions/" + decisionId + "/outcomes").then().statusCode(201);

        String raw = asMarketer().get("/api/customers/C-SV-1/view").then().statusCode(200).extract().asString();
        JsonPath view = new JsonPath(raw);

        assertThat(view.getString("id")).isEqualTo("C-SV-1");
        assertThat(view.getString("name")).isEqualTo("Ann Smithwick");
        assertThat(view.getString("email")).isEqualTo("ann.smithwick@example.com");
        assertThat(view.getString("phone")).isEqualTo("+44 161 496 0777");
        assertThat(view.getString("timeZone")).isEqualTo("Europe/London");
        assertThat(view.getMap("attributes.find { it.name == 'age' }")).isEqualTo(Map.of("name", "age", "label",
                "Age", "type", "number", "value", 31, "builtIn", true));
        assertThat(view.getMap("attributes.find { it.name == 'vw_tier' }")).isEqualTo(Map.of("name", "vw_tier",
                "label", "Loyalty tier", "type", "choice", "value", "gold", "builtIn", false));
        Map<String, Object> income = view.getMap("attributes.find { it.name == 'vw_income' }");
        assertThat(income).containsEntry("type", "number").containsEntry("builtIn", false);
        assertThat(income.get("value")).isNull();
        assertThat(view.getList("attributes.name").subList(0, 4)).containsExactly("age", "gender", "country",
                "region");
        assertThat(view.getList("consents")).containsExactly(Map.of("channel", "email", "given", true),
                Map.of("channel", "sms", "given", false), Map.of("channel", "push", "given", true),
                Map.of("channel", "social", "given", false));
        assertThat(view.getList("segments.segment")).containsExactly("commuters");
        assertThat(view.getList("segments.source")).containsExactly("profile");
        assertThat(view.getList("segments.rule")).containsExactly((Object) null);
        assertThat(view.getList("offers.offerId")).containsExactlyInAnyOrderElementsOf(offered);
        assertThat(view.getList("offers.decisionId")).containsOnly(decisionId);
        assertThat(view.getString("offers.find { it.offerId == '" + offered.get(0) + "' }.lastOutcome"))
                .isEqualTo("accepted");
        assertThat(view.getList("offers.find { it.offerId == '" + offered.get(0) + "' }.outcomes.outcome"))
                .containsExactly("accepted");
        assertThat(view.getString("offers.find { it.offerId == '" + offered.get(0) + "' }.channel"))
                .isEqualTo(decision.getString("offers[0].channel"));
        assertThat(view.getInt("offerSummary.offered")).isEqualTo(offered.size());
        assertThat(view.getInt("offerSummary.accepted")).isEqualTo(1);
        assertThat(view.getInt("offerSummary.rejected")).isZero();
        assertThat(raw).contains("\"purchases\":null").contains("\"recentEvents\":[]");
        asAgent().get("/api/customers/C-SV-1/view").then().body("recentEvents", empty())
                .body("purchases", nullValue());
        asAgent().get("/api/customers/NOBODY/view").then().statusCode(404);
    }
}

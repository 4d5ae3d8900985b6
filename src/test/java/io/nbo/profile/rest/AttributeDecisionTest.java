package io.nbo.profile.rest;

import static io.nbo.support.Callers.asAdmin;
import static io.nbo.support.Callers.asAgent;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A custom attribute from its declaration to a table row to a decision, on the real server: real PostgreSQL, the
 * table checked and compiled (index and Drools), the profile read through the cache.
 */
@QuarkusTest
@TestProfile(AttributeRulesProfile.class)
class AttributeDecisionTest {

    private static final String HEADER = """
            RuleSet,nbo.members
            Import,"io.nbo.rules.vocabulary.Customer, io.nbo.rules.vocabulary.Context"
            Variables,io.nbo.rules.vocabulary.Offers offers

            RuleTable Members
            NAME,CONDITION,CONDITION,ACTION
            ,Customer,Customer,
            ,"number(""$1"") >= $2","daysSince(""$1"") >= $2","offers.eligible(""$param"");"
            Rule,Income at least,Member for days,Make eligible
            """;

    @Test
    void aDeclaredAttributeGoesFromATableRowToADecision() {
        asAdmin().contentType(ContentType.JSON).body("""
                {"name": "ad_income", "type": "number", "label": "Yearly income"}""").post("/api/attributes")
                .then().statusCode(201);
        asAdmin().contentType(ContentType.JSON).body("""
                {"name": "ad_since", "type": "date", "label": "Member since"}""").post("/api/attributes")
                .then().statusCode(201);
        customer("""
                {"id": "C-AD-RICH", "timeZone": "UTC", "consents": ["email"], "ad_income": 60000,
                 "ad_since": "2020-01-01"}""");
        customer("""
                {"id": "C-AD-POOR", "timeZone": "UTC", "consents": ["email"], "ad_income": 20000,
                 "ad_since": "2020-01-01"}""");

        asAdmin().contentType("text/csv").body(bytes(HEADER + "High earners,\"ad_income, 50000\",,ELEC-20\n"
                        + "Long-standing members,,\"ad_since, 1000\",ELEC-10\n"))
                .put("/api/rulesets/members.drl.csv").then().statusCode(200);

        decide("C-AD-RICH").body("offers.offerId", hasItem("ELEC-20"))
                .body("offers.find { it.offerId == 'ELEC-20' }.eligibleBy", contains("High earners"));
        decide("C-AD-POOR").body("offers.offerId", not(hasItem("ELEC-20")));

        customer("""
                {"id": "C-AD-POOR", "timeZone": "UTC", "consents": ["email"], "ad_income": 50000,
                 "ad_since": "2020-01-01"}""");
        decide("C-AD-POOR").body("offers.find { it.offerId == 'ELEC-20' }.eligibleBy", contains("High earners"));
    }

    @Test
    void aTableNamingAnUndeclaredAttributeIsRefusedWithItsCell() {
        asAdmin().contentType("text/csv").body(bytes(HEADER + "Shoe lovers,\"shoe_size, 40\",,ELEC-20\n"))
                .put("/api/rulesets/shoes.drl.csv").then().statusCode(422)
                .body("problems[0].cell", equalTo("B10"))
                .body("problems[0].message", equalTo("'Income at least' unknown attribute 'shoe_size' in "
                        + "number(...); " + declared()));
        asAdmin().get("/api/rulesets/shoes.drl.csv").then().statusCode(404);
    }

    private static String declared() {
        var all = asAgent().get("/api/attributes").then().extract().jsonPath();
        java.util.List<String> names = all.getList("name");
        java.util.List<String> types = all.getList("type");
        return names.isEmpty() ? "none is declared (admins declare them: POST /api/attributes)" : "declared: "
                + String.join(", ", java.util.stream.IntStream.range(0, names.size())
                .mapToObj(i -> names.get(i) + " (" + types.get(i) + ")").toList());
    }

    private static void customer(String body) {
        String id = new io.restassured.path.json.JsonPath(body).getString("id");
        if (asAdmin().contentType(ContentType.JSON).body(body).put("/api/customers/" + id).statusCode() == 404) {
            asAdmin().contentType(ContentType.JSON).body(body).post("/api/customers").then().statusCode(201);
        }
    }

    private static io.restassured.response.ValidatableResponse decide(String id) {
        return asAgent().contentType(ContentType.JSON).body("{\"customerId\": \"" + id + "\", \"touchpoint\": "
                + "\"email\"}").post("/api/decisions").then().statusCode(200);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

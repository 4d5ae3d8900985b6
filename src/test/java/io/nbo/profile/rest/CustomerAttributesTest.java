package io.nbo.profile.rest;

import static io.nbo.support.Callers.asAdmin;
import static io.nbo.support.Callers.asAgent;
import static io.nbo.support.Callers.asMarketer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Custom attributes end to end through the API: declared by an admin (typed, versioned, read by agents and
 * marketers), held by customers with values checked against their type, returned typed; fields the profile does not
 * have refused or, when asked, reported; identity fields kept (e-mail in lower case).
 */
@QuarkusTest
class CustomerAttributesTest {

    private static final String RICH = """
            {"id": "C-CA-1", "name": "Ann Smith", "email": "Ann.Smith@Example.com", "phone": "+44 20 7946 0958",
             "timeZone": "Europe/London", "consents": ["email"],
             "attributes": {"ca_income": 52000.50, "ca_member_since": "2019-04-01"}, "ca_tier": "gold",
             "ca_newsletter": "yes"}
            """;

    @BeforeEach
    void declare() {
        declare("""
                {"name": "ca_income", "type": "number", "label": "Yearly income"}""");
        declare("""
                {"name": "ca_member_since", "type": "date", "label": "Member since"}""");
        declare("""
                {"name": "ca_tier", "type": "choice", "label": "Loyalty tier", "values": ["bronze", "silver", "gold"]}""");
        declare("""
                {"name": "ca_newsletter", "type": "yes-no"}""");
    }

    private static void declare(String body) {
        int status = asAdmin().contentType(ContentType.JSON).body(body).post("/api/attributes").statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("declaring failed: " + status);
        }
    }

    @Test
    void declarationsAreTypedVersionedAndReadableByAgentsAndMarketers() {
        asAdmin().contentType(ContentType.JSON).body("""
                {"name": "ca_level", "type": "choice", "label": "Loyalty tier", "values": ["bronze", "silver", "gold"]}""")
                .post("/api/attributes").then().statusCode(201);
        asAgent().get("/api/attributes/ca_level").then().statusCode(200)
                .body("type", equalTo("choice"))
                .body("label", equalTo("Loyalty tier"))
                .body("values", contains("bronze", "silver", "gold"))
                .body("version", equalTo(1));
        asMarketer().contentType(ContentType.JSON).body("{\"label\": \"Tier\"}").put("/api/attributes/ca_level")
                .then().statusCode(403);

        asAdmin().contentType(ContentType.JSON).body("""
                {"values": ["bronze", "silver", "gold", "platinum"]}""").put("/api/attributes/ca_level")
                .then().statusCode(200).body("version", equalTo(2)).body("values[3]", equalTo("platinum"));
        asAdmin().contentType(ContentType.JSON).body("""
                {"values": ["gold"]}""").put("/api/attributes/ca_level")
                .then().statusCode(409).body("detail", equalTo("'ca_level' cannot lose the value(s) bronze, silver, "
                        + "platinum: customers and tables may hold them; a choice may only gain values"));
        asAdmin().contentType(ContentType.JSON).body("""
                {"type": "text"}""").put("/api/attributes/ca_income")
                .then().statusCode(409).body("detail", equalTo("'ca_income' is a number attribute and stays one: "
                        + "stored values and decision tables rely on its type; declare a new attribute for 'text' "
                        + "values"));
        asMarketer().get("/api/attributes/ca_level/versions").then().statusCode(200)
                .body("version", contains(1, 2)).body("updatedBy", contains("admin", "admin"));
    }

    @Test
    void badDeclarationsAreRefusedNamingTheField() {
        asAdmin().contentType(ContentType.JSON).body("""
                {"name": "Income!", "type": "number"}""").post("/api/attributes")
                .then().statusCode(400).body("field", equalTo("name"));
        asAdmin().contentType(ContentType.JSON).body("""
                {"name": "ca_weird", "type": "colour"}""").post("/api/attributes")
                .then().statusCode(400).body("field", equalTo("type"))
                .body("detail", equalTo("type must be one of number, text, date, yes-no, choice, got 'colour'"));
        asAdmin().contentType(ContentType.JSON).body("""
                {"name": "age", "type": "number"}""").post("/api/attributes")
                .then().statusCode(400).body("detail", equalTo("'age' is a built-in customer field; choose another "
                        + "name"));
        asAdmin().contentType(ContentType.JSON).body("""
                {"name": "ca_income", "type": "number"}""").post("/api/attributes")
                .then().statusCode(409);
    }

    @Test
    void valuesAreStoredCachedAndReturnedTypedWithTheIdentityFields() {
        asAdmin().contentType(ContentType.JSON).body(RICH).put("/api/customers/C-CA-1");
        asAdmin().contentType(ContentType.JSON).body(RICH).post("/api/customers");

        asAgent().get("/api/customers/C-CA-1").then().statusCode(200)
                .body("name", equalTo("Ann Smith"))
                .body("email", equalTo("ann.smith@example.com"))
                .body("phone", equalTo("+44 20 7946 0958"))
                .body("attributes.ca_income", equalTo(52000.5f))
                .body("attributes.ca_member_since", equalTo("2019-04-01"))
                .body("attributes.ca_tier", equalTo("gold"))
                .body("attributes.ca_newsletter", equalTo(true))
                .body("warnings", nullValue());

        asAdmin().contentType(ContentType.JSON).body(RICH.replace("\"gold\"", "\"silver\""))
                .put("/api/customers/C-CA-1").then().statusCode(200).body("attributes.ca_tier", equalTo("silver"));
        asAgent().get("/api/customers/C-CA-1").then().body("attributes.ca_tier", equalTo("silver"));
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedNamingFieldTypeAndValue() {
        asAdmin().contentType(ContentType.JSON).body(RICH.replace("52000.50", "\"lots\"").replace("C-CA-1", "C-CA-2"))
                .post("/api/customers").then().statusCode(400)
                .body("field", equalTo("attributes.ca_income"))
                .body("detail", equalTo("attributes.ca_income is a number attribute: it takes a number such as 52000 "
                        + "or 1250.50, got 'lots'"));
        asAdmin().contentType(ContentType.JSON).body(RICH.replace("\"gold\"", "\"diamond\"")
                        .replace("C-CA-1", "C-CA-2")).post("/api/customers").then().statusCode(400)
                .body("field", equalTo("ca_tier"))
                .body("detail", equalTo("ca_tier is a choice attribute: it takes one of bronze, silver, gold, "
                        + "got 'diamond'"));
        asAdmin().contentType(ContentType.JSON).body(RICH.replace("2019-04-01", "01/04/2019")
                        .replace("C-CA-1", "C-CA-2")).post("/api/customers").then().statusCode(400)
                .body("field", equalTo("attributes.ca_member_since"))
                .body("detail", equalTo("attributes.ca_member_since is a date attribute: it takes a date as "
                        + "yyyy-MM-dd such as 2019-04-01, got '01/04/2019'"));
        asAdmin().contentType(ContentType.JSON).body(RICH.replace("Ann.Smith@Example.com", "not-an-address")
                        .replace("C-CA-1", "C-CA-2")).post("/api/customers").then().statusCode(400)
                .body("field", equalTo("email"));
    }

    @Test
    void unknownFieldsAreRefusedNamingThemOrReportedWhenAsked() {
        String body = """
                {"id": "C-CA-3", "timeZone": "UTC", "incom": 40000, "favouriteColour": "red"}""";
        asAdmin().contentType(ContentType.JSON).body(body).post("/api/customers").then().statusCode(400)
                .body("field", equalTo("incom,favouriteColour"))
                .body("detail", equalTo("unknown fields 'incom', 'favouriteColour': a customer has id, name, email, "
                        + "phone, age, gender, country, region, timeZone, consents, segments, tags, lifecycleStage, "
                        + "engagement, recencyDays, frequency, monetary, topCategories, topItems, preferredChannels, "
                        + "predictedValue, churnRisk and the declared attributes: " + declared() + ". Declare "
                        + "the attribute (POST /api/attributes), fix the name, or send unknownFields=warn to accept "
                        + "the rest and be told what was left out"));
        asAgent().get("/api/customers/C-CA-3").then().statusCode(404);

        asAdmin().contentType(ContentType.JSON).body(body).queryParam("unknownFields", "warn").post("/api/customers")
                .then().statusCode(201)
                .body("warnings", contains("unknown field 'incom' was left out",
                        "unknown field 'favouriteColour' was left out"));
        asAdmin().contentType(ContentType.JSON).body("""
                {"id": "C-CA-4", "timeZone": "UTC", "attributes": {"shoe_size": 42}}""").post("/api/customers")
                .then().statusCode(400).body("field", equalTo("attributes.shoe_size"));
    }

    /** Every declared attribute as the message lists them (other test classes of this server declare some too). */
    private static String declared() {
        JsonPath all = asAgent().get("/api/attributes").then().statusCode(200).extract().jsonPath();
        List<String> names = all.getList("name");
        List<String> types = all.getList("type");
        assertThat(names).contains("ca_income", "ca_member_since", "ca_newsletter", "ca_tier").isSorted();
        return String.join(", ", java.util.stream.IntStream.range(0, names.size())
                .mapToObj(i -> names.get(i) + " (" + types.get(i) + ")").toList());
    }
}

package io.nbo.security;

import static io.nbo.security.SecurityWalkTest.Caller.ADMIN;
import static io.nbo.security.SecurityWalkTest.Caller.AGENT;
import static io.nbo.security.SecurityWalkTest.Caller.ANONYMOUS;
import static io.nbo.security.SecurityWalkTest.Caller.API_KEY;
import static io.nbo.security.SecurityWalkTest.Caller.MARKETER;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.nbo.support.Callers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Walks every operation of the served OpenAPI document and calls it as each kind of caller, with harmless placeholder
 * ids and empty bodies, holding the server to the table below: anonymous callers get 401, callers whose role may not
 * get 403, allowed callers get neither (nor a 5xx). An operation the table does not name fails the build, so a new
 * endpoint cannot ship without a rule; so does a rule for an operation that no longer exists.
 */
@QuarkusTest
@SuppressWarnings("unchecked")
class SecurityWalkTest {

    /** Who calls. */
    enum Caller {
        ANONYMOUS(() -> given()),
        API_KEY(Callers::withDevKey),
        AGENT(Callers::asAgent),
        MARKETER(Callers::asMarketer),
        ADMIN(Callers::asAdmin);

        private final Supplier<RequestSpecification> spec;

        Caller(Supplier<RequestSpecification> spec) {
            this.spec = spec;
        }
    }

    /** Who may call an operation, and query parameters that keep the call harmless for those who may. */
    record Rule(Set<Caller> allowed, Map<String, String> query) {
    }

    /** The expected access, one line per operation (docs/security.md has the same table for people). */
    static final Map<String, Rule> ACCESS = new TreeMap<>(Map.ofEntries(
            rule("POST /api/decisions", API_KEY, AGENT, MARKETER, ADMIN),
            rule("GET /api/me", API_KEY, AGENT, MARKETER, ADMIN),
            rule("GET /api/experiments", MARKETER, ADMIN),
            rule("POST /api/campaigns/runs", MARKETER, ADMIN),
            rule("GET /api/campaigns/runs/{id}", MARKETER, ADMIN),
            rule("POST /api/campaigns/runs/{id}/cancel", MARKETER, ADMIN),
            rule("POST /api/campaigns/runs/{id}/restart", MARKETER, ADMIN),
            rule("GET /api/campaigns/runs/{id}/summary", MARKETER, ADMIN),
            rule("GET /api/campaigns/runs/{id}/sendlist", Map.of("channel", "email"), MARKETER, ADMIN),
            rule("POST /api/history/imports", MARKETER, ADMIN),
            rule("GET /api/history/imports/{id}", MARKETER, ADMIN),
            rule("PUT /api/learning/own-scores", MARKETER, ADMIN),
            rule("DELETE /api/learning/own-scores", MARKETER, ADMIN),
            rule("GET /api/experiments/{key}", MARKETER, ADMIN),
            rule("GET /api/experiments/{key}/versions", MARKETER, ADMIN),
            rule("PUT /api/experiments/{key}", MARKETER, ADMIN),
            rule("GET /api/experiments/{key}/lift", MARKETER, ADMIN),
            rule("POST /api/decisions/{decisionId}/outcomes", API_KEY, AGENT, ADMIN),
            rule("GET /api/decisions/{decisionId}/explanation", AGENT, MARKETER, ADMIN),
            rule("GET /api/customers", ADMIN),
            rule("POST /api/customers", ADMIN),
            rule("POST /api/customers/bulk", ADMIN),
            rule("GET /api/customers/{id}", AGENT, MARKETER, ADMIN),
            rule("PUT /api/customers/{id}", ADMIN),
            rule("DELETE /api/customers/{id}", ADMIN),
            rule("GET /api/customers/{customerId}/history", AGENT, MARKETER, ADMIN),
            rule("GET /api/customers/{id}/view", AGENT, MARKETER, ADMIN),
            rule("GET /api/customers/search", Map.of("q", "placeholder"), AGENT, ADMIN),
            rule("GET /api/customers/export", ADMIN),
            rule("POST /api/customers/imports", ADMIN),
            rule("GET /api/customers/imports", ADMIN),
            rule("GET /api/customers/imports/{id}", ADMIN),
            rule("GET /api/attributes", AGENT, MARKETER, ADMIN),
            rule("POST /api/attributes", ADMIN),
            rule("GET /api/attributes/{name}", AGENT, MARKETER, ADMIN),
            rule("PUT /api/attributes/{name}", ADMIN),
            rule("GET /api/attributes/{name}/versions", AGENT, MARKETER, ADMIN),
            rule("GET /api/customers/{customerId}/events", AGENT, MARKETER, ADMIN),
            rule("POST /api/events", API_KEY, AGENT, ADMIN),
            rule("POST /api/events/batch", API_KEY, AGENT, ADMIN),
            rule("GET /api/outbox", API_KEY, ADMIN),
            rule("POST /api/outbox/{id}/ack", API_KEY, ADMIN),
            rule("GET /api/offers", AGENT, MARKETER, ADMIN),
            rule("GET /api/offers/{id}", AGENT, MARKETER, ADMIN),
            rule("POST /api/offers", MARKETER, ADMIN),
            rule("PUT /api/offers/{id}", MARKETER, ADMIN),
            rule("DELETE /api/offers/{id}", MARKETER, ADMIN),
            rule("GET /api/offers/{id}/completion", AGENT, MARKETER, ADMIN),
            rule("PUT /api/offers/{id}/completion", MARKETER, ADMIN),
            rule("DELETE /api/offers/{id}/completion", MARKETER, ADMIN),
            rule("GET /api/offers/{id}/funnel", MARKETER, ADMIN),
            rule("GET /api/offers/funnel", MARKETER, ADMIN),
            rule("GET /api/settings/fallback-offer", MARKETER, ADMIN),
            rule("PUT /api/settings/fallback-offer", MARKETER, ADMIN),
            rule("DELETE /api/sample-data", Map.of("dryRun", "true"), ADMIN),
            rule("GET /api/policy", MARKETER, ADMIN),
            rule("PUT /api/policy", MARKETER, ADMIN),
            rule("POST /api/policy/reload", MARKETER, ADMIN),
            rule("GET /api/policy/file", MARKETER, ADMIN),
            rule("POST /api/policy/validate", MARKETER, ADMIN),
            rule("POST /api/policy/simulate", MARKETER, ADMIN),
            rule("POST /api/policy/diff", MARKETER, ADMIN),
            rule("GET /api/policy/versions", MARKETER, ADMIN),
            rule("GET /api/policy/activations", MARKETER, ADMIN),
            rule("GET /api/policy/versions/diff", MARKETER, ADMIN),
            rule("POST /api/policy/versions/{version}/activate", MARKETER, ADMIN),
            rule("GET /api/rulesets/jobs/{id}", MARKETER, ADMIN),
            rule("GET /api/rulesets", MARKETER, ADMIN),
            rule("GET /api/rulesets/activations", MARKETER, ADMIN),
            rule("GET /api/rulesets/versions", MARKETER, ADMIN),
            rule("GET /api/rulesets/versions/diff", MARKETER, ADMIN),
            rule("POST /api/rulesets/versions/{version}/activate", MARKETER, ADMIN),
            rule("GET /api/rulesets/{name}", MARKETER, ADMIN),
            rule("PUT /api/rulesets/{name}", MARKETER, ADMIN),
            rule("POST /api/rulesets/{name}/simulate", MARKETER, ADMIN),
            rule("POST /api/rulesets/{name}/diff", MARKETER, ADMIN),
            rule("POST /api/rulesets/{name}/validate", MARKETER, ADMIN)));

    @Test
    void everyOperationInTheDocumentHasARuleAndEveryRuleAnOperation() {
        Set<String> documented = operations().keySet();
        Set<String> withoutRule = new TreeSet<>(documented);
        withoutRule.removeAll(ACCESS.keySet());
        Set<String> stale = new TreeSet<>(ACCESS.keySet());
        stale.removeAll(documented);

        assertThat(withoutRule).as("operations with no line in SecurityWalkTest.ACCESS: say who may call them")
                .isEmpty();
        assertThat(stale).as("lines in SecurityWalkTest.ACCESS for operations the API no longer has").isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> eachCallerGetsWhatTheTableSays() {
        List<DynamicTest> tests = new ArrayList<>();
        operations().forEach((operation, contentType) -> {
            Rule rule = ACCESS.get(operation);
            if (rule == null) {
                return;
            }
            for (Caller caller : Caller.values()) {
                boolean allowed = rule.allowed().contains(caller);
                tests.add(DynamicTest.dynamicTest(operation + " as " + caller + (allowed ? " is served" : " is refused"),
                        () -> check(operation, contentType, rule, caller, allowed)));
            }
        });
        return tests.stream();
    }

    @Test
    void everySecuredOperationDocuments401And403AndTheSchemesItAccepts() {
        JsonPath doc = document();
        assertThat(doc.getString("components.securitySchemes.basic.scheme")).isEqualTo("basic");
        assertThat(doc.getString("components.securitySchemes.apiKey.type")).isEqualTo("apiKey");
        assertThat(doc.getString("components.securitySchemes.apiKey.in")).isEqualTo("header");
        assertThat(doc.getString("components.securitySchemes.apiKey.name")).isEqualTo("X-API-Key");
        for (String operation : ACCESS.keySet()) {
            String[] parts = operation.split(" ");
            Map<String, Object> op = doc.getMap("paths.'" + parts[1] + "'." + parts[0].toLowerCase());
            assertThat(op).as(operation).isNotNull();
            assertThat(((Map<String, ?>) op.get("responses")).keySet()).as(operation + " responses")
                    .contains("401", "403");
            List<String> schemes = ((List<Map<String, ?>>) op.get("security")).stream()
                    .flatMap(requirement -> requirement.keySet().stream()).toList();
            boolean keyAllowed = ACCESS.get(operation).allowed().contains(API_KEY);
            assertThat(schemes).as(operation + " security schemes")
                    .containsExactlyElementsOf(keyAllowed ? List.of("basic", "apiKey") : List.of("basic"));
        }
    }

    @Test
    void aWrongPasswordOrAnUnknownKeyIsRefusedLikeNoCredentials() {
        for (RequestSpecification wrong : List.of(given().auth().preemptive().basic("agent", "not-the-password"),
                given().header("X-API-Key", "not-a-key"), given().auth().preemptive().basic("nobody", "nobody"))) {
            wrong.contentType("application/json").body("{}").post("/api/decisions").then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", "Basic realm=\"nbo\"");
        }
    }

    private void check(String operation, String contentType, Rule rule, Caller caller, boolean allowed) {
        String[] parts = operation.split(" ");
        RequestSpecification request = caller.spec.get();
        rule.query().forEach(request::queryParam);
        if (contentType != null) {
            request.contentType(contentType).body(new byte[0]);
        }
        Response response = request.request(parts[0], parts[1].replaceAll("\\{[^}]+}", "placeholder-1"));
        int status = response.statusCode();
        if (allowed) {
            assertThat(status).as(operation + " as " + caller + ": " + response.asString()).isNotIn(401, 403)
                    .isLessThan(500);
        } else {
            assertThat(status).as(operation + " as " + caller + ": " + response.asString())
                    .isEqualTo(caller == ANONYMOUS ? 401 : 403);
            assertThat(response.contentType()).isEqualTo("application/problem+json");
        }
    }

    /** Every operation of the served document ("METHOD /path") with the media type its body takes (null: none). */
    private static Map<String, String> operations() {
        JsonPath doc = document();
        Map<String, String> out = new TreeMap<>();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        paths.forEach((path, item) -> item.forEach((method, op) -> {
            if (!Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(method)) {
                return;
            }
            Map<String, ?> body = (Map<String, ?>) ((Map<String, ?>) op).get("requestBody");
            String type = null;
            if (body != null && body.get("content") instanceof Map<?, ?> content && !content.isEmpty()) {
                type = content.keySet().iterator().next().toString();
                type = type.contains("*") ? "application/octet-stream" : type;
            }
            out.put(method.toUpperCase() + " " + path, type);
        }));
        return out;
    }

    private static JsonPath document() {
        return given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }

    private static Map.Entry<String, Rule> rule(String operation, Caller... allowed) {
        return Map.entry(operation, new Rule(EnumSet.copyOf(List.of(allowed)), Map.of()));
    }

    private static Map.Entry<String, Rule> rule(String operation, Map<String, String> query, Caller... allowed) {
        return Map.entry(operation, new Rule(EnumSet.copyOf(List.of(allowed)), query));
    }
}

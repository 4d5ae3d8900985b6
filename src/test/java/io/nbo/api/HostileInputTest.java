package io.nbo.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Walks every operation in the server's own OpenAPI document and drives it with malformed, oversized and hostile input
 * ({@link HostileRequests}), as an admin and anonymously. Every answer must be below 500; every 4xx must be
 * problem+json whose status matches and that leaks no class names or stack traces; input no server may accept (broken
 * JSON, bodies over the limit, not a spreadsheet) must get a 4xx. Seeded: {@code -Dhostile.seed=N} replays a run.
 */
@QuarkusTest
@TestProfile(HostileInputProfile.class)
class HostileInputTest {

    private static final long SEED = Long.getLong("hostile.seed", 20261123L);
    /** Above nbo.http.max-body-size (application.properties). */
    private static final int HUGE_BODY = 17 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(
            StandardCharsets.UTF_8));

    @TestHTTPResource("/")
    URL root;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void everyOperationAnswersHostileInputWithAProblemAndNeverA5xx() throws Exception {
        List<OpenApiOperations.Operation> operations = OpenApiOperations.of(JSON.readTree(
                get("/q/openapi?format=json")));
        assertThat(operations).extracting(Object::toString).contains("PUT /api/rulesets/{name}",
                "POST /api/decisions", "PUT /api/customers/{id}");
        HostileRequests generator = new HostileRequests(SEED, HUGE_BODY);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        long started = System.nanoTime();
        for (OpenApiOperations.Operation op : operations) {
            for (String user : new String[] {"admin", null}) {
                for (HostileRequests.Case c : generator.cases(op, user != null)) {
                    String failure = send(c, user);
                    sent++;
                    if (failure != null) {
                        failures.add(op + " as " + (user == null ? "anonymous" : user) + ", " + c + ": " + failure);
                    }
                }
            }
        }
        System.out.printf("Hostile input: %d requests to %d operations in %d ms (seed %d)%n", sent, operations.size(),
                (System.nanoTime() - started) / 1_000_000, SEED);
        assertThat(sent).isGreaterThan(1000);
        assertThat(failures).as("seed %d, %d requests", SEED, sent).isEmpty();
    }

    /** The first walk found these answered 500: the database refused a value the API had let through. */
    @Test
    void aValueTheDatabaseRefusesIsTheCallersMistakeNotAServerFault() throws Exception {
        String detail = "a value in the request cannot be stored: it is too long for its field, out of range, or "
                + "holds a character such as NUL; shorten or correct it";
        // A three-letter country used to reach the database; the customer's fields are now checked before it.
        HttpResponse<String> country = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/customers"))
                .header("Authorization", ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"id": "C-HOSTILE-1", "country": "GBR", "timeZone": "UTC"}
                        """)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(country.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(country.body()).path("detail").asText())
                .isEqualTo("country is a two-letter ISO code such as GB, got 'GBR'");
        for (HttpRequest request : List.of(
                HttpRequest.newBuilder(URI.create(base() + "/api/customers/a%00b")).header("Authorization", ADMIN)
                        .GET().build())) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(request.uri().toString()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(JSON.readTree(response.body()).path("detail").asText()).isEqualTo(detail);
        }
    }

    /** Null when the answer is acceptable, else what is wrong with it. */
    private String send(HostileRequests.Case c, String user) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + c.pathAndQuery()))
                .timeout(Duration.ofSeconds(60))
                .method(c.method().toUpperCase(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(c.body()));
        if (c.contentType() != null && c.body() != null) {
            request.header("Content-Type", c.contentType());
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return "no answer (" + e + ")";
        }
        int status = response.statusCode();
        if (status >= 500) {
            return "status " + status + " " + clip(response.body());
        }
        if (c.mustBeClientError() && status < 400 && !refusedInADryRun(response) && !acceptedAsAJob(response)) {
            return "accepted with " + status + " what no server may accept: " + clip(response.body());
        }
        return status >= 400 ? problem(status, response) : null;
    }

    /** A big table is checked as a job (202): its refusal comes with the job, not the answer. */
    private static boolean acceptedAsAJob(HttpResponse<String> response) {
        try {
            return response.statusCode() == 202 && JSON.readTree(response.body()).path("id").isTextual();
        } catch (IOException e) {
            return false;
        }
    }

    /** A dry run answers 200 with its findings: refusing the input there means "valid": false. */
    private static boolean refusedInADryRun(HttpResponse<String> response) {
        try {
            return response.statusCode() == 200 && JSON.readTree(response.body()).path("valid").isBoolean()
                    && !JSON.readTree(response.body()).path("valid").asBoolean();
        } catch (IOException e) {
            return false;
        }
    }

    private static String problem(int status, HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return "status " + status + " as '" + type + "', not problem+json: " + clip(response.body());
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            return "status " + status + " with a body that is not JSON: " + clip(response.body());
        }
        if (body.path("status").asInt() != status || body.path("title").asText().isBlank()) {
            return "status " + status + " but the problem says " + clip(response.body());
        }
        if (response.body().matches("(?s).*(Exception|\\tat |java\\.[a-z]|io\\.nbo\\.|org\\.[a-z]+\\.).*")) {
            return "the problem names classes or a stack trace: " + clip(response.body());
        }
        return null;
    }

    private String get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private String base() {
        String url = root.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String clip(String text) {
        String clean = text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 300 ? clean.substring(0, 297) + "..." : clean;
    }
}

package io.nbo.rules.rest;

import static io.nbo.rules.rest.LiveRulesFixture.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.nbo.rules.service.RuleEngine;
import io.nbo.rules.service.RuleSetService;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
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
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Upload limits and long checks against the running server with its default limits: a 200,000-row table is refused
 * at once naming the row limit (it once got no answer within 120 s); bytes, zip bombs and bodies over the server's
 * limit are refused naming theirs; a 100,000-row table is checked as a job the caller follows (phase, rows) while the
 * last good version serves, and then goes live; a job that fails carries the problem a direct answer would have had.
 */
@QuarkusTest
@TestProfile(LimitsProfile.class)
class UploadLimitsLiveTest {

    @Inject
    RuleSetService rules;

    @Inject
    RuleEngine engine;

    @TestHTTPResource("/")
    URL root;

    @BeforeEach
    void baseline() throws Exception {
        LimitsProfile.backToBaseline(rules, engine);
    }

    @Test
    void aTableOfTwoHundredThousandRowsIsRefusedAtOnceNamingTheRowLimit() {
        upload("marketer", "big.drl.csv", table("Big", 200_000, "ELEC-10")).then().statusCode(422)
                .contentType("application/problem+json")
                .body("title", equalTo("Table too big"))
                .body("limit", equalTo("nbo.rules.limits.max-rows"))
                .body("maximum", equalTo(150_000))
                .body("found", equalTo(200_009))
                .body("detail", equalTo("big.drl.csv: has 200,009 rows; a table file may have at most 150,000 "
                        + "(nbo.rules.limits.max-rows); split it into several files or ask an operator to raise the "
                        + "limit"))
                .body("problems[0].file", equalTo("big.drl.csv"));
        assertThat(engine.live().version()).isEqualTo(LimitsProfile.baselineVersion());
    }

    @Test
    void aFileOverTheByteLimitIsTooLarge413() {
        byte[] body = new byte[10 * 1024 * 1024 + 1];
        java.util.Arrays.fill(body, (byte) 'x');

        as("marketer").contentType("text/csv").body(body).put("/api/rulesets/huge.drl.csv").then().statusCode(413)
                .contentType("application/problem+json")
                .body("limit", equalTo("nbo.rules.max-upload-bytes"))
                .body("maximum", equalTo(10_485_760))
                .body("found", equalTo(10_485_761))
                .body("detail", equalTo("huge.drl.csv: is 10,485,761 bytes; a table file may be at most 10,485,760 "
                        + "bytes (nbo.rules.max-upload-bytes)"));
    }

    @Test
    void aZipBombIsRefusedWhileItInflates() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(new byte[64 * 1024 * 1024]);
        }

        as("admin").contentType("application/octet-stream").body(bytes.toByteArray())
                .post("/api/rulesets/bomb.drl.xlsx/validate").then().statusCode(422)
                .body("limit", equalTo("nbo.rules.limits.max-inflate-ratio"))
                .body("maximum", equalTo(100))
                .body("detail", startsWith("bomb.drl.xlsx: inflates more than 100 times its size"));
    }

    @Test
    void aBodyOverTheServersLimitIsRefusedBeforeItIsRead() throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(URI.create(root + "api/rulesets/huge.drl.csv"))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                "marketer:marketer".getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "text/csv")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[17 * 1024 * 1024])).build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonPath body = new JsonPath(response.body());
        assertThat(body.getString("limit")).isEqualTo("nbo.http.max-body-size");
        assertThat(body.getLong("maximum")).isEqualTo(16L * 1024 * 1024);
        assertThat(body.getLong("found")).isEqualTo(17L * 1024 * 1024);
    }

    @Test
    void aHundredThousandRowTableIsCheckedAsAJobTheCallerFollowsAndThenGoesLive() {
        String baseline = LimitsProfile.baselineVersion();
        Response accepted = upload("admin", "big.drl.csv", table("Big", 100_000, "ELEC-10"));

        accepted.then().statusCode(202).header("Preference-Applied", "respond-async")
                .body("kind", equalTo("upload"))
                .body("file", equalTo("big.drl.csv"))
                .body("by", equalTo("admin"));
        String location = accepted.header("Location");
        assertThat(location).endsWith("/api/rulesets/jobs/" + accepted.jsonPath().getString("id"));
        List<JsonPath> seen = new ArrayList<>();
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(250)).until(() -> {
            String serving = engine.live().version();
            JsonPath job = as("marketer").get(location).then().statusCode(200).extract().jsonPath();
            seen.add(job);
            if (job.getString("phase").matches("queued|reading|checking|compiling|testing")) {
                assertThat(serving).isEqualTo(baseline); // read before the job was seen short of its swap
            }
            return job.getString("state").equals("done") || job.getString("state").equals("failed");
        });

        JsonPath done = seen.get(seen.size() - 1);
        assertThat(done.getString("state")).isEqualTo("done");
        assertThat(done.getString("phase")).isEqualTo("done");
        assertThat(done.getLong("rowsDone")).isEqualTo(done.getLong("rowsTotal")).isGreaterThan(100_000);
        assertThat(done.getBoolean("result.changed")).isTrue();
        assertThat(done.getString("result.previousVersion")).isEqualTo(baseline);
        assertThat(seen).anySatisfy(job -> {
            assertThat(job.getString("phase")).isEqualTo("checking");
            assertThat(job.getLong("rowsDone")).isPositive().isLessThan(job.getLong("rowsTotal"));
        });
        assertThat(engine.live().version()).isEqualTo(done.getString("result.version"));
        as("marketer").get("/api/rulesets").then().statusCode(200)
                .body("version", equalTo(done.getString("result.version")));
    }

    @Test
    void aSmallUploadMayAskForAJob_andAJobThatFailsCarriesTheProblem() {
        Response accepted = as("admin").header("Prefer", "respond-async").contentType("text/csv")
                .body(table("Small", 3, "NO-SUCH-OFFER")).put("/api/rulesets/small.drl.csv");
        accepted.then().statusCode(202);

        JsonPath failed = await().atMost(Duration.ofMinutes(1)).until(() -> as("marketer")
                .get(accepted.header("Location")).then().statusCode(200).extract().jsonPath(),
                job -> !job.getString("state").matches("queued|running"));

        assertThat(failed.getString("state")).isEqualTo("failed");
        assertThat(failed.getInt("problem.status")).isEqualTo(422);
        assertThat(failed.getString("problem.detail")).isEqualTo("small.drl.csv cannot go live: 3 error(s), 0 "
                + "failing test(s); the live rule set is unchanged");
        assertThat(failed.getList("problem.problems.cell", String.class)).containsExactly("D10", "D11", "D12");
        assertThat(engine.live().version()).isEqualTo(LimitsProfile.baselineVersion());
        upload("admin", "small.drl.csv", table("Small", 3, "ELEC-10")).then().statusCode(200)
                .body("changed", equalTo(true));
    }

    @Test
    void anUnknownJobIsNotFound() {
        as("marketer").get("/api/rulesets/jobs/no-such-job").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", startsWith("no rule-set job 'no-such-job' on this node"));
    }

    private static Response upload(String user, String name, String csv) {
        return as(user).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .put("/api/rulesets/" + name);
    }

    /**
     * A table of {@code rows} distinct rows (age band and category), each making {@code offer} eligible, under the
     * standard header: nine rows before the data.
     */
    static String table(String name, int rows, String offer) {
        StringBuilder csv = new StringBuilder("""
                RuleSet,nbo.%s
                Import,"io.nbo.rules.vocabulary.Customer, io.nbo.rules.vocabulary.Context"
                Variables,io.nbo.rules.vocabulary.Offers offers

                RuleTable %s
                NAME,CONDITION,CONDITION,ACTION
                ,Customer,Customer,
                ,"age >= $1, age <= $2","likesCategory(""$param"")","offers.eligible(""$param"");"
                Rule,"Age from, to",Top category,Make eligible
                """.formatted(name.toLowerCase(), name));
        for (int i = 0; i < rows; i++) {
            int age = 18 + i % 60;
            csv.append(name).append(" row ").append(i).append(",\"").append(age).append(", ").append(age)
                    .append("\",category-").append(i / 60).append(',').append(offer).append('\n');
        }
        return csv.toString();
    }
}

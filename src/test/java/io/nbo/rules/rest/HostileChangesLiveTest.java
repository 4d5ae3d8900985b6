package io.nbo.rules.rest;

import static io.nbo.rules.rest.LiveRulesFixture.as;
import static io.nbo.rules.rest.LiveRulesFixture.decide;
import static io.nbo.rules.rest.LiveRulesProfile.ELECTRONICS;
import static io.nbo.rules.rest.LiveRulesProfile.electronics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.nbo.rules.compile.RuleSetCompiler;
import io.nbo.rules.service.RuleEngine;
import io.nbo.rules.service.RuleSetService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The doors through which code once ran from a marketer's table, tried against the running server: a DRL file saved
 * into the marketers' folder, a header change or new file in a dry run or simulation, a header edited on disk. Each is
 * refused with the reason, before anything is compiled (the marker file a compiled payload would create never
 * appears), and the live version keeps serving.
 */
@QuarkusTest
@TestProfile(LiveRulesProfile.class)
class HostileChangesLiveTest {

    private static final String BASELINE = RuleSetCompiler.versionOf(LiveRulesProfile.baseline());
    private static final Path MARKER = Path.of("target", "pwned-by-a-live-table");
    /** A rule whose metadata, if Drools ever compiled it, would create the marker file. */
    private static final String METADATA_TABLE = """
            RuleSet,nbo.meta
            Import,"io.nbo.rules.vocabulary.Customer, io.nbo.rules.vocabulary.Context"
            Variables,io.nbo.rules.vocabulary.Offers offers

            RuleTable Meta
            NAME,CONDITION,METADATA,ACTION
            ,Customer,,
            ,"likesCategory(""$param"")","x(new java.io.File(""target/pwned-by-a-live-table"").createNewFile())","offers.eligible(""$param"");"
            Rule,Top category,Meta,Make eligible
            Coffee,coffee,1,COFFEE-AM
            """;

    /** A marketer may add tables built from approved column templates only; METADATA is none. */
    private static final String META_REFUSED = "'meta.drl.csv' is a new table file, and sheet 'Sheet1', RuleTable "
            + "Meta, column C uses the column template METADATA 'x(new java.io.File(\"target/pwned-by-a-live-table\")"
            + ".createNewFile())', which is neither a standard template nor one the live tables use; a new column "
            + "template is code and needs the admin role (docs/decision-tables.md lists the standard templates a "
            + "marketer may use)";

    @Inject
    RuleSetService rules;

    @Inject
    RuleEngine engine;

    @BeforeEach
    void baseline() throws Exception {
        Files.deleteIfExists(MARKER);
        LiveRulesFixture.backToBaseline(rules, engine, BASELINE);
        assertThat(engine.live().version()).isEqualTo(BASELINE);
        LiveRulesFixture.customers();
    }

    @AfterEach
    void nothingRan() throws Exception {
        assertThat(MARKER).doesNotExist();
        LiveRulesProfile.restore();
    }

    @Test
    void aDrlFileSavedIntoTheMarketersFolderIsRefusedNotCompiled() throws Exception {
        Files.writeString(LiveRulesProfile.TABLES.resolve("evil.drl"), """
                package nbo.evil
                rule "evil" when then new java.io.File("target/pwned-by-a-live-table").createNewFile(); end
                """);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("marketer").get("/api/rulesets").then()
                .statusCode(200)
                .body("version", equalTo(BASELINE))
                .body("lastReload.applied", equalTo(false))
                .body("lastReload.problems[0].file", equalTo("evil.drl"))
                .body("lastReload.problems[0].message", equalTo("is DRL, which is developers' code: the "
                        + "decision-tables folder holds spreadsheets only (*.drl.xlsx, *.drl.csv); DRL belongs in the "
                        + "rules folder and is deployed with the server")));
        decide().body("ruleSetVersion", equalTo(BASELINE));
    }

    @Test
    void aHeaderEditedOnDiskIsAMarketersChangeAndIsRefused() {
        String header = electronics("monetary >= $param", "frequency >= $param");

        write(ELECTRONICS, header);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("marketer").get("/api/rulesets").then()
                .statusCode(200)
                .body("version", equalTo(BASELINE))
                .body("lastReload.applied", equalTo(false))
                .body("lastReload.problems[0].message", equalTo("electronics.drl.csv: the header block changed at "
                        + "sheet 'Sheet1', RuleTable Electronics, header row 4, column E ('monetary >= $param' -> "
                        + "'frequency >= $param'); header blocks (RuleSet, Import, Variables, RuleTable, "
                        + "CONDITION/ACTION templates) are code and need the admin role, a marketer may change data "
                        + "rows only")));
        decide().body("ruleSetVersion", equalTo(BASELINE));
    }

    @Test
    void aMarketersDryRunOfANewFileStopsAtTheHeaderLockBeforeAnyCompile() {
        as("marketer").contentType("text/csv").body(METADATA_TABLE).post("/api/rulesets/meta.drl.csv/validate")
                .then().statusCode(200)
                .body("valid", equalTo(false))
                .body("errors.message", contains(META_REFUSED));
        decide().body("ruleSetVersion", equalTo(BASELINE));
    }

    @Test
    void anAdminsDryRunOfAMetadataColumnIsRefusedByTheChecks() {
        as("admin").contentType("text/csv").body(METADATA_TABLE).post("/api/rulesets/meta.drl.csv/validate")
                .then().statusCode(200)
                .body("valid", equalTo(false))
                .body("errors.cell", contains("C6"))
                .body("errors.message", contains("column kind 'METADATA' is not allowed; decision tables use "
                        + "CONDITION, ACTION, NAME, PRIORITY, ACTIVATION-GROUP and DESCRIPTION columns"));
        decide().body("ruleSetVersion", equalTo(BASELINE));
    }

    @Test
    void aMarketersSimulationOfAHeaderChangeIsForbiddenBeforeAnyCompile() {
        as("marketer").contentType("text/csv").body(electronics("monetary >= $param", "frequency >= $param"))
                .post("/api/rulesets/" + ELECTRONICS + "/simulate").then().statusCode(403)
                .contentType("application/problem+json");
        as("marketer").contentType("text/csv").body(METADATA_TABLE).post("/api/rulesets/meta.drl.csv/simulate")
                .then().statusCode(403)
                .body("detail", equalTo(META_REFUSED));
        decide().body("ruleSetVersion", equalTo(BASELINE));
    }

    @Test
    void aMarketersUploadTheReaderRefusesIsToldWhatIsWrongNotThatTheHeaderChanged() {
        String broken = electronics(LiveRulesProfile.FANS_ON_EMAIL,
                "\"Electronics fans\non email\",electronics,email,,,ELEC-10");

        LiveRulesFixture.upload("marketer", ELECTRONICS, broken).statusCode(422)
                .body("problems.cell", contains("A12"))
                .body("problems.message", contains("has a line break inside a quoted value; keep every value on "
                        + "one line"));
        decide().body("ruleSetVersion", equalTo(BASELINE));
    }

    private static void write(String name, String text) {
        try {
            Files.writeString(LiveRulesProfile.TABLES.resolve(name), text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package io.nbo.rules.rest;

import static io.nbo.rules.rest.LiveRulesFixture.as;
import static io.nbo.rules.rest.LiveRulesProfile.ELECTRONICS;
import static io.nbo.rules.rest.LiveRulesProfile.FANS_ON_EMAIL;
import static io.nbo.rules.rest.LiveRulesProfile.electronics;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.nbo.rules.compile.RuleSetCompiler;
import io.nbo.rules.service.RuleEngine;
import io.nbo.rules.service.RuleSetService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rule set's reload status is the latest attempt: a broken file put back as it was clears the failure. */
@QuarkusTest
@TestProfile(LiveRulesProfile.class)
class ReloadStatusLiveTest {

    static final String BASELINE = RuleSetCompiler.versionOf(LiveRulesProfile.baseline());

    @Inject
    RuleSetService rules;

    @Inject
    RuleEngine engine;

    @BeforeEach
    void baseline() throws Exception {
        LiveRulesFixture.backToBaseline(rules, engine, BASELINE);
    }

    @Test
    void aBrokenFilePutBackToItsLiveContentClearsTheReportedFailure() throws Exception {
        Path table = LiveRulesProfile.TABLES.resolve(ELECTRONICS);
        String live = Files.readString(table);
        Files.writeString(table, electronics(FANS_ON_EMAIL, FANS_ON_EMAIL.replace("ELEC-10", "ELEC-99")));
        rules.reloadFromDisk().get(30, TimeUnit.SECONDS);
        as("marketer").get("/api/rulesets").then().statusCode(200)
                .body("version", equalTo(BASELINE))
                .body("lastReload.applied", equalTo(false))
                .body("lastReload.problems[0].cell", equalTo("F12"));

        Files.writeString(table, live);
        rules.reloadFromDisk().get(30, TimeUnit.SECONDS);

        as("marketer").get("/api/rulesets").then().statusCode(200)
                .body("version", equalTo(BASELINE))
                .body("lastReload.applied", equalTo(true))
                .body("lastReload.version", equalTo(BASELINE))
                .body("lastReload.problems", empty());
    }
}

package io.nbo.contact.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.nbo.contact.policy.PolicyTableReader;
import io.nbo.contact.policy.PolicyWorkbooks;
import io.nbo.rules.compile.RuleProblem;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Policy versions live in the database, not in memory: an upload is recorded and written through to the policy file
 * (a workbook replacing the CSV), and after a restart the last activated version serves even when the file is gone
 * or broken. Runs on a temporary copy of the policy file.
 */
@QuarkusTest
@TestProfile(PolicyLifecycleProfile.class)
class PolicyLifecycleTest {

    private static final String HEADER = "Rule,Type,Channel,Offer,Group,Limit,Window,Outcome,Rest,From,Until,Cost\n";
    private static final byte[] ONE_TEXT = (HEADER + "One text a day,cap,sms,,,1,1d,,,,,\n")
            .getBytes(StandardCharsets.UTF_8);

    @Inject
    PolicyService policy;

    @BeforeEach
    void shipped() throws Exception {
        PolicyLifecycleProfile.restore();
        policy.reload("test");
        assertThat(policy.current().version())
                .isEqualTo(PolicyTableReader.version(Files.readAllBytes(PolicyLifecycleProfile.SHIPPED)));
    }

    @Test
    void anUploadIsWrittenThroughAndAWorkbookReplacesTheCsv() throws Exception {
        policy.upload(ONE_TEXT, "marketer");
        assertThat(Files.readAllBytes(PolicyLifecycleProfile.CSV)).isEqualTo(ONE_TEXT);

        byte[] workbook = PolicyWorkbooks.workbook(PolicyWorkbooks.sheet("Policy", List.of(PolicyWorkbooks.header(),
                List.of("Two texts a day", "cap", "sms", "", "", 2, "1d"))));
        given().auth().preemptive().basic("marketer", "marketer").contentType("application/vnd.openxmlformats-"
                + "officedocument.spreadsheetml.sheet").body(workbook).put("/api/policy").then().statusCode(200)
                .body("version", equalTo(PolicyTableReader.version(workbook)));

        assertThat(Files.readAllBytes(PolicyLifecycleProfile.XLSX)).isEqualTo(workbook);
        assertThat(PolicyLifecycleProfile.CSV).doesNotExist();
        assertThat(policy.live().file()).isEqualTo("contact-policy.xlsx");
        assertThat(policy.current().rules().get(0).source()).isEqualTo("contact-policy.xlsx sheet 'Policy' row 2");
        PolicyActivation reread = policy.reload("test");
        assertThat(reread.changed()).isFalse();
        assertThat(reread.version()).isEqualTo(PolicyTableReader.version(workbook));
    }

    @Test
    void afterARestartTheLastActivatedVersionServesEvenWithoutTheFile() throws Exception {
        String uploaded = policy.upload(ONE_TEXT, "marketer").version();
        Files.delete(PolicyLifecycleProfile.CSV);

        policy.onStart(null);

        assertThat(policy.current().version()).isEqualTo(uploaded);
        assertThat(policy.live().source()).isEqualTo("database");
        assertThat(policy.live().bytes()).isEqualTo(ONE_TEXT);
    }

    @Test
    void aBrokenFileAtStartServesTheLastActivatedVersionAndSaysWhy() throws Exception {
        String uploaded = policy.upload(ONE_TEXT, "marketer").version();
        Files.writeString(PolicyLifecycleProfile.CSV, HEADER + "Weekly email,cap,email,,,one,7d,,,,,\n");

        policy.onStart(null);

        assertThat(policy.current().version()).isEqualTo(uploaded);
        assertThat(policy.live().source()).isEqualTo("database");
        assertThat(policy.lastReload()).hasValueSatisfying(status -> {
            assertThat(status.applied()).isFalse();
            assertThat(status.problems()).extracting(RuleProblem::toString).containsExactly("contact-policy.csv, "
                    + "sheet 'Sheet1', cell F2: Limit must be a whole number, e.g. 2, got 'one'");
        });
        given().auth().preemptive().basic("marketer", "marketer").get("/api/policy").then().statusCode(200)
                .body("version", equalTo(uploaded))
                .body("lastReload.applied", equalTo(false))
                .body("lastReload.problems[0].cell", equalTo("F2"));
    }

    @Test
    void aRollbackPutsTheEarlierFileBackOnDisk() throws Exception {
        String shipped = policy.current().version();
        policy.upload(ONE_TEXT, "marketer");

        PolicyActivation back = policy.rollback(shipped, "admin");

        assertThat(back.version()).isEqualTo(shipped);
        assertThat(Files.readAllBytes(PolicyLifecycleProfile.CSV))
                .isEqualTo(Files.readAllBytes(PolicyLifecycleProfile.SHIPPED));
    }
}

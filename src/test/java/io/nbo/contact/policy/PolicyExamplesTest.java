package io.nbo.contact.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbo.rules.compile.RuleProblem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The examples a marketer keeps under Tests in the policy table run through the standard pipeline with the policy
 * under test; a change that breaks one cannot go live, and the failure says which, where, and what happened instead.
 */
class PolicyExamplesTest {

    private static final Path SHIPPED = Path.of("decision-tables/policy/contact-policy.csv");

    @Test
    void theShippedExamplesPass() throws Exception {
        PolicyDraft draft = PolicyDraft.check("contact-policy.csv", Files.readAllBytes(SHIPPED), null);

        assertThat(draft.valid()).isTrue();
        assertThat(draft.testsRun()).isEqualTo(3);
        assertThat(draft.testFailures()).isEmpty();
    }

    @Test
    void aChangeThatBreaksAnExampleIsRefusedNamingTheExampleAndWhatHappened() throws Exception {
        String weaker = Files.readString(SHIPPED).replace("No texts or pushes at night,quiet-hours,sms|push,,,,,,,"
                + "21:00,08:00,", "No texts or pushes at night,quiet-hours,sms|push,,,,,,,23:00,08:00,");

        PolicyDraft draft = PolicyDraft.check("contact-policy.csv", weaker.getBytes(StandardCharsets.UTF_8), null);

        assertThat(draft.valid()).isFalse();
        assertThat(draft.errors()).isEmpty();
        assertThat(draft.testFailures()).extracting(RuleProblem::toString).containsExactly("contact-policy.csv, "
                + "sheet 'Sheet1', row 21: test 'No texts at night' failed: expected channel none, got sms; expected "
                + "rule 'No texts or pushes at night' to keep the offer away, but nothing did (went by sms: the "
                + "offer's first channel the customer can be reached on)");
    }

    @Test
    void anExampleThatCannotRunSaysWhy() {
        String table = PolicyTableReaderTestSupport.HEADER + "Email weekly,cap,email,,,1,7d,,,,,\n\nTests\n"
                + "Test,Channels,History,Expect channel\n"
                + "Bad history,email,offered by pigeon,none\n"
                + "No expectation,email,,\n";

        PolicyDraft draft = PolicyDraft.check("p.csv", table.getBytes(StandardCharsets.UTF_8), null);

        assertThat(draft.testFailures()).extracting(RuleProblem::message).containsExactly(
                "test 'Bad history' cannot be run: History: 'pigeon' is not a duration such as 90m, 24h, 7d or 2w",
                "test 'No expectation' cannot be run: it expects nothing; fill Expect channel (a channel or none) or "
                        + "Expect rule");
    }

    @Test
    void anUnknownExampleColumnIsAnErrorAtItsCell() {
        String table = PolicyTableReaderTestSupport.HEADER + "Email weekly,cap,email,,,1,7d,,,,,\n\nTests\n"
                + "Test,Channels,Age,Expect channel\n"
                + "Forty,email,40,email\n";

        PolicyDraft draft = PolicyDraft.check("p.csv", table.getBytes(StandardCharsets.UTF_8), null);

        assertThat(draft.errors()).extracting(RuleProblem::toString).containsExactly("p.csv, sheet 'Sheet1', cell "
                + "C5: unknown test column 'Age'; use Test, the offer (Offer, Group, Channels), the customer "
                + "(Consents, Prefers, Time zone, History), the moment (Touchpoint, Day, Local time) or Expect "
                + "channel / Expect rule");
    }
}

package io.nbo.contact.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbo.decision.core.policy.ContactPolicy;
import io.nbo.decision.core.policy.PolicyRule;
import io.nbo.decision.core.policy.PolicyRule.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The contact-policy table: the shipped table reads cleanly; every bad cell is named by file, row and column. */
class PolicyTableReaderTest {

    private static final String HEADER = "Rule,Type,Channel,Offer,Group,Limit,Window,Outcome,Rest,From,Until,Cost\n";
    private final PolicyTableReader reader = new PolicyTableReader();

    @Test
    void theShippedPolicyReadsRuleByRule() throws Exception {
        String text = Files.readString(Path.of("decision-tables/policy/contact-policy.csv"));

        ContactPolicy policy = reader.read("contact-policy.csv", text);

        assertThat(policy.rules()).extracting(PolicyRule::name).containsExactly("Email at most once a week",
                "SMS at most twice a week", "Push at most once a day", "An offer at most 3 times in 30 days",
                "Three rejections rest the offer 14 days", "An accepted offer rests 30 days",
                "After a burst rest the customer", "No texts or pushes at night", "Emails go out in the daytime",
                "Black Friday flash stock", "Electronics 20% budget");
        PolicyRule rest = policy.rules().get(4);
        assertThat(rest.kind()).isEqualTo(Kind.REST);
        assertThat(rest.window()).isEqualTo(Duration.ofDays(30));
        assertThat(rest.rest()).isEqualTo(Duration.ofDays(14));
        assertThat(rest.source()).isEqualTo("contact-policy.csv row 9");
        assertThat(policy.rules().get(7).channel().values()).containsExactlyInAnyOrder("sms", "push");
        assertThat(policy.rules().get(6).channel().values()).containsExactlyInAnyOrder("email", "sms", "push",
                "social");
        assertThat(policy.version()).hasSize(12);
    }

    @Test
    void columnsMayComeInAnyOrderAndCommentsAndBlankLinesAreSkipped() {
        ContactPolicy policy = reader.read("p.csv", """
                # weekly email cap
                Type,Rule,Limit,Window,Channel,Offer,Group,Outcome,Rest,From,Until,Cost

                cap,"Email, weekly",1,7d,email,,,,,,,
                """);

        assertThat(policy.rules()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("Email, weekly");
            assertThat(r.count()).isEqualTo(1);
            assertThat(r.source()).isEqualTo("p.csv row 4");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '^', value = {
            "unknown type^X,holiday,,,,,,,,,,^contact-policy.csv, row 2, column Type: Type must be one of consent, cap, rest, quiet-hours, send-window, volume, got 'holiday'",
            "missing limit^X,cap,sms,,,,7d,,,,,^contact-policy.csv, row 2, column Limit: Limit is required: a whole number of contacts, e.g. 2",
            "bad window^X,cap,sms,,,2,a week,,,,,^contact-policy.csv, row 2, column Window: Window must be a number followed by m, h, d or w (90m, 24h, 7d, 2w), got 'a week'",
            "window too long^X,cap,sms,,,2,400d,,,,,^contact-policy.csv, row 2, column Window: Window must be more than zero and at most 366 days, got 400d",
            "unknown channel^X,cap,fax,,,2,7d,,,,,^contact-policy.csv, row 2, column Channel: Channel must be blank (all channels), * (each channel), outbound, inbound or channels joined by | from email, sms, push, social, web, mobile-app, call-centre, in-store, got 'fax'",
            "unused column^X,cap,sms,,,2,7d,rejected,,,,^contact-policy.csv, row 2, column Outcome: a cap rule does not use column Outcome; leave it blank",
            "bad outcome^X,rest,,*,,3,30d,ignored,14d,,,^contact-policy.csv, row 2, column Outcome: Outcome must be one of offered, sent, delivered, opened, clicked, accepted, rejected, purchased, got 'ignored'",
            "bad time^X,quiet-hours,sms,,,,,,,9pm,08:00,^contact-policy.csv, row 2, column From: From must be a local time HH:mm (24-hour), got '9pm'",
            "volume for all offers^X,volume,,*,,100,,,,,,^contact-policy.csv, row 2, column Offer: a volume rule names one offer id; each offer has its own stock or budget",
            "negative cost^X,volume,,A,,100,,,,,,-1^contact-policy.csv, row 2, column Cost: Cost must be a positive number with at most 2 decimals and 12 digits, got -1",
            "code in an id^X,cap,,System.exit(1),,1,7d,,,,,^contact-policy.csv, row 2, column Offer: Offer must be blank (any), * (each one) or ids of letters, digits, '.', '_' or '-' (at most 64) joined by |, got 'System.exit(1)'"})
    void aBadCellIsNamedByFileRowAndColumn(String name, String row, String message) {
        assertThatThrownBy(() -> reader.read("contact-policy.csv", HEADER + row + "\n"))
                .isInstanceOfSatisfying(PolicyTableException.class, e -> assertThat(e.problems())
                        .extracting(PolicyProblem::toString).containsExactly(message));
    }

    @Test
    void everyProblemIsReportedAtOnceIncludingDuplicateNamesAndBadHeaders() {
        assertThatThrownBy(() -> reader.read("p.csv", """
                Rule,Type,Channel,Offer,Group,Limit,Window,Outcome,Rest,From,Until,Cost
                Weekly,cap,email,,,1,7d,,,,,
                weekly,cap,sms,,,2,7d,,,,,
                Nightly,quiet-hours,sms,,,,,,,21:00,21:00,
                """)).isInstanceOfSatisfying(PolicyTableException.class, e -> assertThat(e.problems())
                .extracting(PolicyProblem::toString).containsExactly(
                        "p.csv, row 3, column Rule: rule name 'weekly' is used twice; give each rule its own name",
                        "p.csv, row 4, column Until: From and Until must differ, both are 21:00"));
        assertThatThrownBy(() -> reader.read("p.csv", "Rule,Type,Colour\n"))
                .isInstanceOfSatisfying(PolicyTableException.class, e -> assertThat(e.problems())
                        .extracting(PolicyProblem::toString).startsWith(
                                "p.csv, row 1, column Colour: unknown column 'Colour'; the columns are Rule, Type, "
                                        + "Channel, Offer, Group, Limit, Window, Outcome, Rest, From, Until, Cost",
                                "p.csv, row 1, column Channel: the header has no column Channel"));
    }
}

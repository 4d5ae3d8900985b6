package io.nbo.contact.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbo.decision.core.policy.ContactPolicy;
import io.nbo.decision.core.policy.PolicyRule;
import io.nbo.decision.core.policy.PolicyRule.Kind;
import io.nbo.rules.compile.RuleProblem;
import io.nbo.rules.workbook.WorkbookTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The contact-policy table, read by the project's one spreadsheet reader: the shipped table reads cleanly, CSV and
 * workbooks alike; every bad cell is named by file, sheet, cell and row, as in decision tables.
 */
class PolicyTableReaderTest {

    private static final String HEADER = "Rule,Type,Channel,Offer,Group,Limit,Window,Outcome,Rest,From,Until,Cost\n";
    private final PolicyTableReader reader = new PolicyTableReader();

    @Test
    void theShippedPolicyReadsRuleByRule() throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of("decision-tables/policy/contact-policy.csv"));

        PolicyTable table = reader.read("contact-policy.csv", bytes, null);

        assertThat(table.errors()).isEmpty();
        ContactPolicy policy = table.policy();
        assertThat(policy.rules()).extracting(PolicyRule::name).containsExactly("Email at most once a week",
                "SMS at most twice a week", "Push at most once a day", "An offer at most 3 times in 30 days",
                "Three rejections rest the offer 14 days", "An accepted offer rests 30 days",
                "After a burst rest the customer", "No texts or pushes at night", "Emails go out in the daytime",
                "Black Friday flash stock", "Electronics 20% budget");
        PolicyRule rest = policy.rules().get(4);
        assertThat(rest.kind()).isEqualTo(Kind.REST);
        assertThat(rest.window()).isEqualTo(Duration.ofDays(30));
        assertThat(rest.rest()).isEqualTo(Duration.ofDays(14));
        assertThat(rest.source()).isEqualTo("contact-policy.csv row 10");
        assertThat(policy.rules().get(7).channel().values()).containsExactlyInAnyOrder("sms", "push");
        assertThat(policy.rules().get(6).channel().values()).containsExactlyInAnyOrder("email", "sms", "push",
                "social");
        assertThat(policy.version()).isEqualTo(table.version()).isEqualTo(PolicyTableReader.version(bytes))
                .hasSize(12);
        assertThat(table.tests()).extracting(WorkbookTest::name).containsExactly(
                "Weekly e-mail used: the app instead", "No texts at night", "Accepted a month ago rests");
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
            "unknown type^X,holiday,,,,,,,,,,^contact-policy.csv, sheet 'Sheet1', cell B2: Type must be one of consent, cap, rest, quiet-hours, send-window, volume, got 'holiday'",
            "missing limit^X,cap,sms,,,,7d,,,,,^contact-policy.csv, sheet 'Sheet1', cell F2: Limit is required: a whole number of contacts, e.g. 2",
            "bad window^X,cap,sms,,,2,a week,,,,,^contact-policy.csv, sheet 'Sheet1', cell G2: Window must be a number followed by m, h, d or w (90m, 24h, 7d, 2w), got 'a week'",
            "window too long^X,cap,sms,,,2,400d,,,,,^contact-policy.csv, sheet 'Sheet1', cell G2: Window must be more than zero and at most 366 days, got 400d",
            "unknown channel^X,cap,fax,,,2,7d,,,,,^contact-policy.csv, sheet 'Sheet1', cell C2: Channel must be blank (all channels), * (each channel), outbound, inbound or channels joined by | from email, sms, push, social, web, mobile-app, call-centre, in-store, got 'fax'",
            "unused column^X,cap,sms,,,2,7d,rejected,,,,^contact-policy.csv, sheet 'Sheet1', cell H2: a cap rule does not use column Outcome; leave it blank",
            "bad outcome^X,rest,,*,,3,30d,ignored,14d,,,^contact-policy.csv, sheet 'Sheet1', cell H2: Outcome must be one of offered, sent, delivered, opened, clicked, accepted, rejected, purchased, got 'ignored'",
            "bad time^X,quiet-hours,sms,,,,,,,9pm,08:00,^contact-policy.csv, sheet 'Sheet1', cell J2: From must be a local time HH:mm (24-hour), got '9pm'",
            "volume for all offers^X,volume,,*,,100,,,,,,^contact-policy.csv, sheet 'Sheet1', cell D2: a volume rule names one offer id; each offer has its own stock or budget",
            "negative cost^X,volume,,A,,100,,,,,,-1^contact-policy.csv, sheet 'Sheet1', cell L2: Cost must be a positive number with at most 2 decimals and 12 digits, got -1",
            "code in an id^X,cap,,System.exit(1),,1,7d,,,,,^contact-policy.csv, sheet 'Sheet1', cell D2: Offer must be blank (any), * (each one) or ids of letters, digits, '.', '_' or '-' (at most 64) joined by |, got 'System.exit(1)'",
            "a cell outside the columns^X,cap,sms,,,2,7d,,,,,,oops^contact-policy.csv, sheet 'Sheet1', cell M2: is outside the table's columns (Rule, Type, Channel, Offer, Group, Limit, Window, Outcome, Rest, From, Until, Cost); delete it"})
    void aBadCellIsNamedByFileSheetAndCell(String name, String row, String message) {
        assertThatThrownBy(() -> reader.read("contact-policy.csv", HEADER + row + "\n"))
                .isInstanceOfSatisfying(PolicyRejected.class, e -> assertThat(e.problems())
                        .extracting(RuleProblem::toString).containsExactly(message));
    }

    @Test
    void aQuotedLineBreakIsRefusedWhereTheHandWrittenParserSplitTheRowInTwo() {
        assertThatThrownBy(() -> reader.read("p.csv", HEADER + "\"Email\nweekly\",cap,email,,,1,7d,,,,,\n"))
                .isInstanceOfSatisfying(PolicyRejected.class, e -> assertThat(e.problems())
                        .extracting(RuleProblem::toString).containsExactly("p.csv, sheet 'Sheet1', cell A2: has a "
                                + "line break inside a quoted value; keep every value on one line"));
    }

    @Test
    void everyProblemIsReportedAtOnceIncludingDuplicateNamesAndBadHeaders() {
        assertThatThrownBy(() -> reader.read("p.csv", """
                Rule,Type,Channel,Offer,Group,Limit,Window,Outcome,Rest,From,Until,Cost
                Weekly,cap,email,,,1,7d,,,,,
                weekly,cap,sms,,,2,7d,,,,,
                Nightly,quiet-hours,sms,,,,,,,21:00,21:00,
                """)).isInstanceOfSatisfying(PolicyRejected.class, e -> assertThat(e.problems())
                .extracting(RuleProblem::toString).containsExactly(
                        "p.csv, sheet 'Sheet1', cell A3: rule name 'weekly' is used twice; give each rule its own name",
                        "p.csv, sheet 'Sheet1', cell K4: From and Until must differ, both are 21:00"));
        assertThatThrownBy(() -> reader.read("p.csv", "Rule,Type,Colour\n"))
                .isInstanceOfSatisfying(PolicyRejected.class, e -> assertThat(e.problems())
                        .extracting(RuleProblem::toString).startsWith(
                                "p.csv, sheet 'Sheet1', cell C1: unknown column 'Colour'; the columns are Rule, Type, "
                                        + "Channel, Offer, Group, Limit, Window, Outcome, Rest, From, Until, Cost",
                                "p.csv, sheet 'Sheet1', row 1: the header has no column Channel"));
    }

    @Test
    void aWorkbookReadsLikeItsCsvWithNumbersTypedAsNumbersAndExamplesOnATestsSheet() {
        byte[] workbook = PolicyWorkbooks.workbook(
                PolicyWorkbooks.sheet("Policy", List.of(
                        List.of("Rule", "Type", "Channel", "Offer", "Group", "Limit", "Window", "Outcome", "Rest",
                                "From", "Until", "Cost"),
                        List.of("SMS twice a week", "cap", "sms", "", "", 2, "7d"),
                        List.of("Budget", "volume", "", "ELEC-20", "", 20000, "", "", "", "", "", 80.5))),
                PolicyWorkbooks.sheet("Tests", List.of(
                        List.of("Tests"),
                        List.of("Test", "Channels", "Consents", "Expect channel"),
                        List.of("Texts go out", "sms", "sms", "sms"))));

        PolicyTable table = reader.read("contact-policy.xlsx", workbook, Set.of("ELEC-10"));

        assertThat(table.errors()).isEmpty();
        assertThat(table.policy().rules()).extracting(PolicyRule::limit)
                .containsExactly(new BigDecimal("2"), new BigDecimal("20000"));
        assertThat(table.policy().rules().get(1).cost()).isEqualByComparingTo("80.5");
        assertThat(table.policy().rules().get(0).source()).isEqualTo("contact-policy.xlsx sheet 'Policy' row 2");
        assertThat(table.tests()).singleElement().satisfies(t -> assertThat(t.location())
                .isEqualTo("contact-policy.xlsx, sheet 'Tests', row 3"));
        assertThat(table.warnings()).extracting(RuleProblem::toString).containsExactly("contact-policy.xlsx, sheet "
                + "'Policy', cell D3: offer id 'ELEC-20' is not in the offer catalogue; rule 'Budget' applies to no "
                + "offer until one with that id exists");
    }

    @Test
    void aWorkbookWithMergedCellsOrRulesOnAnotherSheetIsRefusedCellByCell() {
        byte[] workbook = PolicyWorkbooks.workbook(
                PolicyWorkbooks.sheet("Policy", List.of(
                        List.of("Rule", "Type", "Channel", "Offer", "Group", "Limit", "Window", "Outcome", "Rest",
                                "From", "Until", "Cost"),
                        List.of("SMS twice a week", "cap", "sms", "", "", 2, "7d"))),
                PolicyWorkbooks.sheet("More", List.of(List.of(), List.of("", "Email weekly", "cap"))));
        byte[] merged = merge(workbook, "Policy", new CellRangeAddress(1, 1, 2, 4));

        PolicyTable table = reader.read("contact-policy.xlsx", merged, null);

        assertThat(table.policy()).isNull();
        assertThat(table.errors()).extracting(RuleProblem::toString).containsExactly(
                "contact-policy.xlsx, sheet 'More', cell B2: is outside a Tests block; a policy workbook holds the "
                        + "rules on its first sheet and, on other sheets, only Tests blocks (a cell 'Tests', a header "
                        + "row, one example per row)",
                "contact-policy.xlsx, sheet 'Policy', cell C2:E2: is a merged range; every cell of the policy holds "
                        + "its own value: unmerge it");
    }

    private static byte[] merge(byte[] bytes, String sheet, CellRangeAddress range) {
        try (Workbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(bytes));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.getSheet(sheet).addMergedRegion(range);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}

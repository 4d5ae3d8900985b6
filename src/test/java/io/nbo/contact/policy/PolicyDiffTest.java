package io.nbo.contact.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbo.rules.diff.RuleSetDiff;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Policy versions compare rule by rule, cell by cell, in the rule-set diff's shape, CSV against workbook alike. */
class PolicyDiffTest {

    private static final String HEADER = PolicyTableReaderTestSupport.HEADER;
    private final PolicyDiff differ = new PolicyDiff();

    @Test
    void rulesAddedRemovedAndChangedAreListedWithTheirCells() {
        String before = HEADER + "Email weekly,cap,email,,,1,7d,,,,,\nNight,quiet-hours,sms,,,,,,,21:00,08:00,\n";
        String after = HEADER + "Email weekly,cap,email,,,2,7d,,,,,\nStock,volume,,A,,10,,,,,,\n";

        RuleSetDiff.Diff diff = differ.diff("v1", "p.csv", utf8(before), "v2", "p.csv", utf8(after));

        assertThat(diff.from()).isEqualTo("v1");
        assertThat(diff.to()).isEqualTo("v2");
        assertThat(diff.files()).singleElement().satisfies(file -> {
            assertThat(file.file()).isEqualTo("p.csv");
            assertThat(file.change()).isEqualTo("changed");
            assertThat(file.rows()).containsExactly(
                    new RuleSetDiff.RowChange("changed", "Sheet1", "contact policy", "Email weekly", 2, 2,
                            java.util.List.of(new RuleSetDiff.CellChange("Limit", "1", "2"))),
                    new RuleSetDiff.RowChange("added", "Sheet1", "contact policy", "Stock", null, 3,
                            java.util.List.of(new RuleSetDiff.CellChange("Rule", null, "Stock"),
                                    new RuleSetDiff.CellChange("Type", null, "volume"),
                                    new RuleSetDiff.CellChange("Offer", null, "A"),
                                    new RuleSetDiff.CellChange("Limit", null, "10"))),
                    new RuleSetDiff.RowChange("removed", "Sheet1", "contact policy", "Night", 3, null,
                            java.util.List.of(new RuleSetDiff.CellChange("Rule", "Night", null),
                                    new RuleSetDiff.CellChange("Type", "quiet-hours", null),
                                    new RuleSetDiff.CellChange("Channel", "sms", null),
                                    new RuleSetDiff.CellChange("From", "21:00", null),
                                    new RuleSetDiff.CellChange("Until", "08:00", null))));
        });
        assertThat(differ.summary("p.csv", utf8(before), "p.csv", utf8(after)))
                .isEqualTo("Email weekly (changed), Stock (added), Night (removed)");
    }

    @Test
    void theSameBytesHaveNoDifferenceAndAReorderedTableOnlyMovedRows() {
        String table = HEADER + "A,cap,email,,,1,7d,,,,,\nB,cap,sms,,,1,7d,,,,,\n";
        String reordered = HEADER + "B,cap,sms,,,1,7d,,,,,\nA,cap,email,,,1,7d,,,,,\n";

        assertThat(differ.diff("x", "p.csv", utf8(table), "x", "p.csv", utf8(table)).files()).isEmpty();
        assertThat(differ.diff("x", "p.csv", utf8(table), "y", "p.csv", utf8(reordered)).files())
                .singleElement().satisfies(f -> assertThat(f.rows()).isEmpty());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

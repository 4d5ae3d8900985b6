package io.nbo.event.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbo.event.core.AggregateState.Tally;
import io.nbo.offer.Channel;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The documented formulas (docs/customer-data.md), on hand-worked numbers. */
class AggregatesTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-23");

    @Test
    void aHandBuiltHistoryGivesExactlyTheDocumentedValues() {
        TreeMap<YearMonth, Tally> months = new TreeMap<>(Map.of(
                YearMonth.parse("2025-10"), tally(1, "20.00"),     // outside the 12-month window
                YearMonth.parse("2026-06"), tally(1, "21.50"),
                YearMonth.parse("2026-11"), tally(2, "46.00")));
        AggregateState state = new AggregateState(months,
                Map.of("coffee", tally(6, "35.00"), "homeware", tally(1, "12.50")),
                Map.of("flat-white", tally(5, "15.00"), "beans", tally(1, "20.00"), "mug", tally(1, "12.50")),
                Map.of(Channel.EMAIL, 2, Channel.PUSH, 1), Instant.parse("2025-10-25T09:00:00Z"),
                Instant.parse("2026-11-21T17:30:00Z"));

        Aggregates.Derived d = Aggregates.derive(state, TODAY);

        assertThat(d.recencyDays()).isEqualTo(2);
        assertThat(d.frequency()).isEqualTo(3);
        assertThat(d.monetary()).isEqualByComparingTo("67.50");
        assertThat(d.topCategories()).containsExactly("coffee", "homeware");
        assertThat(d.topItems()).containsExactly("flat-white", "beans", "mug");
        assertThat(d.preferredChannels()).containsExactly(Channel.EMAIL, Channel.PUSH);
        assertThat(d.lifecycle()).isEqualTo("active");
        // 1 - e^(-(3/365) x 2) = 0.016304...
        assertThat(d.churnRisk()).isEqualTo(0.0163);
        // 67.50 x (1 - 0.0163) = 66.39975
        assertThat(d.predictedValue()).isEqualByComparingTo("66.40");
    }

    @Test
    void eventsAfterAnImportedBaselineAddOnTopOfIt() {
        // Imported on 2026-10-15: last purchase 20 days before, 4 purchases and 100.00 in 12 months, tea and cakes.
        Baseline imported = new Baseline(Instant.parse("2026-10-15T12:00:00Z"), 20, 4, new BigDecimal("100.00"),
                java.util.List.of("tea", "cakes"), java.util.List.of("earl-grey"));
        // Then one purchase event: 2 flat-white (coffee) at 4.50 on 2026-11-20.
        AggregateState state = new AggregateState(new TreeMap<>(Map.of(YearMonth.parse("2026-11"), tally(1, "9.00"))),
                Map.of("coffee", tally(2, "9.00")), Map.of("flat-white", tally(2, "9.00")), Map.of(),
                Instant.parse("2026-11-20T10:00:00Z"), Instant.parse("2026-11-20T10:00:00Z"), imported);

        Aggregates.Derived d = Aggregates.derive(state, TODAY);

        assertThat(d.frequency()).isEqualTo(5);
        assertThat(d.monetary()).isEqualByComparingTo("109.00");
        assertThat(d.recencyDays()).isEqualTo(3);
        assertThat(d.topCategories()).containsExactly("tea", "cakes", "coffee");
        assertThat(d.topItems()).containsExactly("earl-grey", "flat-white");
        // First purchase unknown: taken as the start of the baseline's window (2025-10-15), so not "new".
        assertThat(d.lifecycle()).isEqualTo("active");
        // 1 - e^(-(5/365) x 3) = 0.040263...; 109.00 x 0.9597 = 104.6073
        assertThat(d.churnRisk()).isEqualTo(0.0403);
        assertThat(d.predictedValue()).isEqualByComparingTo("104.61");

        // A year on the baseline's month has left the window; its last purchase still counts for recency.
        Aggregates.Derived later = Aggregates.derive(state, LocalDate.parse("2027-10-01"));
        assertThat(later.frequency()).isEqualTo(1);
        assertThat(later.monetary()).isEqualByComparingTo("9.00");
        assertThat(later.recencyDays()).isEqualTo(315);

        // With no events yet, the baseline alone gives the imported figures, recency grown with time.
        Aggregates.Derived alone = Aggregates.derive(new AggregateState(new TreeMap<>(), Map.of(), Map.of(), Map.of(),
                null, null, imported), TODAY);
        assertThat(alone.frequency()).isEqualTo(4);
        assertThat(alone.monetary()).isEqualByComparingTo("100.00");
        assertThat(alone.recencyDays()).isEqualTo(59);
        assertThat(alone.topCategories()).containsExactly("tea", "cakes");
    }

    @ParameterizedTest(name = "first {0}, last {1}, months {2} -> {3}")
    @CsvSource({
            "2026-10-01, 2026-11-20, 2026-10;2026-11, new",
            "2025-01-10, 2026-11-20, 2025-01;2025-02;2026-11, won-back",
            "2025-01-10, 2026-09-02, 2025-01;2026-09, won-back",
            "2025-01-10, 2026-08-30, 2025-01;2026-08, active",
            "2025-01-10, 2026-11-20, 2025-01;2025-06;2025-11;2026-04;2026-09;2026-11, active",
            "2025-01-10, 2026-11-20, 2025-01;2025-06;2025-11;2026-04;2026-11, won-back",
            "2025-01-10, 2026-08-25, 2025-01;2026-08, active",
            "2025-01-10, 2026-08-23, 2025-01;2026-08, lapsing",
            "2025-01-10, 2026-05-27, 2025-01;2026-05, lapsing",
            "2025-01-10, 2026-05-26, 2025-01;2026-05, lapsed"})
    void lifecycleStages(String first, String last, String purchaseMonths, String expected) {
        TreeMap<YearMonth, Tally> months = new TreeMap<>();
        for (String m : purchaseMonths.split(";")) {
            months.put(YearMonth.parse(m), tally(1, "10.00"));
        }
        AggregateState state = new AggregateState(months, Map.of(), Map.of(), Map.of(),
                Instant.parse(first + "T10:00:00Z"), Instant.parse(last + "T10:00:00Z"));

        assertThat(Aggregates.derive(state, TODAY).lifecycle()).isEqualTo(expected);
    }

    @Test
    void aCustomerWhoNeverBoughtKeepsLifecycleAndScoresAsImported() {
        AggregateState state = new AggregateState(new TreeMap<>(), Map.of(), Map.of(), Map.of(Channel.SMS, 1),
                null, null);

        Aggregates.Derived d = Aggregates.derive(state, TODAY);

        assertThat(d.recencyDays()).isNull();
        assertThat(d.frequency()).isZero();
        assertThat(d.monetary()).isEqualByComparingTo("0");
        assertThat(d.lifecycle()).isNull();
        assertThat(d.churnRisk()).isNull();
        assertThat(d.predictedValue()).isNull();
        assertThat(d.preferredChannels()).containsExactly(Channel.SMS);
    }

    @Test
    void churnRiskGrowsWithSilenceMeasuredAgainstTheCustomersOwnPace() {
        // one purchase 400 days ago: rate 1/365, 1 - e^(-400/365) = 0.6657...
        AggregateState once = new AggregateState(new TreeMap<>(Map.of(YearMonth.parse("2025-10"), tally(1, "50"))),
                Map.of(), Map.of(), Map.of(), Instant.parse("2025-10-19T10:00:00Z"),
                Instant.parse("2025-10-19T10:00:00Z"));

        Aggregates.Derived d = Aggregates.derive(once, TODAY);

        assertThat(d.recencyDays()).isEqualTo(400);
        assertThat(d.frequency()).isZero();
        assertThat(d.churnRisk()).isEqualTo(0.6658);
        assertThat(d.predictedValue()).isEqualByComparingTo("0.00");
        assertThat(d.lifecycle()).isEqualTo("lapsed");
    }

    private static Tally tally(long count, String amount) {
        return new Tally(count, new BigDecimal(amount));
    }
}

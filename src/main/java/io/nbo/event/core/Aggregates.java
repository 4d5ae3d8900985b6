package io.nbo.event.core;

import io.nbo.offer.Channel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The profile's aggregates, worked out from a customer's {@link AggregateState} as of a day. Plain Java; the formulas
 * are documented in docs/customer-data.md and held there by {@code AggregatesTest}.
 *
 * <ul>
 *   <li>recency: whole days from the last purchase's (UTC) date to today's; null when never bought</li>
 *   <li>frequency, monetary: purchases and spend in the 12-month window (this calendar month and the 11 before)</li>
 *   <li>top categories: by spend, then name; top items: by quantity, then spend, then name (at most 5 each)</li>
 *   <li>preferred channels: channels with responses, most first (then channel order)</li>
 *   <li>lifecycle: {@code new} (first purchase within 90 days), {@code won-back} (bought within 90 days after six
 *       or more calendar months without buying, the return within the last three months), {@code active} (last
 *       purchase within 90 days), {@code lapsing} (91 to 180 days), {@code lapsed} (over 180 days); unchanged for
 *       a customer who never bought</li>
 *   <li>churn risk: 1 - e^(-rate x recency), rate = max(frequency, 1) / 365 purchases a day: how unlikely the
 *       present silence is for someone buying at their own pace (4 decimals)</li>
 *   <li>predicted value: monetary x (1 - churn risk), the next 12 months' spend if they keep their pace, weighted
 *       by the chance they still do (2 decimals)</li>
 * </ul>
 */
public final class Aggregates {

    public static final int TOP = 5;
    static final int ACTIVE_DAYS = 90;
    static final int LAPSING_DAYS = 180;
    static final int GAP_MONTHS = 6;
    static final int RETURN_MONTHS = 3;

    private Aggregates() {
    }

    /** The derived values; {@code lifecycle} and {@code churnRisk} null when the customer never bought. */
    public record Derived(Integer recencyDays, int frequency, BigDecimal monetary, List<String> topCategories,
                          List<String> topItems, List<Channel> preferredChannels, String lifecycle,
                          Double churnRisk, BigDecimal predictedValue) {
    }

    public static Derived derive(AggregateState events, LocalDate today) {
        AggregateState state = events.withBaselineFolded();
        YearMonth current = YearMonth.from(today);
        YearMonth from = current.minusMonths(11);
        int frequency = 0;
        BigDecimal monetary = BigDecimal.ZERO;
        for (Map.Entry<YearMonth, AggregateState.Tally> e : state.months().tailMap(from).entrySet()) {
            if (!e.getKey().isAfter(current)) {
                frequency += (int) e.getValue().count();
                monetary = monetary.add(e.getValue().amount());
            }
        }
        monetary = monetary.setScale(2, RoundingMode.HALF_UP);
        List<String> categories = state.categories().entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, AggregateState.Tally>, BigDecimal>comparing(
                        e -> e.getValue().amount()).reversed().thenComparing(Map.Entry::getKey))
                .limit(TOP).map(Map.Entry::getKey).toList();
        if (state.baseline() != null) {
            categories = baselineFirst(state.baseline().topCategories(), categories);
        }
        List<String> items = state.items().entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, AggregateState.Tally>>comparingLong(e -> e.getValue().count())
                        .reversed()
                        .thenComparing(e -> e.getValue().amount(), Comparator.reverseOrder())
                        .thenComparing(Map.Entry::getKey))
                .limit(TOP).map(Map.Entry::getKey).toList();
        if (state.baseline() != null) {
            items = baselineFirst(state.baseline().topItems(), items);
        }
        List<Channel> channels = state.responses().entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Comparator.<Map.Entry<Channel, Integer>>comparingInt(Map.Entry::getValue).reversed()
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).toList();
        if (!state.purchased()) {
            return new Derived(null, frequency, monetary, categories, items, channels, null, null, null);
        }
        int recency = (int) Math.max(0, ChronoUnit.DAYS.between(day(state.lastPurchase()), today));
        double rate = Math.max(frequency, 1) / 365.0;
        double churn = round(1 - Math.exp(-rate * recency), 4);
        BigDecimal predicted = monetary.multiply(BigDecimal.valueOf(1 - churn)).setScale(2, RoundingMode.HALF_UP);
        return new Derived(recency, frequency, monetary, categories, items, channels,
                lifecycle(state, today, recency), churn, predicted);
    }

    /** The imported list in its order, then the events' names not in it, at most {@link #TOP}. */
    private static List<String> baselineFirst(List<String> imported, List<String> fromEvents) {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>(imported);
        out.addAll(fromEvents);
        return out.stream().limit(TOP).toList();
    }

    static String lifecycle(AggregateState state, LocalDate today, int recency) {
        if (recency > LAPSING_DAYS) {
            return "lapsed";
        }
        if (recency > ACTIVE_DAYS) {
            return "lapsing";
        }
        if (ChronoUnit.DAYS.between(day(state.firstPurchase()), today) <= ACTIVE_DAYS) {
            return "new";
        }
        return wonBack(state.purchaseMonths(), YearMonth.from(today)) ? "won-back" : "active";
    }

    /** The latest return after a gap of GAP_MONTHS or more empty months lies within the last RETURN_MONTHS. */
    private static boolean wonBack(List<YearMonth> months, YearMonth current) {
        for (int i = months.size() - 1; i > 0; i--) {
            long gap = ChronoUnit.MONTHS.between(months.get(i - 1), months.get(i)) - 1;
            if (gap >= GAP_MONTHS) {
                return !months.get(i).isBefore(current.minusMonths(RETURN_MONTHS - 1));
            }
        }
        return false;
    }

    private static LocalDate day(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static double round(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
    }
}

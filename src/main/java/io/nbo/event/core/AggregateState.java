package io.nbo.event.core;

import io.nbo.offer.Channel;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What we keep per customer to derive the aggregates: additive counters and the first and last purchase. Every part
 * is a sum, a minimum or a maximum, so applying the same events in any order gives the same state (and each event is
 * applied once: its id is checked first).
 *
 * @param months     purchases and spend per calendar month (UTC) of the purchase
 * @param categories spend and quantity per category, all kept history
 * @param items      quantity and spend per item, all kept history
 * @param responses  responses (opened, clicked) per channel
 * @param baseline   the imported purchase figures the events add to; null when none
 */
public record AggregateState(SortedMap<YearMonth, Tally> months, Map<String, Tally> categories,
                             Map<String, Tally> items, Map<Channel, Integer> responses, Instant firstPurchase,
                             Instant lastPurchase, Baseline baseline) {

    /** State without a baseline. */
    public AggregateState(SortedMap<YearMonth, Tally> months, Map<String, Tally> categories, Map<String, Tally> items,
                          Map<Channel, Integer> responses, Instant firstPurchase, Instant lastPurchase) {
        this(months, categories, items, responses, firstPurchase, lastPurchase, null);
    }

    public AggregateState {
        months = new TreeMap<>(months);
        categories = Map.copyOf(categories);
        items = Map.copyOf(items);
        responses = Map.copyOf(responses);
    }

    public static AggregateState empty() {
        return new AggregateState(new TreeMap<>(), Map.of(), Map.of(), Map.of(), null, null, null);
    }

    /** This state with the events' months, first and last purchase folded together with the baseline's figures. */
    public AggregateState withBaselineFolded() {
        if (baseline == null) {
            return this;
        }
        TreeMap<YearMonth, Tally> merged = new TreeMap<>(months);
        if (baseline.frequency() > 0 || baseline.monetary().signum() != 0) {
            merged.merge(baseline.month(), new Tally(baseline.frequency(), baseline.monetary()),
                    (a, b) -> a.plus(b.count(), b.amount()));
        }
        Instant implied = baseline.lastPurchaseDay() == null ? null
                : baseline.lastPurchaseDay().atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        Instant last = lastPurchase == null || implied != null && implied.isAfter(lastPurchase) ? implied
                : lastPurchase;
        // The figures do not say when the first purchase was: taken as the start of their 12-month window.
        Instant start = implied == null ? null : baseline.asOf().atZone(java.time.ZoneOffset.UTC).minusMonths(12)
                .toInstant();
        Instant first = firstPurchase == null || start != null && start.isBefore(firstPurchase) ? start
                : firstPurchase;
        return new AggregateState(merged, categories, items, responses, first, last, baseline);
    }

    public boolean purchased() {
        return lastPurchase != null;
    }

    /** A count and an amount. */
    public record Tally(long count, BigDecimal amount) {
        public Tally plus(long n, BigDecimal a) {
            return new Tally(count + n, amount.add(a));
        }
    }

    /** The months with at least one purchase, oldest first. */
    public List<YearMonth> purchaseMonths() {
        return months.entrySet().stream().filter(e -> e.getValue().count() > 0).map(Map.Entry::getKey).toList();
    }
}

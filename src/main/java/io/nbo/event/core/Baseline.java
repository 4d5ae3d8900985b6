package io.nbo.event.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A customer's purchase figures as an import (or another profile write) gave them, as of that write: the baseline
 * that events after it add to. Events that happened before {@code asOf} are stored but not counted (the figures
 * already hold them). Plain Java.
 *
 * @param recencyDays days since the last purchase as of {@code asOf}; null: unknown or never bought
 * @param frequency   purchases in the 12 months up to {@code asOf}
 * @param monetary    spend in the 12 months up to {@code asOf}
 */
public record Baseline(Instant asOf, Integer recencyDays, int frequency, BigDecimal monetary,
                       List<String> topCategories, List<String> topItems) {

    public Baseline {
        topCategories = List.copyOf(topCategories);
        topItems = List.copyOf(topItems);
    }

    /** The month the figures are counted in: they stay in the 12-month window while this month does. */
    public YearMonth month() {
        return YearMonth.from(asOf.atZone(ZoneOffset.UTC));
    }

    /** The day of the last purchase the figures imply ({@code asOf}'s UTC date minus recencyDays); null if none. */
    public LocalDate lastPurchaseDay() {
        return recencyDays == null ? null : asOf.atZone(ZoneOffset.UTC).toLocalDate().minusDays(recencyDays);
    }

    /** True when the figures say the customer bought. */
    public boolean purchased() {
        return recencyDays != null || frequency > 0;
    }

    /** True when an event at this time is held by the figures already (it happened before they were taken). */
    public boolean covers(Instant occurredAt) {
        return occurredAt.isBefore(asOf);
    }
}

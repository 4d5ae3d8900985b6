package io.nbo.offer.completion;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What completes an offer: a purchase within {@code withinDays} of the decision that made it, spending at least
 * {@code minSpend} (in {@code category} when one is named; any purchase otherwise). Immutable.
 *
 * @param minSpend null: any amount (then {@code category} must be named)
 * @param category null: any category
 */
public record CompletionTerms(String offerId, BigDecimal minSpend, String category, int withinDays) {

    public CompletionTerms {
        Objects.requireNonNull(offerId, "offerId");
    }

    /** The spend this purchase counts towards the terms: the whole amount, or the lines in the category. */
    public BigDecimal qualifyingSpend(BigDecimal amount, java.util.List<Line> lines) {
        if (category == null) {
            return amount;
        }
        return lines.stream().filter(l -> category.equals(l.category())).map(Line::total)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** True when a purchase with this qualifying spend (and a line in the category, if named) completes the offer. */
    public boolean completedBy(BigDecimal amount, java.util.List<Line> lines) {
        boolean inCategory = category == null || lines.stream().anyMatch(l -> category.equals(l.category()));
        return inCategory && (minSpend == null || qualifyingSpend(amount, lines).compareTo(minSpend) >= 0);
    }

    /** A purchase line as the terms read it. */
    public record Line(String category, BigDecimal total) {
    }
}

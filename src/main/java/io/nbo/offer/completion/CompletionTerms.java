package io.nbo.offer.completion;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What completes an offer: purchases within {@code withinDays} of the decision that made it, spending at least
 * {@code minSpend} together (counting only lines in {@code category} when one is named; all spend otherwise), each
 * purchase once. Immutable.
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

    /**
     * Where these purchases (those in the window, each once) complete the offer: going through them in the order they
     * happened (then by event id), the first at which the qualifying spend so far reaches {@code minSpend}, with that
     * sum; empty when they never do. With no {@code minSpend}, the first purchase with a line in the category.
     */
    public java.util.Optional<Completed> completion(java.util.List<Purchase> purchases) {
        java.util.List<Purchase> ordered = purchases.stream().sorted(java.util.Comparator.comparing(Purchase::at)
                .thenComparing(Purchase::eventId)).toList();
        BigDecimal sum = BigDecimal.ZERO;
        for (Purchase p : ordered) {
            boolean inCategory = category == null || p.lines().stream().anyMatch(l -> category.equals(l.category()));
            if (!inCategory) {
                continue;
            }
            sum = sum.add(qualifyingSpend(p.amount(), p.lines()));
            if (minSpend == null || sum.compareTo(minSpend) >= 0) {
                return java.util.Optional.of(new Completed(p, sum));
            }
        }
        return java.util.Optional.empty();
    }

    /** A purchase as the terms read it. */
    public record Purchase(String eventId, java.time.Instant at, BigDecimal amount, java.util.List<Line> lines) {
    }

    /** The purchase that completed the offer and the qualifying spend up to and including it. */
    public record Completed(Purchase by, BigDecimal spend) {
    }

    /** A purchase line as the terms read it. */
    public record Line(String category, BigDecimal total) {
    }
}

package io.nbo.offer.completion;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spend is added up across the purchases in the window, in the order they happened, each once. */
class CompletionTermsTest {

    private static final CompletionTerms COFFEE_10 = new CompletionTerms("O", new BigDecimal("10.00"), "coffee", 7);

    @Test
    void fourThenSevenOnCoffeeCompletesAtTheSecondWhateverTheOrderGiven() {
        CompletionTerms.Purchase four = purchase("p1", "2026-11-24T10:00:00Z", line("coffee", "4.00"));
        CompletionTerms.Purchase scarf = purchase("p2", "2026-11-24T11:00:00Z", line("fashion", "40.00"));
        CompletionTerms.Purchase seven = purchase("p3", "2026-11-25T10:00:00Z", line("coffee", "7.00"),
                line("fashion", "3.00"));

        CompletionTerms.Completed done = COFFEE_10.completion(List.of(seven, scarf, four)).orElseThrow();

        assertThat(done.by().eventId()).isEqualTo("p3");
        assertThat(done.spend()).isEqualByComparingTo("11.00");
    }

    @Test
    void notEnoughOnTheCategoryDoesNotComplete() {
        assertThat(COFFEE_10.completion(List.of(purchase("p1", "2026-11-24T10:00:00Z", line("coffee", "4.00")),
                purchase("p2", "2026-11-24T11:00:00Z", line("tea", "9.00"))))).isEmpty();
    }

    @Test
    void withoutACategoryTheWholeAmountsCount() {
        CompletionTerms any10 = new CompletionTerms("O", new BigDecimal("10.00"), null, 7);
        CompletionTerms.Completed done = any10.completion(List.of(
                purchase("p1", "2026-11-24T10:00:00Z", line("tea", "6.00")),
                purchase("p2", "2026-11-24T11:00:00Z", line("fashion", "4.00")))).orElseThrow();
        assertThat(done.by().eventId()).isEqualTo("p2");
        assertThat(done.spend()).isEqualByComparingTo("10.00");
    }

    @Test
    void aCategoryWithoutMinimumIsCompletedByTheFirstPurchaseInIt() {
        CompletionTerms anyCoffee = new CompletionTerms("O", null, "coffee", 7);
        CompletionTerms.Completed done = anyCoffee.completion(List.of(
                purchase("p2", "2026-11-24T11:00:00Z", line("coffee", "2.50")),
                purchase("p1", "2026-11-24T10:00:00Z", line("tea", "6.00")))).orElseThrow();
        assertThat(done.by().eventId()).isEqualTo("p2");
        assertThat(done.spend()).isEqualByComparingTo("2.50");
    }

    private static CompletionTerms.Purchase purchase(String id, String at, CompletionTerms.Line... lines) {
        BigDecimal amount = List.of(lines).stream().map(CompletionTerms.Line::total)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new CompletionTerms.Purchase(id, Instant.parse(at), amount, List.of(lines));
    }

    private static CompletionTerms.Line line(String category, String total) {
        return new CompletionTerms.Line(category, new BigDecimal(total));
    }
}

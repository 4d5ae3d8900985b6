package io.nbo.rules.compile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PatternMergerTest {

    @Test
    void patternsOnTheSameFactBecomeOne() {
        String drl = """
                // rule values at A11, header at A6
                rule "Young fans in the app"
                \twhen
                \t\tCustomer(likesCategory("electronics"))
                \t\tContext(touchpoint == "mobile-app")
                \t\tCustomer(age >= 18, age <= 29)
                \tthen
                \t\toffers.eligible("ELEC-10");
                end
                """;

        assertThat(PatternMerger.merge(drl)).isEqualTo("""
                // rule values at A11, header at A6
                rule "Young fans in the app"
                \twhen
                \t\tCustomer(likesCategory("electronics"), age >= 18, age <= 29)
                \t\tContext(touchpoint == "mobile-app")
                \tthen
                \t\toffers.eligible("ELEC-10");
                end
                """);
    }

    @Test
    void boundOrNestedPatternsAndOtherFactsAreLeftAsWritten() {
        String drl = """
                rule "r"
                \twhen
                \t\t$c: Customer(age > 18)
                \t\tCustomer(age < 60)
                \t\tnot Customer(hasTag("staff"))
                \t\tOffer(id == "X")
                \t\tOffer(id == "Y")
                \tthen
                end
                """;

        assertThat(PatternMerger.merge(drl)).isEqualTo(drl);
    }
}

package io.nbo.rules.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbo.rules.compile.RuleSource;
import io.nbo.rules.fixtures.Tables;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The documented standard templates are real: each passes the vocabulary guard, and the sample tables use only them. */
class StandardTemplatesTest {

    /** A row's value for the custom attribute templates, with the attributes the check declares. */
    private static final java.util.Map<String, String> ATTRIBUTE_VALUES = java.util.Map.of("number(",
            "\"income, 1\"", "text(", "\"loyalty_tier, gold\"", "yesNo(", "\"newsletter, true\"", "daysSince(",
            "\"membership_date, 30\"", "unknown(", "age");

    @Test
    void everyStandardTemplatePassesTheGuardInATableOfItsOwn() {
        for (ColumnTemplate template : StandardTemplates.ALL) {
            String object = template.kind().equals("CONDITION") ? template.fact() : "";
            String value = template.template().contains("$2") ? (template.template().contains("timeBetween")
                    ? "\"08:00, 10:00\"" : template.kind().equals("ACTION") ? "\"ELEC-10, email\"" : "\"1, 2\"")
                    : template.template().contains("\"$param\"") ? valueFor(template)
                    : template.template().startsWith("known") ? "true" : "1";
            if (template.template().startsWith("offers.weight")) {
                value = "\"ELEC-10, 2\"";
            }
            value = ATTRIBUTE_VALUES.entrySet().stream().filter(e -> template.template().startsWith(e.getKey()))
                    .map(java.util.Map.Entry::getValue).findFirst().orElse(value);
            if (template.template().startsWith("offers.segment") || template.template().startsWith("offers.trigger")) {
                value = "\"" + valueFor(template) + "\"";
            }
            String csv = "RuleTable Standard\nNAME,CONDITION,ACTION\n," + (template.kind().equals("CONDITION")
                    ? object + "," : "Customer,") + "\n," + (template.kind().equals("CONDITION") ? quote(
                    template.template()) + ",\"offers.eligible(\"\"$param\"\");\"" : "known == $param,"
                    + quote(template.template())) + "\nRule,Value,Action\nr," + (template.kind().equals("CONDITION")
                    ? value + ",ELEC-10" : "true," + value) + "\n";

            DraftReport report = new DraftChecker().check(List.of(Tables.csv(csv)), DraftContext.catalogue(
                    Tables.OFFERS).withAttributes(java.util.Map.of("income", "number", "loyalty_tier", "choice",
                    "newsletter", "yes-no", "membership_date", "date")), DraftProgress.NONE);

            assertThat(report.errors()).as(template.toString()).isEmpty();
        }
    }

    @Test
    void theSampleTablesUseOnlyStandardTemplates() {
        List<RuleSource> samples = new io.nbo.rules.compile.RuleSourceLoader().loadAll(Path.of("decision-tables"),
                Path.of("rules"));

        assertThat(new HeaderLock().templates(samples)).filteredOn(ColumnTemplate::code)
                .isSubsetOf(StandardTemplates.ALL);
    }

    private static String valueFor(ColumnTemplate template) {
        String t = template.template();
        if (t.startsWith("touchpoint") || t.startsWith("consentsTo")) {
            return "email";
        }
        if (t.startsWith("dayOfWeek")) {
            return "monday";
        }
        if (t.startsWith("lifecycle")) {
            return "active";
        }
        if (t.startsWith("engagement")) {
            return "high";
        }
        if (t.startsWith("gender")) {
            return "female";
        }
        if (t.startsWith("event")) {
            return "cart-abandoned";
        }
        if (t.startsWith("offers.segment")) {
            return "coffee-fan, 20";
        }
        if (t.startsWith("offers.trigger")) {
            return "ELEC-10, email, 0m, 1h";
        }
        return t.startsWith("offers.") ? "ELEC-10" : "x";
    }

    private static String quote(String template) {
        return "\"" + template.replace("\"", "\"\"") + "\"";
    }
}

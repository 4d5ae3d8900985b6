package io.nbo.rules.validate;

import java.util.List;

/**
 * The documented column templates (docs/decision-tables.md, "Standard columns"): one or two per question of the fact
 * vocabulary and one per action. A marketer may add a new table file built only from these and the templates the live
 * tables already use; any other template is code a developer or admin reviews, so it still needs the admin role.
 */
public final class StandardTemplates {

    public static final List<ColumnTemplate> ALL = List.of(
            condition("Customer", "known == $param"),
            condition("Customer", "age >= $1, age <= $2"),
            condition("Customer", "age >= $param"),
            condition("Customer", "age <= $param"),
            condition("Customer", "gender == \"$param\""),
            condition("Customer", "country == \"$param\""),
            condition("Customer", "region == \"$param\""),
            condition("Customer", "lifecycle == \"$param\""),
            condition("Customer", "engagement == \"$param\""),
            condition("Customer", "recencyDays <= $param"),
            condition("Customer", "recencyDays >= $param"),
            condition("Customer", "frequency >= $param"),
            condition("Customer", "monetary >= $param"),
            condition("Customer", "predictedValue >= $param"),
            condition("Customer", "churnRisk >= $param"),
            condition("Customer", "inSegment(\"$param\")"),
            condition("Customer", "inSegment(\"$param\") == false"),
            condition("Customer", "hasTag(\"$param\")"),
            condition("Customer", "hasTag(\"$param\") == false"),
            condition("Customer", "consentsTo(\"$param\")"),
            condition("Customer", "consentsTo(\"$param\") == false"),
            condition("Customer", "likesCategory(\"$param\")"),
            condition("Customer", "buysMost(\"$param\")"),
            condition("Customer", "number(\"$1\") >= $2"),
            condition("Customer", "number(\"$1\") <= $2"),
            condition("Customer", "text(\"$1\") == \"$2\""),
            condition("Customer", "yesNo(\"$1\") == $2"),
            condition("Customer", "daysSince(\"$1\") >= $2"),
            condition("Customer", "daysSince(\"$1\") <= $2"),
            condition("Customer", "unknown(\"$param\")"),
            condition("Customer", "unknown(\"$param\") == false"),
            condition("Context", "touchpoint == \"$param\""),
            condition("Context", "dayOfWeek == \"$param\""),
            condition("Context", "hour >= $1, hour < $2"),
            condition("Context", "timeBetween(\"$1\", \"$2\")"),
            condition("Context", "page == \"$param\""),
            condition("Context", "intent == \"$param\""),
            condition("Context", "device == \"$param\""),
            condition("Context", "event == \"$param\""),
            action("offers.eligible(\"$param\");"),
            action("offers.exclude(\"$param\");"),
            action("offers.weight(\"$1\", $2);"),
            action("offers.preferChannel(\"$1\", \"$2\");"),
            action("offers.assignSegment(\"$param\");"),
            action("offers.segment(\"$1\", $2);"),
            action("offers.trigger(\"$1\", \"$2\", \"$3\", \"$4\");"));

    private StandardTemplates() {
    }

    private static ColumnTemplate condition(String fact, String template) {
        return new ColumnTemplate("CONDITION", fact, template);
    }

    private static ColumnTemplate action(String template) {
        return new ColumnTemplate("ACTION", "", template);
    }
}

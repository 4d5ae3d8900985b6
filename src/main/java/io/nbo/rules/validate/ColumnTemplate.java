package io.nbo.rules.validate;

import io.nbo.rules.compile.RuleTable;
import java.util.Locale;

/**
 * A column's code, compared the way its author sees it: its kind, the fact it tests (short name) and its template with
 * runs of spaces made one. Two columns with the same template do the same thing with their cells.
 */
public record ColumnTemplate(String kind, String fact, String template) {

    private static final String VOCABULARY = "io.nbo.rules.vocabulary.";

    public ColumnTemplate {
        kind = kind.trim().toUpperCase(Locale.ROOT);
        fact = fact.trim().startsWith(VOCABULARY) ? fact.trim().substring(VOCABULARY.length()) : fact.trim();
        template = template.trim().replaceAll("\\s+", " ");
    }

    public static ColumnTemplate of(RuleTable.Column column) {
        return new ColumnTemplate(column.kind(), column.objectType(), column.template());
    }

    /** The column kinds that hold data only, no code: any table may have them. */
    private static final java.util.Set<String> DATA_KINDS = java.util.Set.of("NAME", "PRIORITY", "ACTIVATION-GROUP",
            "DESCRIPTION");

    /** True for the column kinds that carry code (a template). */
    public boolean code() {
        return kind.equals("CONDITION") || kind.equals("ACTION");
    }

    /**
     * True for the data-only kinds with nothing in their fact and template cells. Every other column (a code column,
     * or any kind the checks do not know, such as METADATA) must be an approved template for a marketer's new table.
     */
    public boolean dataOnly() {
        return DATA_KINDS.contains(kind) && fact.isEmpty() && template.isEmpty();
    }

    @Override
    public String toString() {
        return kind + (fact.isEmpty() ? "" : " " + fact) + " '" + template + "'";
    }
}

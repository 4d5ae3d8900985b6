package io.nbo.rules.index;

import io.nbo.rules.compile.CheckedRuleSet;
import io.nbo.rules.compile.DrlWriter;
import io.nbo.rules.compile.RuleTable;
import io.nbo.rules.vocabulary.Context;
import io.nbo.rules.vocabulary.Customer;
import io.nbo.rules.vocabulary.Offers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every decision table of a rule set as a column index: the fast path beside Drools, which stays the reference. Rows
 * fire in the order the DRL writer's salience gives Drools (higher PRIORITY first, then files by name, sheets, tables
 * and rows top to bottom); of an activation group only the first to fire counts.
 * Immutable; any number of decisions may use it at once.
 */
public final class RuleIndex {

    private final List<TableIndex> tables;
    private final int[] offsets;
    private final TableIndex.Row[] rows;
    private final boolean ordered;

    private RuleIndex(List<TableIndex> tables) {
        this.tables = List.copyOf(tables);
        this.offsets = new int[tables.size()];
        List<TableIndex.Row> all = new ArrayList<>();
        boolean plain = true;
        for (int t = 0; t < tables.size(); t++) {
            offsets[t] = all.size();
            for (int r = 0; r < tables.get(t).size(); r++) {
                TableIndex.Row row = tables.get(t).row(r);
                all.add(row);
                plain &= row.priority() == 0 && row.group() == null;
            }
        }
        this.rows = all.toArray(TableIndex.Row[]::new);
        this.ordered = plain;
    }

    /** The index of every table of a checked rule set, or empty when a table holds something it cannot evaluate. */
    public static Optional<RuleIndex> of(CheckedRuleSet checked) {
        List<TableIndex> tables = new ArrayList<>();
        try {
            for (CheckedRuleSet.CheckedSheet sheet : checked.tables()) {
                for (RuleTable table : sheet.tables()) {
                    tables.add(TableIndex.of(table));
                }
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(new RuleIndex(tables));
    }

    public int rowCount() {
        return rows.length;
    }

    /** Fires the matching rows for these facts into {@code offers}, as Drools would. */
    public void evaluate(Customer customer, Context context, Offers offers) {
        Facts facts = new Facts(customer, context);
        List<Integer> matched = new ArrayList<>();
        for (int t = 0; t < tables.size(); t++) {
            tables.get(t).matches(facts, matched, offsets[t]);
        }
        if (!ordered) {
            matched.sort((a, b) -> Integer.compare(DrlWriter.salience(rows[b].priority(), b),
                    DrlWriter.salience(rows[a].priority(), a)));
        }
        Set<String> groups = ordered ? null : new HashSet<>();
        for (int i : matched) {
            TableIndex.Row row = rows[i];
            if (row.group() != null && !groups.add(row.group())) {
                continue;
            }
            TableIndex.fire(row, offers);
        }
    }
}

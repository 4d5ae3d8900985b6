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
        match(customer, context).fireRest(offers);
    }

    /**
     * The rows whose conditions hold for these facts, in firing order, ready to fire; lets rules Drools fires (the
     * developers' DRL) take their turn between them by salience.
     */
    public Matches match(Customer customer, Context context) {
        Facts facts = new Facts(customer, context);
        Positions matched = new Positions();
        for (int t = 0; t < tables.size(); t++) {
            tables.get(t).matches(facts, matched, offsets[t]);
        }
        if (!ordered) {
            matched.sortBy(this::salience);
        }
        return new Matches(matched);
    }

    private int salience(int position) {
        return DrlWriter.salience(rows[position].priority(), position);
    }

    /** Matched rows not yet fired, highest salience first; one decision's, not to be shared. */
    public final class Matches {
        private final Positions positions;
        private Set<String> groups;
        private int next;

        private Matches(Positions positions) {
            this.positions = positions;
        }

        /** Fires the rows whose salience is above {@code salience}: those Drools would fire before such a rule. */
        public void fireAbove(int salience, Offers offers) {
            while (next < positions.size() && salience(positions.get(next)) > salience) {
                fire(positions.get(next++), offers);
            }
        }

        public void fireRest(Offers offers) {
            while (next < positions.size()) {
                fire(positions.get(next++), offers);
            }
        }

        private void fire(int position, Offers offers) {
            TableIndex.Row row = rows[position];
            if (row.group() == null || (groups == null ? groups = new HashSet<>() : groups).add(row.group())) {
                TableIndex.fire(row, offers);
            }
        }
    }
}

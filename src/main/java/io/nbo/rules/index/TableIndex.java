package io.nbo.rules.index;

import io.nbo.rules.compile.CheckedRow;
import io.nbo.rules.compile.RuleTable;
import io.nbo.rules.vocabulary.Offers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One rule table, indexed by column: a decision ANDs each condition column's matching rows (empty cells match
 * anything) and fires the rows left in Drools' order, doing what their actions say. Built from the same checked table
 * and the same filled templates as the DRL Drools compiles, so both evaluate the same conditions.
 */
final class TableIndex {

    /** A row as it fires: name, PRIORITY, activation group and actions. */
    record Row(String name, int priority, String group, List<RowAction> actions) {
    }

    private final Row[] rows;
    private final Column[] columns;
    private final int size;
    private final long[] all;

    private TableIndex(Row[] rows, Column[] columns) {
        this.rows = rows;
        this.columns = columns;
        this.size = rows.length;
        this.all = Bits.all(size);
    }

    /** The index of a table, or an {@link IllegalArgumentException} when a cell is not one it can evaluate. */
    static TableIndex of(RuleTable table) {
        int n = table.rows().size();
        List<Row> rows = new ArrayList<>(n);
        List<Column> columns = new ArrayList<>();
        Map<Integer, Map<Integer, Expr>> byColumn = new LinkedHashMap<>();
        for (int r = 0; r < n; r++) {
            CheckedRow rule = CheckedRow.of(table, table.rows().get(r));
            List<RowAction> actions = new ArrayList<>();
            rule.actions().forEach(action -> actions.addAll(RowAction.parse(action)));
            for (CheckedRow.Condition condition : rule.conditions()) {
                byColumn.computeIfAbsent(condition.column(), k -> new LinkedHashMap<>()).put(r,
                        ExprParser.parse(condition.fact(), condition.constraint()));
            }
            rows.add(new Row(rule.name(), rule.priority(), rule.group(), List.copyOf(actions)));
        }
        byColumn.values().forEach(cells -> columns.add(Column.of(n, cells)));
        columns.sort(Comparator.comparingInt(Column::cost));
        return new TableIndex(rows.toArray(Row[]::new), columns.toArray(Column[]::new));
    }


    int size() {
        return size;
    }

    Row row(int i) {
        return rows[i];
    }

    /** Adds to {@code out} the positions of the rows whose every condition holds, in table order. */
    void matches(Facts facts, Positions out, int offset) {
        if (size == 0) {
            return;
        }
        long[] acc = all.clone();
        long[] scratch = Bits.empty(size);
        for (Column column : columns) {
            if (!Bits.andEither(acc, column.matching(facts, scratch), column.empty)) {
                return;
            }
        }
        for (int w = 0; w < acc.length; w++) {
            long word = acc[w];
            while (word != 0) {
                int bit = Long.numberOfTrailingZeros(word);
                out.add(offset + (w << 6) + bit);
                word &= word - 1;
            }
        }
    }

    static void fire(Row row, Offers offers) {
        offers.firing(row.name());
        for (RowAction action : row.actions()) {
            action.apply(offers);
        }
    }
}

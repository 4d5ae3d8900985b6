package io.nbo.rules.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One CONDITION column of a table, indexed: for each decision it gives the rows whose cell holds for the facts. Rows
 * whose cell is empty match whatever the facts ({@link #empty}). Three shapes: equality on one property (a hash
 * lookup), number ranges on one property (a binary search into precomputed intervals), and anything else (each
 * distinct cell condition evaluated once per decision).
 */
abstract sealed class Column {

    private static final long MAX_RANGE_WORDS = 1L << 20;

    /** Rows whose cell in this column is empty. */
    final long[] empty;

    Column(long[] empty) {
        this.empty = empty;
    }

    /** The rows (among those with a filled cell) whose condition holds; may return a shared array, never modified. */
    abstract long[] matching(Facts facts, long[] scratch);

    /** Lower goes first: cheap and selective columns narrow the rows before the others are asked. */
    abstract int cost();

    static Column of(int rows, Map<Integer, Expr> cells) {
        long[] empty = Bits.all(rows);
        cells.keySet().forEach(r -> empty[r >>> 6] &= ~(1L << r));
        Equality eq = Equality.of(rows, empty, cells);
        if (eq != null) {
            return eq;
        }
        Range range = Range.of(rows, empty, cells);
        return range != null ? range : Generic.of(rows, empty, cells);
    }

    /** {@code property == literal} in every filled cell, the same property. */
    static final class Equality extends Column {
        private final FactAccess.Getter getter;
        private final Map<Object, long[]> byValue;
        private final long[] none;

        private Equality(long[] empty, FactAccess.Getter getter, Map<Object, long[]> byValue, int rows) {
            super(empty);
            this.getter = getter;
            this.byValue = byValue;
            this.none = Bits.empty(rows);
        }

        static Equality of(int rows, long[] empty, Map<Integer, Expr> cells) {
            FactAccess.Getter getter = null;
            Map<Object, long[]> byValue = new HashMap<>();
            for (Map.Entry<Integer, Expr> cell : cells.entrySet()) {
                if (!(cell.getValue() instanceof Expr.Compare c) || !c.op().equals("==")) {
                    return null;
                }
                Expr.Property p = c.left() instanceof Expr.Property l ? l
                        : c.right() instanceof Expr.Property r ? r : null;
                Expr other = p == c.left() ? c.right() : c.left();
                if (p == null || !(other instanceof Expr.Literal literal) || literal.value() == null
                        || getter != null && getter != p.getter()) {
                    return null;
                }
                getter = p.getter();
                byValue.computeIfAbsent(key(literal.value()), k -> Bits.empty(rows));
                Bits.set(byValue.get(key(literal.value())), cell.getKey());
            }
            return getter == null ? null : new Equality(empty, getter, byValue, rows);
        }

        long[] matching(Facts facts, long[] scratch) {
            Object value = getter.get(facts);
            long[] rows = value == null ? null : byValue.get(key(value));
            return rows == null ? none : rows;
        }

        int cost() {
            return 0;
        }

        private static Object key(Object value) {
            return value instanceof Number n ? (Object) n.doubleValue() : value;
        }
    }

    /** Number bounds ({@code age >= 18, age <= 29}) on one property in every filled cell. */
    static final class Range extends Column {
        private final FactAccess.Getter getter;
        private final double[] bounds;
        private final long[][] segments;
        private final long[] none;

        private Range(long[] empty, FactAccess.Getter getter, double[] bounds, long[][] segments, int rows) {
            super(empty);
            this.getter = getter;
            this.bounds = bounds;
            this.segments = segments;
            this.none = Bits.empty(rows);
        }

        static Range of(int rows, long[] empty, Map<Integer, Expr> cells) {
            FactAccess.Getter getter = null;
            Map<Integer, double[]> intervals = new LinkedHashMap<>();
            List<Double> points = new ArrayList<>();
            for (Map.Entry<Integer, Expr> cell : cells.entrySet()) {
                List<Expr> parts = cell.getValue() instanceof Expr.And and ? and.parts() : List.of(cell.getValue());
                double[] interval = {Double.NEGATIVE_INFINITY, 1, Double.POSITIVE_INFINITY, 1};
                for (Expr part : parts) {
                    if (!(part instanceof Expr.Compare c) || !List.of("<", "<=", ">", ">=").contains(c.op())
                            || !(c.left() instanceof Expr.Property p) || !(c.right() instanceof Expr.Literal l)
                            || !(l.value() instanceof Double bound) || getter != null && getter != p.getter()
                            || !Number.class.isAssignableFrom(box(p.getter().type()))) {
                        return null;
                    }
                    getter = p.getter();
                    points.add(bound);
                    narrow(interval, c.op(), bound);
                }
                intervals.put(cell.getKey(), interval);
            }
            if (getter == null) {
                return null;
            }
            double[] bounds = points.stream().mapToDouble(Double::doubleValue).distinct().sorted().toArray();
            int count = 2 * bounds.length + 1;
            if ((long) count * ((rows + 63) >>> 6) > MAX_RANGE_WORDS) {
                return null;
            }
            long[][] segments = new long[count][];
            for (int s = 0; s < count; s++) {
                segments[s] = Bits.empty(rows);
            }
            intervals.forEach((row, iv) -> {
                int from = iv[0] == Double.NEGATIVE_INFINITY ? 0 : segment(bounds, iv[0]) + (iv[1] == 1 ? 0 : 1);
                int to = iv[2] == Double.POSITIVE_INFINITY ? count - 1 : segment(bounds, iv[2]) - (iv[3] == 1 ? 0 : 1);
                for (int s = from; s <= to; s++) {
                    Bits.set(segments[s], row);
                }
            });
            return new Range(empty, getter, bounds, segments, rows);
        }

        private static void narrow(double[] iv, String op, double bound) {
            switch (op) {
                case ">=", ">" -> {
                    int inclusive = op.equals(">=") ? 1 : 0;
                    if (bound > iv[0] || bound == iv[0] && inclusive < iv[1]) {
                        iv[0] = bound;
                        iv[1] = inclusive;
                    }
                }
                default -> {
                    int inclusive = op.equals("<=") ? 1 : 0;
                    if (bound < iv[2] || bound == iv[2] && inclusive < iv[3]) {
                        iv[2] = bound;
                        iv[3] = inclusive;
                    }
                }
            }
        }

        /** The segment a value falls in: 2i+1 on bound i, 2i just below it (2n above the last). */
        private static int segment(double[] bounds, double value) {
            int i = Arrays.binarySearch(bounds, value);
            return i >= 0 ? 2 * i + 1 : 2 * (-i - 1);
        }

        long[] matching(Facts facts, long[] scratch) {
            Object value = getter.get(facts);
            return value == null ? none : segments[segment(bounds, ((Number) value).doubleValue())];
        }

        int cost() {
            return 1;
        }

        private static Class<?> box(Class<?> type) {
            return type == int.class ? Integer.class : type == double.class ? Double.class
                    : type == long.class ? Long.class : type;
        }
    }

    /** Any other condition: each distinct one evaluated once per decision. */
    static final class Generic extends Column {
        private final Expr[] conditions;
        private final long[][] rows;

        private Generic(long[] empty, Expr[] conditions, long[][] rows) {
            super(empty);
            this.conditions = conditions;
            this.rows = rows;
        }

        static Generic of(int rowCount, long[] empty, Map<Integer, Expr> cells) {
            Map<Expr, long[]> distinct = new LinkedHashMap<>();
            cells.forEach((row, expr) -> Bits.set(distinct.computeIfAbsent(expr, e -> Bits.empty(rowCount)), row));
            return new Generic(empty, distinct.keySet().toArray(Expr[]::new), distinct.values().toArray(long[][]::new));
        }

        long[] matching(Facts facts, long[] scratch) {
            Arrays.fill(scratch, 0);
            for (int i = 0; i < conditions.length; i++) {
                if (conditions[i].test(facts)) {
                    Bits.or(scratch, rows[i]);
                }
            }
            return scratch;
        }

        int cost() {
            return 2 + conditions.length;
        }
    }
}

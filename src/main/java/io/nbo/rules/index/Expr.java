package io.nbo.rules.index;

import java.util.List;

/**
 * A condition of a decision-table cell, parsed from the constraint text the table's template makes of it (the same
 * text the DRL writer gives Drools), evaluated with Drools' semantics for our vocabulary: a comparison with a missing
 * value ({@code age >= 18} for an unknown age) is false, {@code ==} and {@code !=} treat null as a value, numbers
 * compare by value whatever their type, and top-level commas are ANDs.
 */
sealed interface Expr {

    /** The value of this expression for the decision's facts. */
    Object eval(Facts facts);

    default boolean test(Facts facts) {
        return Boolean.TRUE.equals(eval(facts));
    }

    /** A string, number (as Double), boolean or null written in the constraint. */
    record Literal(Object value) implements Expr {
        public Object eval(Facts facts) {
            return value;
        }
    }

    /** A property of Customer or Context ({@code age}, {@code touchpoint}). */
    record Property(FactAccess.Getter getter) implements Expr {
        public Object eval(Facts facts) {
            return getter.get(facts);
        }
    }

    /** A question asked of Customer or Context with literal arguments ({@code likesCategory("coffee")}). */
    record Call(FactAccess.Question question, List<Object> args) implements Expr {
        public Object eval(Facts facts) {
            return question.ask(facts, args);
        }
    }

    record Compare(String op, Expr left, Expr right) implements Expr {
        public Object eval(Facts facts) {
            return compare(op, left.eval(facts), right.eval(facts));
        }
    }

    record And(List<Expr> parts) implements Expr {
        public Object eval(Facts facts) {
            for (Expr part : parts) {
                if (!part.test(facts)) {
                    return false;
                }
            }
            return true;
        }
    }

    record Or(List<Expr> parts) implements Expr {
        public Object eval(Facts facts) {
            for (Expr part : parts) {
                if (part.test(facts)) {
                    return true;
                }
            }
            return false;
        }
    }

    record Not(Expr inner) implements Expr {
        public Object eval(Facts facts) {
            return !inner.test(facts);
        }
    }

    static boolean compare(String op, Object a, Object b) {
        return switch (op) {
            case "==" -> same(a, b);
            case "!=" -> !same(a, b);
            default -> {
                if (a == null || b == null) {
                    yield false;
                }
                int c = order(a, b);
                yield switch (op) {
                    case "<" -> c < 0;
                    case "<=" -> c <= 0;
                    case ">" -> c > 0;
                    case ">=" -> c >= 0;
                    default -> throw new IllegalArgumentException("unknown operator " + op);
                };
            }
        };
    }

    static boolean same(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
        }
        return a.equals(b);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int order(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        return ((Comparable) a).compareTo(b);
    }
}

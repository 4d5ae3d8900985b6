package io.nbo.rules.index;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the constraint text of one cell of one pattern ({@code age >= 18, age <= 29}, {@code likesCategory("coffee")},
 * {@code age == null || age < 18}) into an {@link Expr} over one fact. The language is the small one the vocabulary
 * guard lets into a template: names, literals, comparisons, {@code && || !}, brackets and questions with literal
 * arguments. Anything else is an {@link IllegalArgumentException}: the table then stays with Drools.
 */
final class ExprParser {

    private static final Pattern TOKEN = Pattern.compile("\\s*(\"[^\"\\\\]*\"|-?\\d+(?:\\.\\d+)?|[A-Za-z_][A-Za-z0-9_]*"
            + "|==|!=|>=|<=|&&|\\|\\||[<>!(),])");

    private final String fact;
    private final List<String> tokens = new ArrayList<>();
    private int at;

    private ExprParser(String fact, String text) {
        this.fact = fact;
        Matcher m = TOKEN.matcher(text);
        int pos = 0;
        while (pos < text.length() && !text.substring(pos).isBlank()) {
            if (!m.find(pos) || m.start() != pos) {
                throw new IllegalArgumentException("cannot read '" + text + "' at " + pos);
            }
            tokens.add(m.group(1));
            pos = m.end();
        }
    }

    /** The constraints of one pattern on {@code fact}, comma-separated, as one expression. */
    static Expr parse(String fact, String text) {
        ExprParser p = new ExprParser(fact, text);
        List<Expr> parts = new ArrayList<>();
        parts.add(p.or());
        while (p.eat(",")) {
            parts.add(p.or());
        }
        if (p.at != p.tokens.size()) {
            throw new IllegalArgumentException("unexpected '" + p.peek() + "' in '" + text + "'");
        }
        return parts.size() == 1 ? parts.get(0) : new Expr.And(parts);
    }

    private Expr or() {
        List<Expr> parts = new ArrayList<>(List.of(and()));
        while (eat("||")) {
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : new Expr.Or(parts);
    }

    private Expr and() {
        List<Expr> parts = new ArrayList<>(List.of(unary()));
        while (eat("&&")) {
            parts.add(unary());
        }
        return parts.size() == 1 ? parts.get(0) : new Expr.And(parts);
    }

    private Expr unary() {
        if (eat("!")) {
            return new Expr.Not(unary());
        }
        Expr left = primary();
        String op = peek();
        if (op != null && List.of("==", "!=", "<", "<=", ">", ">=").contains(op)) {
            at++;
            return new Expr.Compare(op, left, primary());
        }
        return left;
    }

    private Expr primary() {
        String t = next();
        if (t.equals("(")) {
            Expr inner = or();
            expect(")");
            return inner;
        }
        Object literal = literal(t);
        if (literal != NOT_LITERAL) {
            return new Expr.Literal(literal);
        }
        if (!Character.isLetter(t.charAt(0)) && t.charAt(0) != '_') {
            throw new IllegalArgumentException("unexpected '" + t + "'");
        }
        if (eat("(")) {
            List<Object> args = new ArrayList<>();
            if (!eat(")")) {
                do {
                    Object arg = literal(next());
                    if (arg == NOT_LITERAL) {
                        throw new IllegalArgumentException("a question takes literal values only");
                    }
                    args.add(arg);
                } while (eat(","));
                expect(")");
            }
            List<Object> coerced = coerce(fact, t, args);
            // A question with literal arguments (number("income"), likesCategory("coffee")) is a value of the facts
            // like a property: the same question in every cell of a column indexes as one (hash or ranges).
            return args.isEmpty() ? new Expr.Call(FactAccess.question(fact, t, 0), coerced)
                    : new Expr.Property(FactAccess.asked(fact, t, coerced));
        }
        return new Expr.Property(FactAccess.property(fact, t));
    }

    private static final Object NOT_LITERAL = new Object();

    private static Object literal(String t) {
        if (t.startsWith("\"")) {
            return t.substring(1, t.length() - 1);
        }
        if (t.equals("true") || t.equals("false")) {
            return Boolean.valueOf(t);
        }
        if (t.equals("null")) {
            return null;
        }
        if (Character.isDigit(t.charAt(0)) || t.charAt(0) == '-' && t.length() > 1) {
            return Double.valueOf(t);
        }
        return NOT_LITERAL;
    }

    /** Arguments converted to the question's parameter types, as Drools converts them. */
    private static List<Object> coerce(String fact, String method, List<Object> args) {
        Class<?>[] types = FactAccess.parameterTypes(fact, method);
        List<Object> out = new ArrayList<>(args.size());
        for (int i = 0; i < args.size(); i++) {
            Object arg = args.get(i);
            Class<?> type = types[i];
            if (arg instanceof Double d && (type == int.class || type == Integer.class)) {
                out.add(d.intValue());
            } else if (arg instanceof Double d && (type == long.class || type == Long.class)) {
                out.add(d.longValue());
            } else if (arg != null && type == String.class && !(arg instanceof String)) {
                throw new IllegalArgumentException(method + " takes text");
            } else {
                out.add(arg);
            }
        }
        return out;
    }

    private boolean eat(String token) {
        if (token.equals(peek())) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!eat(token)) {
            throw new IllegalArgumentException("expected '" + token + "', got '" + peek() + "'");
        }
    }

    private String peek() {
        return at < tokens.size() ? tokens.get(at) : null;
    }

    private String next() {
        if (at >= tokens.size()) {
            throw new IllegalArgumentException("unexpected end");
        }
        return tokens.get(at++);
    }
}

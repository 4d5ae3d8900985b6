package io.nbo.rules.index;

import io.nbo.rules.vocabulary.Offers;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code offers.<action>(...)} statement of an ACTION cell, read from the text the DRL writer gives Drools, and
 * applied to the decision's {@link Offers} exactly as the compiled consequence calls it (numbers as doubles).
 */
record RowAction(Kind kind, String text, double number, String second, List<String> more) {

    /** The {@code offers} method a statement calls. */
    enum Kind { ELIGIBLE, EXCLUDE, ASSIGN_SEGMENT, WEIGHT, PREFER_CHANNEL, SEGMENT, TRIGGER }

    private static final Pattern STATEMENT = Pattern.compile("\\s*offers\\s*\\.\\s*(\\w+)\\s*\\((.*?)\\)\\s*;?\\s*");
    private static final Pattern ARG = Pattern.compile("\\s*(\"[^\"\\\\]*\"|-?\\d+(?:\\.\\d+)?)\\s*(,|$)");

    /** The statements of one action cell, or an {@link IllegalArgumentException} when it is not one we apply. */
    static List<RowAction> parse(String code) {
        List<RowAction> out = new ArrayList<>();
        for (String statement : code.split(";")) {
            if (statement.isBlank()) {
                continue;
            }
            Matcher m = STATEMENT.matcher(statement);
            if (!m.matches()) {
                throw new IllegalArgumentException("not an offers action: " + statement);
            }
            List<String> args = new ArrayList<>();
            Matcher a = ARG.matcher(m.group(2));
            int pos = 0;
            while (pos < m.group(2).length() && a.find(pos) && a.start() == pos) {
                args.add(a.group(1));
                pos = a.end();
            }
            if (pos != m.group(2).length()) {
                throw new IllegalArgumentException("unreadable arguments: " + statement);
            }
            out.add(of(m.group(1), args));
        }
        return out;
    }

    private static RowAction of(String method, List<String> args) {
        return switch (method) {
            case "eligible", "exclude", "assignSegment" -> {
                require(args, 1, true, false);
                Kind kind = method.equals("eligible") ? Kind.ELIGIBLE
                        : method.equals("exclude") ? Kind.EXCLUDE : Kind.ASSIGN_SEGMENT;
                yield new RowAction(kind, text(args.get(0)), 0, null, List.of());
            }
            case "weight" -> {
                require(args, 2, true, true);
                yield new RowAction(Kind.WEIGHT, text(args.get(0)), Double.parseDouble(args.get(1)), null, List.of());
            }
            case "segment" -> {
                require(args, 2, true, true);
                if (!args.get(1).matches("-?\\d+")) {
                    throw new IllegalArgumentException("segment takes a whole-number priority");
                }
                yield new RowAction(Kind.SEGMENT, text(args.get(0)), Integer.parseInt(args.get(1)), null, List.of());
            }
            case "trigger" -> {
                if (args.size() != 4 || !args.stream().allMatch(a -> a.startsWith("\""))) {
                    throw new IllegalArgumentException("trigger takes four texts: " + args);
                }
                yield new RowAction(Kind.TRIGGER, text(args.get(0)), 0, text(args.get(1)),
                        List.of(text(args.get(2)), text(args.get(3))));
            }
            case "preferChannel" -> {
                require(args, 2, true, false);
                if (!args.get(1).startsWith("\"")) {
                    throw new IllegalArgumentException("preferChannel takes text");
                }
                yield new RowAction(Kind.PREFER_CHANNEL, text(args.get(0)), 0, text(args.get(1)), List.of());
            }
            default -> throw new IllegalArgumentException("unknown action " + method);
        };
    }

    private static void require(List<String> args, int count, boolean firstText, boolean secondNumber) {
        if (args.size() != count || firstText != args.get(0).startsWith("\"")
                || count > 1 && secondNumber == args.get(1).startsWith("\"")) {
            throw new IllegalArgumentException("unexpected arguments " + args);
        }
    }

    /**
     * The literal's text, interned: offer ids then are the very strings the catalogue index holds
     * ({@code DecisionPipeline}), so each decision's lookups compare references, not characters.
     */
    private static String text(String literal) {
        return literal.substring(1, literal.length() - 1).intern();
    }

    void apply(Offers offers) {
        switch (kind) {
            case ELIGIBLE -> offers.eligible(text);
            case EXCLUDE -> offers.exclude(text);
            case ASSIGN_SEGMENT -> offers.assignSegment(text);
            case WEIGHT -> offers.weight(text, number);
            case PREFER_CHANNEL -> offers.preferChannel(text, second);
            case SEGMENT -> offers.segment(text, (int) number);
            case TRIGGER -> offers.trigger(text, second, more.get(0), more.get(1));
        }
    }
}

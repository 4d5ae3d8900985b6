package io.nbo.rules.validate;

import io.nbo.common.error.Values;
import io.nbo.rules.compile.Grid;
import io.nbo.rules.compile.RuleProblem;
import io.nbo.rules.compile.RuleTable;
import io.nbo.rules.compile.TableScanner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps a decision table inside the fact vocabulary, whoever uploads it. A table's header is code: it may only import
 * the vocabulary, declare the {@code offers} global, test Customer and Context through their documented properties and
 * questions, and act through {@code offers.*}. Functions, queries, declarations, other imports, {@code eval}, method
 * calls on values, and any name outside the vocabulary are refused with the reason, before anything reaches Drools.
 */
final class TemplateGuard {

    private static final Set<String> JAVA_WORDS = Set.of("eval", "new", "getClass", "class", "java", "javax",
            "exec", "exit", "forName", "invoke", "this", "super", "drools", "kcontext", "insert", "modify", "retract",
            "delete", "update", "from", "accumulate", "collect", "entry");
    private static final Set<String> CONDITION_WORDS = Set.of("true", "false", "null", "not", "in");
    private static final java.util.regex.Pattern TABLE_NAME = java.util.regex.Pattern.compile("[\\p{L}\\p{N} _-]*");

    private final Vocabulary vocabulary;

    TemplateGuard(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** Checks every column template of a table; returns the plan of each column, in column order. */
    List<ColumnPlan> checkTable(String file, RuleTable table, List<RuleProblem> problems) {
        return checkTable(file, table, problems, Map.of());
    }

    /**
     * @param attributes the declared custom attributes (name to type code): an attribute question
     *                   ({@code number("income")}) must name one of the type it reads, in the template or the cells
     */
    List<ColumnPlan> checkTable(String file, RuleTable table, List<RuleProblem> problems,
                                Map<String, String> attributes) {
        String name = table.name();
        if (!TABLE_NAME.matcher(name).matches()) {
            problems.add(RuleProblem.error(file, table.sheet(), Grid.ref(table.startRow(), table.startCol()),
                    table.startRow() + 1, "a RuleTable name may use letters, digits, spaces, '-' and '_' only, got '"
                            + Values.clip(name, 60) + "'"));
        }
        List<ColumnPlan> plans = new ArrayList<>();
        for (RuleTable.Column column : table.columns()) {
            String objectType = column.objectType();
            String where = Grid.ref(table.startRow() + TableScanner.CODE_ROW, column.col());
            int row = table.startRow() + TableScanner.CODE_ROW + 1;
            try {
                ColumnPlan plan = switch (column.kind()) {
                    case "CONDITION" -> condition(column, objectType, attributes);
                    case "ACTION" -> action(column);
                    default -> new ColumnPlan(column, "", Map.of(), List.of());
                };
                plans.add(plan);
            } catch (IllegalArgumentException e) {
                String cell = e.getMessage().startsWith("object:")
                        ? Grid.ref(table.startRow() + TableScanner.OBJECT_ROW, column.col()) : where;
                int at = e.getMessage().startsWith("object:") ? row - 1 : row;
                problems.add(RuleProblem.error(file, table.sheet(), cell, at, "column '" + label(column) + "': "
                        + e.getMessage().replaceFirst("^object:", "")));
                plans.add(new ColumnPlan(column, "", Map.of(), List.of()));
            }
        }
        return plans;
    }

    private ColumnPlan condition(RuleTable.Column column, String objectType, Map<String, String> attributes) {
        Vocabulary.Fact fact = vocabulary.fact(objectType).orElseThrow(() -> new IllegalArgumentException(
                objectType.isEmpty() ? "object:name the fact this condition tests (" + String.join(" or ",
                        vocabulary.factNames()) + ") in the cell above its template, or merge that cell with the "
                        + "one of the condition before it"
                        : "object:a condition tests one of " + vocabulary.factNames() + ", not '"
                        + Values.clip(objectType, 60) + "'"));
        Template t = Template.parse(column.template());
        Map<String, Vocabulary.Domain> params = new HashMap<>();
        List<ColumnPlan.Bound> bounds = new ArrayList<>();
        List<String[]> calls = new ArrayList<>(); // [method, argIndex]
        for (int i = 0; i < t.tokens().size(); i++) {
            Template.Token token = t.at(i);
            switch (token.kind()) {
                case NAME -> {
                    if (t.at(i + 1).is("(")) {
                        if (!fact.methods().containsKey(token.text())) {
                            throw unknown(fact, token.text(), true);
                        }
                        if (fact.name().equals("Customer")
                                && Vocabulary.ATTRIBUTE_QUESTIONS.containsKey(token.text())) {
                            attributeCall(t, i, attributes);
                        }
                        calls.add(new String[] {token.text(), "0"});
                        i++;
                    } else if (!CONDITION_WORDS.contains(token.text())
                            && !fact.properties().containsKey(token.text())) {
                        throw unknown(fact, token.text(), false);
                    }
                }
                case PUNCT -> {
                    if (token.is(".") || token.is(";")) {
                        throw new IllegalArgumentException("'" + token.text() + "' is not allowed in a condition: "
                                + "test a property or ask a question of " + fact.name() + ", nothing else");
                    }
                    if (token.is(",") && !calls.isEmpty()) {
                        calls.get(calls.size() - 1)[1] = String.valueOf(Integer.parseInt(calls.get(calls.size() - 1)[1])
                                + 1);
                    } else if (token.is(")") && !calls.isEmpty()) {
                        calls.remove(calls.size() - 1);
                    } else if (token.is("(") ) {
                        calls.add(new String[] {"", "0"});
                    }
                }
                case PARAM, QUOTED_PARAM -> params.put(token.text(), paramDomain(fact, t, i, calls, bounds));
                default -> { }
            }
        }
        return new ColumnPlan(column, fact.name(), params, bounds);
    }

    /**
     * An attribute question takes exactly one name: a quoted $param (checked cell by cell) or a quoted name checked
     * here against the declarations. Nothing else, so no expression can stand where the name goes.
     */
    private static void attributeCall(Template t, int i, Map<String, String> attributes) {
        String question = t.at(i).text();
        Template.Token arg = t.at(i + 2);
        boolean shape = t.at(i + 1).is("(") && t.at(i + 3).is(")")
                && (arg.kind() == Template.Kind.STRING || arg.kind() == Template.Kind.QUOTED_PARAM);
        if (!shape) {
            throw new IllegalArgumentException(question + "(...) takes one attribute name in quotes, e.g. "
                    + question + "(\"income\") or " + question + "(\"$param\")");
        }
        if (arg.kind() == Template.Kind.STRING) {
            String name = arg.text().substring(1, arg.text().length() - 1);
            String why = Vocabulary.attributeProblem(question, name, attributes);
            if (why != null) {
                throw new IllegalArgumentException(why);
            }
        }
    }

    /** The domain of a value compared with an attribute question's answer ({@code yesNo("x") == $2}), if it is one. */
    private static Vocabulary.Domain attributeAnswer(Template t, int i) {
        if (t.at(i - 1).kind() != Template.Kind.OPERATOR || !t.at(i - 2).is(")") || !t.at(i - 4).is("(")) {
            return null;
        }
        return switch (t.at(i - 5).text()) {
            case "number" -> Vocabulary.Domain.NUMBER;
            case "daysSince" -> Vocabulary.Domain.WHOLE_NUMBER;
            case "yesNo", "unknown" -> Vocabulary.Domain.BOOLEAN;
            default -> null;
        };
    }

    private static Vocabulary.Domain paramDomain(Vocabulary.Fact fact, Template t, int i, List<String[]> calls,
                                                 List<ColumnPlan.Bound> bounds) {
        boolean quoted = t.at(i).kind() == Template.Kind.QUOTED_PARAM;
        if (!calls.isEmpty() && !calls.get(calls.size() - 1)[0].isEmpty()) {
            String method = calls.get(calls.size() - 1)[0];
            int arg = Integer.parseInt(calls.get(calls.size() - 1)[1]);
            List<Class<?>> types = fact.methods().get(method);
            if (quoted) {
                return Vocabulary.textDomain(fact.name() + "." + method + "#" + arg);
            }
            return arg < types.size() ? Vocabulary.domainOf(types.get(arg)) : Vocabulary.Domain.NUMBER;
        }
        String property = null;
        String op = null;
        if (t.at(i - 1).kind() == Template.Kind.OPERATOR && t.at(i - 2).kind() == Template.Kind.NAME) {
            property = t.at(i - 2).text();
            op = t.at(i - 1).text();
        } else if (t.at(i + 1).kind() == Template.Kind.OPERATOR && t.at(i + 2).kind() == Template.Kind.NAME) {
            property = t.at(i + 2).text();
            op = flip(t.at(i + 1).text());
        }
        Class<?> type = property == null ? null : fact.properties().get(property);
        Vocabulary.Domain answer = attributeAnswer(t, i);
        if (type == null && answer != null && !quoted) {
            return answer;
        }
        if (type == null) {
            return quoted ? Vocabulary.Domain.TEXT : Vocabulary.Domain.NUMBER;
        }
        if (quoted) {
            return Vocabulary.textDomain(fact.name() + "." + property);
        }
        Vocabulary.Domain domain = Vocabulary.domainOf(type);
        if (domain == Vocabulary.Domain.NUMBER || domain == Vocabulary.Domain.WHOLE_NUMBER) {
            bounds.add(new ColumnPlan.Bound(property, op, t.at(i).text()));
        }
        return domain;
    }

    private ColumnPlan action(RuleTable.Column column) {
        if (!column.objectType().isEmpty()) {
            throw new IllegalArgumentException("object:an action column's object cell must be empty; actions "
                    + "always go through offers");
        }
        Template t = Template.parse(column.template());
        Map<String, Vocabulary.Domain> params = new HashMap<>();
        int i = 0;
        while (i < t.tokens().size()) {
            if (!t.at(i).is("offers") || !t.at(i + 1).is(".") || t.at(i + 2).kind() != Template.Kind.NAME
                    || !t.at(i + 3).is("(")) {
                String got = t.at(i).text();
                if (!got.isEmpty() && (Character.isUpperCase(got.charAt(0)) || JAVA_WORDS.contains(got))) {
                    throw new IllegalArgumentException("'" + got + "' is Java, not the fact vocabulary: an action may "
                            + "only call offers.<action>(...), it cannot run other code");
                }
                throw new IllegalArgumentException("every statement of an action must be offers.<action>(...); with "
                        + "one of " + vocabulary.actionNames() + ", got '" + Values.clip(column.template(), 60) + "'");
            }
            String method = t.at(i + 2).text();
            List<Class<?>> types = vocabulary.action(method).orElseThrow(() -> new IllegalArgumentException(
                    "unknown action 'offers." + method + "'; use one of " + vocabulary.actionNames()));
            i += 4;
            int arg = 0;
            while (!t.at(i).is(")")) {
                Template.Token token = t.at(i);
                if (token.kind() == Template.Kind.PARAM || token.kind() == Template.Kind.QUOTED_PARAM) {
                    params.put(token.text(), token.kind() == Template.Kind.QUOTED_PARAM
                            ? Vocabulary.textDomain("offers." + method + "#" + arg)
                            : arg < types.size() ? Vocabulary.domainOf(types.get(arg)) : Vocabulary.Domain.NUMBER);
                } else if (token.is(",")) {
                    arg++;
                } else if (token.kind() != Template.Kind.STRING && token.kind() != Template.Kind.NUMBER) {
                    throw new IllegalArgumentException("offers." + method + "(...) takes values or $param only, "
                            + "got '" + Values.clip(token.text(), 60) + "'");
                }
                i++;
                if (i > t.tokens().size()) {
                    throw new IllegalArgumentException("offers." + method + "( is not closed");
                }
            }
            if (arg + 1 != types.size()) {
                throw new IllegalArgumentException("offers." + method + " takes " + types.size() + " value(s), the "
                        + "template passes " + (arg + 1));
            }
            i++;
            if (t.at(i).is(";")) {
                i++;
            }
        }
        return new ColumnPlan(column, "offers", params, List.of());
    }

    private static IllegalArgumentException unknown(Vocabulary.Fact fact, String name, boolean call) {
        if (Character.isUpperCase(name.charAt(0)) || JAVA_WORDS.contains(name)) {
            return new IllegalArgumentException("'" + name + "' is Java, not the fact vocabulary: a table may only "
                    + "test Customer and Context and act through offers, it cannot run other code");
        }
        return new IllegalArgumentException("unknown " + (call ? "question '" + name + "(...)'" : "attribute '" + name
                + "'") + " on " + fact.name() + "; " + fact.name() + " has " + String.join(", ",
                fact.properties().keySet()) + (fact.methods().isEmpty() ? "" : " and asks " + String.join(", ",
                fact.methods().keySet().stream().map(m -> m + "(...)").toList())));
    }

    private static String flip(String op) {
        return switch (op) {
            case ">=" -> "<=";
            case "<=" -> ">=";
            case ">" -> "<";
            case "<" -> ">";
            default -> op;
        };
    }

    private static String label(RuleTable.Column column) {
        return column.label().isEmpty() ? Grid.column(column.col()) : column.label();
    }
}

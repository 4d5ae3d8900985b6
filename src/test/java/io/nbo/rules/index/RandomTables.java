package io.nbo.rules.index;

import io.nbo.offer.Channel;
import io.nbo.rules.compile.RuleSource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Random decision tables in the vocabulary, of every column shape the index knows (equality, number ranges with whole
 * and decimal bounds, open and closed, questions, negated questions, null tests, context parameters) and every action,
 * with blank names, priorities and activation groups, so the index and Drools can be compared row by row.
 */
final class RandomTables {

    static final String[] OFFERS = {"A", "B", "C", "D", "E", "F", "G", "H"};
    static final String[] CATEGORIES = {"grocery", "coffee", "bakery", "electronics", "wine", "travel"};
    static final String[] SEGMENTS = {"young-adults", "young-families", "empty-nesters", "bargain-hunters", "premium"};
    static final String[] REGIONS = {"London", "Manchester", "Edinburgh", "New York", "Berlin"};
    static final String[] LIFECYCLES = {"new", "active", "lapsing", "lapsed", "prospect"};

    /** Column: template, fact, and how to make a cell value. */
    private record Shape(String label, String fact, String template, java.util.function.Function<Random, String> value) {
    }

    private static final List<Shape> SHAPES = List.of(
            new Shape("Region", "Customer", "region == \"$param\"", r -> pick(r, REGIONS)),
            new Shape("Lifecycle", "Customer", "lifecycle == \"$param\"", r -> pick(r, LIFECYCLES)),
            new Shape("Known", "Customer", "known == $param", r -> r.nextBoolean() ? "true" : "false"),
            new Shape("Age from, to", "Customer", "age >= $1, age <= $2", r -> {
                int from = 15 + r.nextInt(50);
                return from + ", " + (from + r.nextInt(30));
            }),
            new Shape("Age under", "Customer", "age == null || age < $param", r -> String.valueOf(18 + r.nextInt(40))),
            new Shape("Spend over", "Customer", "monetary > $param", r -> r.nextBoolean()
                    ? String.valueOf(50 * r.nextInt(40)) : String.format(Locale.ROOT, "%.2f", r.nextDouble() * 2000)),
            new Shape("Churn at least", "Customer", "churnRisk >= $param",
                    r -> String.format(Locale.ROOT, "%.1f", r.nextDouble())),
            new Shape("Frequency", "Customer", "frequency >= $1, frequency < $2", r -> {
                int from = r.nextInt(20);
                return from + ", " + (from + 1 + r.nextInt(20));
            }),
            new Shape("Recency at most", "Customer", "recencyDays <= $param", r -> String.valueOf(7 * r.nextInt(30))),
            new Shape("Likes", "Customer", "likesCategory(\"$param\")", r -> pick(r, CATEGORIES)),
            new Shape("Not tagged", "Customer", "hasTag(\"$param\") == false",
                    r -> pick(r, new String[] {"app-user", "frequent-traveller", "vip"})),
            new Shape("Segment", "Customer", "inSegment(\"$param\")", r -> pick(r, SEGMENTS)),
            new Shape("Consents", "Customer", "consentsTo(\"$param\")", r -> pick(r, new String[] {"email", "sms",
                "push"})),
            new Shape("Touchpoint", "Context", "touchpoint == \"$param\"", r -> Channel.values()[
                    r.nextInt(Channel.values().length)].code()),
            new Shape("Hour from, to", "Context", "hour >= $1, hour < $2", r -> {
                int from = r.nextInt(20);
                return from + ", " + (from + 1 + r.nextInt(6));
            }),
            new Shape("Time", "Context", "timeBetween(\"$1\", \"$2\")", r -> String.format(Locale.ROOT,
                    "%02d:%02d, %02d:%02d", r.nextInt(24), 30 * r.nextInt(2), r.nextInt(24), 30 * r.nextInt(2))),
            new Shape("Campaign", "Context", "param(\"campaign\") == \"$param\"", r -> pick(r, new String[] {"spring",
                "summer"})),
            new Shape("Day", "Context", "dayOfWeek == \"$param\"", r -> pick(r, new String[] {"monday", "saturday"})));

    private RandomTables() {
    }

    /** A file of one or two tables, seeded. */
    static RuleSource file(String name, long seed, int rows) {
        Random r = new Random(seed);
        StringBuilder csv = new StringBuilder();
        csv.append("RuleSet,nbo.random").append(seed).append('\n');
        csv.append("Import,\"io.nbo.rules.vocabulary.Customer, io.nbo.rules.vocabulary.Context\"\n");
        csv.append("Variables,io.nbo.rules.vocabulary.Offers offers\n\n");
        int tables = 1 + r.nextInt(2);
        for (int t = 0; t < tables; t++) {
            table(csv, r, "T" + seed + "x" + t, rows);
            csv.append('\n');
        }
        return new RuleSource(name, csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void table(StringBuilder csv, Random r, String name, int rows) {
        List<Shape> shapes = new ArrayList<>();
        int count = 2 + r.nextInt(5);
        while (shapes.size() < count) {
            Shape shape = SHAPES.get(r.nextInt(SHAPES.size()));
            if (!shapes.contains(shape) || r.nextInt(4) == 0) {
                shapes.add(shape);
            }
        }
        boolean priority = r.nextInt(3) == 0;
        boolean group = r.nextInt(3) == 0;
        List<String> kinds = new ArrayList<>(List.of("NAME"));
        List<String> facts = new ArrayList<>(List.of(""));
        List<String> templates = new ArrayList<>(List.of(""));
        List<String> labels = new ArrayList<>(List.of("Rule"));
        if (priority) {
            add(kinds, facts, templates, labels, "PRIORITY", "", "", "Priority");
        }
        if (group) {
            add(kinds, facts, templates, labels, "ACTIVATION-GROUP", "", "", "Group");
        }
        shapes.forEach(s -> add(kinds, facts, templates, labels, "CONDITION", s.fact(), s.template(), s.label()));
        add(kinds, facts, templates, labels, "ACTION", "", "offers.eligible(\"$param\");", "Eligible");
        add(kinds, facts, templates, labels, "ACTION", "", "offers.exclude(\"$param\");", "Exclude");
        add(kinds, facts, templates, labels, "ACTION", "", "offers.weight(\"$1\", $2);", "Weight");
        add(kinds, facts, templates, labels, "ACTION", "", "offers.preferChannel(\"$1\", \"$2\");", "Channel");
        add(kinds, facts, templates, labels, "ACTION", "", "offers.assignSegment(\"$param\");", "Segment");
        csv.append("RuleTable ").append(name).append('\n');
        for (List<String> line : List.of(kinds, facts, templates, labels)) {
            csv.append(String.join(",", line.stream().map(RandomTables::quote).toList())).append('\n');
        }
        for (int i = 0; i < rows; i++) {
            List<String> cells = new ArrayList<>();
            cells.add(r.nextInt(5) == 0 ? "" : name + " row " + i);
            if (priority) {
                cells.add(r.nextBoolean() ? "" : String.valueOf(r.nextInt(5) - 2));
            }
            if (group) {
                cells.add(r.nextBoolean() ? "" : "g" + r.nextInt(3));
            }
            boolean any = false;
            for (Shape shape : shapes) {
                boolean fill = r.nextInt(3) != 0;
                any |= fill;
                cells.add(fill ? shape.value().apply(r) : "");
            }
            if (!any) {
                cells.set(cells.size() - 1, shapes.get(shapes.size() - 1).value().apply(r));
            }
            String offer = pick(r, OFFERS);
            cells.add(r.nextInt(4) != 0 ? offer : "");
            cells.add(r.nextInt(8) == 0 ? pick(r, OFFERS) : "");
            cells.add(r.nextInt(3) == 0 ? offer + ", " + String.format(Locale.ROOT, r.nextBoolean() ? "%.1f" : "%.0f",
                    0.1 + r.nextDouble() * 3) : "");
            cells.add(r.nextInt(5) == 0 ? offer + ", " + Channel.values()[r.nextInt(Channel.values().length)].code()
                    : "");
            cells.add(r.nextInt(6) == 0 ? pick(r, SEGMENTS) : "");
            csv.append(String.join(",", cells.stream().map(RandomTables::quote).toList())).append('\n');
        }
    }

    private static void add(List<String> kinds, List<String> facts, List<String> templates, List<String> labels,
                            String kind, String fact, String template, String label) {
        kinds.add(kind);
        facts.add(fact);
        templates.add(template);
        labels.add(label);
    }

    private static String quote(String cell) {
        return cell.contains(",") || cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }
}

package io.nbo.rules.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates decision tables in CSV that are odd in the ways readers are known to disagree on: line endings (including a
 * lone CR), byte-order marks, quoting, blank lines, keyword rows anywhere (before, between and after tables and after
 * the Tests block), unusual column kinds, odd characters in cells, stray cells and quoted line breaks. Each case is a
 * seeded mix of a few mutations of one valid table, so a failure can be replayed by its seed.
 */
final class OddCsvTables {

    private static final String[] BASE = {
        "RuleSet,nbo.odd",
        "Import,\"io.nbo.rules.vocabulary.Customer, io.nbo.rules.vocabulary.Context\"",
        "Variables,io.nbo.rules.vocabulary.Offers offers",
        "Notes,Odd inputs for the reader",
        "",
        "RuleTable Odd",
        "NAME,CONDITION,CONDITION,CONDITION,ACTION,ACTION",
        ",Customer,Customer,Context,,",
        ",\"likesCategory(\"\"$param\"\")\",\"age >= $1, age <= $2\",\"touchpoint == \"\"$param\"\"\","
                + "\"offers.eligible(\"\"$param\"\");\",\"offers.weight(\"\"$1\"\", $2);\"",
        "Rule,Category,Age,Touchpoint,Eligible,Weight",
        "Row one,coffee,\"18, 29\",web,COFFEE-AM,\"COFFEE-AM, 2\"",
        "Row two,electronics,,mobile-app,ELEC-10,",
        "Row three,,\"30, 49\",,HB-FAMILY-30,",
        "",
        "Tests",
        "Test,Age,Categories,Touchpoint,Expect eligible",
        "Young coffee lover on the web,20,coffee,web,COFFEE-AM",
    };

    private static final String[] KEYWORD_ROWS = {
        "Queries,\"query stolen() $c : Customer() end\"",
        "Functions,\"function void f() { System.exit(1); }\"",
        "Declare,\"declare Evil name : String end\"",
        "Sequential,true",
        "EscapeQuotes,false",
        "Unit,nbo.unit",
        "Dialect,mvel",
        "Import,java.io.File",
        "Variables,java.lang.Runtime runtime",
        "RuleSet,nbo.other",
        "Notes,just a note",
        "Prepared by,Anna",
        "ruletable Sneaky",
        "Salience,10",
        "AgendaGroup,hidden",
    };

    private static final String[] ODD_VALUES = {"$1", "co$paramffee", "\u201ccoffee\u201d", "coffee\t", " coffee ",
        "RuleTable X", "Queries", "a,b", "(coffee)", "c\u00f6ff\u00e9e", "\"\"", "x\"\"y", "\u0000", "\u2028"};

    private static final String[] KINDS = {"METADATA", "AGENDA-GROUP", "PRIORITY", "DESCRIPTION",
        "ACTIVATION-GROUP", "NO-LOOP", "TIMER", "condition", "Action"};

    private OddCsvTables() {
    }

    /** The valid table every case starts from, line by line. */
    static List<String> baseLines() {
        return List.of(BASE);
    }

    /** The text of case {@code seed}. */
    static String generate(long seed) {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>(List.of(BASE));
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            mutate(lines, random);
        }
        String[] endings = {"\n", "\r\n", "\r"};
        StringBuilder out = new StringBuilder(random.nextInt(8) == 0 ? "\uFEFF" : "");
        boolean mixed = random.nextInt(6) == 0;
        String ending = endings[random.nextInt(endings.length)];
        for (String line : lines) {
            out.append(line).append(mixed ? endings[random.nextInt(endings.length)] : ending);
        }
        return out.toString();
    }

    private static void mutate(List<String> lines, Random random) {
        switch (random.nextInt(9)) {
            case 0 -> lines.add(random.nextInt(lines.size() + 1), KEYWORD_ROWS[random.nextInt(KEYWORD_ROWS.length)]);
            case 1 -> lines.add(random.nextInt(lines.size() + 1), "");
            case 2 -> oddValue(lines, random);
            case 3 -> lines.set(6, lines.get(6).replace(random.nextBoolean() ? "ACTION,ACTION" : "NAME,",
                    random.nextBoolean() ? "ACTION," + KINDS[random.nextInt(KINDS.length)]
                            : KINDS[random.nextInt(KINDS.length)] + ","));
            case 4 -> lines.replaceAll(line -> quoteAll(line, random.nextBoolean()));
            case 5 -> {
                int row = 10 + random.nextInt(3);
                lines.set(row, lines.get(row) + ",,stray");
            }
            case 6 -> lines.set(10, lines.get(10).replace("Row one",
                    random.nextBoolean() ? "\"Row\rone\"" : "\"Row\none\""));
            case 7 -> lines.set(5, random.nextBoolean() ? "RULETABLE Odd" : "  RuleTable   Odd  ");
            default -> lines.add(random.nextBoolean() ? lines.size() : 14,
                    KEYWORD_ROWS[random.nextInt(KEYWORD_ROWS.length)]);
        }
    }

    private static void oddValue(List<String> lines, Random random) {
        int row = 10 + random.nextInt(3);
        String[] cells = lines.get(row).split(",", -1);
        int col = random.nextInt(Math.min(cells.length, 5));
        String value = ODD_VALUES[random.nextInt(ODD_VALUES.length)];
        cells[col] = value.contains(",") || value.contains("\"") ? "\"" + value + "\"" : value;
        lines.set(row, String.join(",", cells));
    }

    /** Quotes every unquoted cell of a simple line (or, with {@code all} false, leaves it as it is). */
    private static String quoteAll(String line, boolean all) {
        if (!all || line.contains("\"")) {
            return line;
        }
        String[] cells = line.split(",", -1);
        for (int i = 0; i < cells.length; i++) {
            cells[i] = "\"" + cells[i] + "\"";
        }
        return String.join(",", cells);
    }
}

package io.nbo.rules.workbook;

import io.nbo.profile.attribute.AttributeType;
import io.nbo.rules.compile.Grid;
import io.nbo.rules.compile.RuleProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the examples a marketer keeps in a workbook, OpenL/Pega persona style: a cell {@code Tests} (on a sheet of its
 * own in a workbook, or below the rule tables in a CSV file), a header row naming customer and context attributes and
 * the expectations, then one example per row until an empty row.
 */
public final class WorkbookTestReader {

    /** The columns a Tests block may have (normalised). */
    public static final Set<String> COLUMNS = Set.of("test", "known", "age", "gender", "country", "region",
            "lifecycle", "engagement", "recencydays", "frequency", "spend", "predictedvalue", "churnrisk",
            "categories", "items", "tags", "segments", "consents", "touchpoint", "localtime", "day", "page", "intent",
            "device", "expecteligible", "expectnoteligible", "expectsegments");

    private static final String HINT = "use Test, a customer attribute (Age, Lifecycle, Engagement, Consents, "
            + "Categories, Items, Tags, ...), a context (Touchpoint, Local time, Day) or Expect eligible / Expect not "
            + "eligible";

    private final Set<String> columns;
    private final String hint;

    /** The reader of decision tables' Tests blocks. */
    public WorkbookTestReader() {
        this(COLUMNS, HINT);
    }

    /**
     * A reader of another marketer table's Tests blocks (the contact policy's), with its own columns.
     *
     * @param columns the columns a block may have, normalised (lower case, no spaces, '-' or '_')
     * @param hint    what to say after "unknown test column 'X'; "
     */
    public WorkbookTestReader(Set<String> columns, String hint) {
        this.columns = Set.copyOf(columns);
        this.hint = hint;
    }

    /** The key under which an example holds a custom attribute's value: {@code attribute:income}. */
    public static final String ATTRIBUTE = "attribute:";

    /** The examples, and problems with the block itself (unknown columns, missing names). */
    public List<WorkbookTest> read(Grid grid, List<RuleProblem> problems) {
        return read(grid, problems, Map.of());
    }

    /**
     * The examples, where a column may also name a declared custom attribute (its name, e.g. {@code income} or
     * {@code membership_date}; spaces, '-' and '_' and case do not matter) to give the example customer a value,
     * checked against the attribute's type with the cell located.
     *
     * @param attributes the declared attributes, name to type code
     */
    public List<WorkbookTest> read(Grid grid, List<RuleProblem> problems, Map<String, String> attributes) {
        List<WorkbookTest> tests = new ArrayList<>();
        for (Grid.Sheet sheet : grid.sheets()) {
            for (int r = 0; r < sheet.rows().size(); r++) {
                if (isMarker(sheet, r)) {
                    r = block(grid.file(), sheet, r, tests, problems, attributes);
                }
            }
        }
        return tests;
    }

    /** The rows (0-based) a Tests block occupies in a sheet: the marker, the header and the examples. */
    public static Set<Integer> blockRows(Grid.Sheet sheet) {
        Set<Integer> rows = new java.util.HashSet<>();
        for (int r = 0; r < sheet.rows().size(); r++) {
            if (isMarker(sheet, r)) {
                rows.add(r);
                int k = r + 1;
                while (k < sheet.rows().size() && !blank(sheet, k)) {
                    rows.add(k++);
                }
                r = k;
            }
        }
        return rows;
    }

    private int block(String file, Grid.Sheet sheet, int marker, List<WorkbookTest> tests,
                      List<RuleProblem> problems, Map<String, String> attributes) {
        int header = marker + 1;
        List<String> columns = new ArrayList<>();
        for (int c = 0; c < sheet.width(header); c++) {
            String name = normal(sheet.cell(header, c));
            if (!name.isEmpty() && !this.columns.contains(name)) {
                String attribute = attributeNamed(name, attributes);
                if (attribute != null) {
                    name = ATTRIBUTE + attribute;
                } else {
                    problems.add(RuleProblem.error(file, sheet.name(), Grid.ref(header, c), header + 1,
                            "unknown test column '" + sheet.cell(header, c).trim() + "'; " + hint
                                    + (attributes.isEmpty() ? "" : ", or a declared attribute: "
                                    + String.join(", ", new java.util.TreeSet<>(attributes.keySet())))));
                }
            }
            columns.add(name);
        }
        if (!columns.contains("test")) {
            problems.add(RuleProblem.error(file, sheet.name(), Grid.ref(header, 0), header + 1,
                    "a Tests block needs a 'Test' column naming each example"));
        }
        int r = header + 1;
        for (; r < sheet.rows().size() && !blank(sheet, r); r++) {
            Map<String, String> inputs = new LinkedHashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                String value = sheet.cell(r, c).trim();
                if (!columns.get(c).isEmpty() && !value.isEmpty()) {
                    inputs.put(columns.get(c), value);
                }
            }
            String name = inputs.getOrDefault("test", "row " + (r + 1));
            for (int c = 0; c < columns.size(); c++) {
                String key = columns.get(c);
                if (key.startsWith(ATTRIBUTE) && inputs.containsKey(key)) {
                    String attribute = key.substring(ATTRIBUTE.length());
                    String type = attributes.get(attribute);
                    String canonical = canonical(type, inputs.get(key));
                    if (canonical == null) {
                        problems.add(RuleProblem.error(file, sheet.name(), Grid.ref(r, c), r + 1, "test '" + name
                                + "': '" + attribute + "' is a " + type + " attribute: it takes "
                                + expected(type) + ", got '" + inputs.get(key) + "'"));
                        inputs.remove(key);
                    } else {
                        inputs.put(key, canonical);
                    }
                }
            }
            tests.add(new WorkbookTest(file, sheet.name(), r + 1, name, inputs));
        }
        return r;
    }

    private static String attributeNamed(String normalised, Map<String, String> attributes) {
        return attributes.keySet().stream().filter(a -> normal(a).equals(normalised)).findFirst().orElse(null);
    }

    /** A value's canonical text for the attribute's type; a choice is read as text (its values are not known here). */
    private static String canonical(String type, String value) {
        AttributeType t = AttributeType.fromCode(type).orElse(AttributeType.TEXT);
        return (t == AttributeType.CHOICE ? AttributeType.TEXT : t).canonical(value, List.of());
    }

    private static String expected(String type) {
        return AttributeType.fromCode(type).map(AttributeType::expected).orElse("text");
    }

    private static boolean isMarker(Grid.Sheet sheet, int r) {
        for (int c = 0; c < sheet.width(r); c++) {
            String cell = sheet.cell(r, c).trim();
            if (!cell.isEmpty()) {
                return cell.equalsIgnoreCase("Tests");
            }
        }
        return false;
    }

    private static boolean blank(Grid.Sheet sheet, int r) {
        for (int c = 0; c < sheet.width(r); c++) {
            if (!sheet.cell(r, c).isBlank()) {
                return false;
            }
        }
        return true;
    }

    public static String normal(String header) {
        return header.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
    }
}

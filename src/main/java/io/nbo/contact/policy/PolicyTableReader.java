package io.nbo.contact.policy;

import io.nbo.decision.core.policy.ContactPolicy;
import io.nbo.decision.core.policy.PolicyRule;
import io.nbo.decision.core.policy.PolicyRule.Kind;
import io.nbo.decision.core.policy.Selector;
import io.nbo.rules.compile.Grid;
import io.nbo.rules.compile.GridReader;
import io.nbo.rules.compile.RuleProblem;
import io.nbo.rules.compile.RuleSetException;
import io.nbo.rules.workbook.WorkbookTest;
import io.nbo.rules.workbook.WorkbookTestReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the marketers' contact-policy table (format in docs/strategy.md) through the project's one spreadsheet
 * reader ({@link GridReader}: strict CSV, or a workbook's values), so the policy and the decision tables mean the same
 * thing to every reader. On the first sheet, rows whose first cell starts with {@code #} and blank rows are skipped;
 * the first other row is the header, naming the columns in any order; every later row is one rule. A Tests block (a
 * cell {@code Tests}, a header, one example per row, as in decision tables) may follow the rules or sit on a sheet of
 * its own. Every cell is checked against its column and the rule's type, and every problem is reported at once, with
 * file, sheet, cell and row. Cells are plain values only: nothing in the table is ever run as code.
 */
public final class PolicyTableReader {

    public static final List<String> COLUMNS = List.of("Rule", "Type", "Channel", "Offer", "Group", "Limit",
            "Window", "Outcome", "Rest", "From", "Until", "Cost");

    /** The columns each type reads; any other filled cell in the row is an error, so no value is silently ignored. */
    private static final Map<Kind, Set<String>> USED = Map.of(
            Kind.CONSENT, Set.of("Channel"),
            Kind.CAP, Set.of("Channel", "Offer", "Group", "Limit", "Window"),
            Kind.REST, Set.of("Channel", "Offer", "Group", "Limit", "Window", "Outcome", "Rest"),
            Kind.QUIET_HOURS, Set.of("Channel", "Offer", "Group", "From", "Until"),
            Kind.SEND_WINDOW, Set.of("Channel", "Offer", "Group", "From", "Until"),
            Kind.VOLUME, Set.of("Offer", "Limit", "Cost"));

    private final GridReader grids = new GridReader();
    private final WorkbookTestReader examples = new WorkbookTestReader(PolicyTests.COLUMNS, PolicyTests.HINT);

    /**
     * Reads a policy file: a workbook when its name ends in .xlsx or .xls, otherwise CSV.
     *
     * @param offerIds the catalogue's offer ids, to warn about rules naming an offer that does not exist; null skips
     */
    public PolicyTable read(String name, byte[] bytes, Set<String> offerIds) {
        List<RuleProblem> errors = new ArrayList<>();
        List<RuleProblem> warnings = new ArrayList<>();
        Grid grid = grid(name, bytes, errors);
        List<PolicyRow> rows = grid == null ? List.of() : PolicySheet.rows(grid, errors);
        List<PolicyRule> rules = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> known = offerIds == null ? null : lowerCase(offerIds);
        for (PolicyRow row : rows) {
            Cells cells = new Cells(row, errors);
            PolicyRule rule = rule(cells);
            if (rule != null && !names.add(rule.name().toLowerCase(Locale.ROOT))) {
                cells.problem("Rule", "rule name '" + rule.name() + "' is used twice; give each rule its own name");
            } else if (rule != null) {
                rules.add(rule);
                unknownOffers(row, rule, known, warnings);
            }
        }
        List<WorkbookTest> tests = grid == null ? List.of() : examples.read(grid, errors);
        String version = version(bytes);
        return new PolicyTable(name, bytes, version, errors.isEmpty() ? new ContactPolicy(version, rules) : null, tests,
                errors, warnings);
    }

    /** Reads a CSV table given as text and refuses it ({@link PolicyRejected}) when it has errors. */
    public ContactPolicy read(String file, String text) {
        PolicyTable table = read(file, text.getBytes(StandardCharsets.UTF_8), null);
        if (!table.errors().isEmpty()) {
            throw new PolicyRejected(file + " cannot go live: " + table.errors().size() + " error(s)", table.errors(),
                    table.warnings());
        }
        return table.policy();
    }

    /** A workbook by its name (.xlsx, .xls), otherwise CSV. */
    public static boolean isWorkbook(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".xlsx") || lower.endsWith(".xls");
    }

    /** The version of a table: the start of the SHA-256 of its bytes, as decisions log it. */
    public static String version(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rule rows of a table as written (for diffs); none when it cannot be read. */
    List<PolicyRow> rows(String name, byte[] bytes) {
        List<RuleProblem> ignored = new ArrayList<>();
        Grid grid = grid(name, bytes, ignored);
        return grid == null ? List.of() : PolicySheet.rows(grid, ignored);
    }

    private Grid grid(String name, byte[] bytes, List<RuleProblem> problems) {
        try {
            Grid grid = isWorkbook(name) ? grids.readWorkbook(name, bytes) : grids.readCsv(name, bytes);
            if (grid.sheets().isEmpty()) {
                problems.add(RuleProblem.error(name, null, null, null, "has no visible sheet; put the policy on the "
                        + "first sheet"));
                return null;
            }
            return grid;
        } catch (RuleSetException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    private static PolicyRule rule(Cells cells) {
        int before = cells.problems();
        String name = cells.required("Rule");
        if (name != null && name.length() > 100) {
            cells.problem("Rule", "a rule name has at most 100 characters");
        }
        Kind kind = cells.kind();
        if (kind == null) {
            return null;
        }
        for (String column : COLUMNS) {
            if (!column.equals("Rule") && !column.equals("Type") && !USED.get(kind).contains(column)
                    && !cells.raw(column).isEmpty()) {
                cells.problem(column, "a " + kind.code() + " rule does not use column " + column + "; leave it blank");
            }
        }
        Selector channel = cells.channel();
        Selector offer = cells.selector("Offer");
        Selector group = cells.selector("Group");
        PolicyRule rule = switch (kind) {
            case CONSENT -> {
                if (channel.mode() != Selector.Mode.ONE) {
                    cells.problem("Channel", "a consent rule names its channels, e.g. call-centre");
                }
                yield new PolicyRule(name, kind, channel, offer, group, null, null, null, null, null, null,
                        cells.where());
            }
            case CAP -> new PolicyRule(name, kind, channel, offer, group, cells.count(true, 0),
                    cells.duration("Window", true), null, null, null, null, cells.where());
            case REST -> new PolicyRule(name, kind, channel, offer, group, cells.count(false, 1),
                    cells.duration("Window", false), cells.outcome(), cells.duration("Rest", true), null, null,
                    cells.where());
            case QUIET_HOURS, SEND_WINDOW -> new PolicyRule(name, kind, channel, offer, group, null, null, null,
                    null, cells.hours(), null, cells.where());
            case VOLUME -> {
                if (offer.mode() != Selector.Mode.ONE || offer.values().size() != 1) {
                    cells.problem("Offer", "a volume rule names one offer id; each offer has its own stock or budget");
                }
                yield new PolicyRule(name, kind, channel, offer, group, cells.amount("Limit", true),
                        null, null, null, null, cells.amount("Cost", false), cells.where());
            }
        };
        return cells.problems() == before ? rule : null;
    }

    private static void unknownOffers(PolicyRow row, PolicyRule rule, Set<String> known, List<RuleProblem> warnings) {
        if (known == null || rule.offer().mode() != Selector.Mode.ONE) {
            return;
        }
        for (String part : row.cell("Offer").split("\\|")) {
            String id = part.strip();
            if (!known.contains(id.toLowerCase(Locale.ROOT))) {
                warnings.add(RuleProblem.warning(row.file(), row.sheet(), row.ref("Offer"), row.row() + 1, "offer id '"
                        + id + "' is not in the offer catalogue; rule '" + rule.name() + "' applies to no offer until "
                        + "one with that id exists"));
            }
        }
    }

    private static Set<String> lowerCase(Set<String> ids) {
        Set<String> out = new HashSet<>();
        ids.forEach(id -> out.add(id.toLowerCase(Locale.ROOT)));
        return out;
    }
}

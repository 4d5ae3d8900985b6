package io.nbo.contact.policy;

import io.nbo.decision.core.policy.ContactPolicy;
import io.nbo.decision.core.policy.PolicyRule;
import io.nbo.decision.core.policy.PolicyRule.Kind;
import io.nbo.decision.core.policy.Selector;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the marketers' contact-policy table (CSV, format in docs/strategy.md): lines starting with {@code #} and
 * blank lines are ignored; the first other line is the header, naming the columns in any order; every later line is
 * one rule. Every cell is checked against its column and the rule's type; all problems are reported at once, each
 * with the file, row and column. Cells are plain values only: nothing in the table is ever run as code.
 */
public final class PolicyTableReader {

    static final List<String> COLUMNS = List.of("Rule", "Type", "Channel", "Offer", "Group", "Limit", "Window",
            "Outcome", "Rest", "From", "Until", "Cost");

    /** The columns each type reads; any other non-blank cell in the row is an error, so no value is silently ignored. */
    private static final Map<Kind, Set<String>> USED = Map.of(
            Kind.CONSENT, Set.of("Channel"),
            Kind.CAP, Set.of("Channel", "Offer", "Group", "Limit", "Window"),
            Kind.REST, Set.of("Channel", "Offer", "Group", "Limit", "Window", "Outcome", "Rest"),
            Kind.QUIET_HOURS, Set.of("Channel", "Offer", "Group", "From", "Until"),
            Kind.SEND_WINDOW, Set.of("Channel", "Offer", "Group", "From", "Until"),
            Kind.VOLUME, Set.of("Offer", "Limit", "Cost"));

    public ContactPolicy read(String file, String text) {
        List<PolicyProblem> problems = new ArrayList<>();
        List<PolicyRule> rules = new ArrayList<>();
        Map<String, Integer> header = null;
        Set<String> names = new HashSet<>();
        for (CsvRows.Row row : CsvRows.parse(text)) {
            if (row.cells().stream().allMatch(String::isEmpty) || row.cells().get(0).startsWith("#")) {
                continue;
            }
            if (header == null) {
                header = header(file, row, problems);
                if (header == null) {
                    break;
                }
                continue;
            }
            Cells cells = new Cells(file, row, header, problems);
            PolicyRule rule = rule(cells);
            if (rule != null && !names.add(rule.name().toLowerCase())) {
                problems.add(new PolicyProblem(file, row.number(), "Rule", "rule name '" + rule.name()
                        + "' is used twice; give each rule its own name"));
            } else if (rule != null) {
                rules.add(rule);
            }
        }
        if (header == null && problems.isEmpty()) {
            problems.add(new PolicyProblem(file, null, null, "the table has no header row; the first row must name "
                    + "the columns " + String.join(", ", COLUMNS)));
        }
        if (!problems.isEmpty()) {
            throw new PolicyTableException(problems);
        }
        return new ContactPolicy(version(text), rules);
    }

    private static Map<String, Integer> header(String file, CsvRows.Row row, List<PolicyProblem> problems) {
        Map<String, Integer> header = new HashMap<>();
        for (int i = 0; i < row.cells().size(); i++) {
            String name = row.cells().get(i);
            String known = COLUMNS.stream().filter(c -> c.equalsIgnoreCase(name)).findFirst().orElse(null);
            if (known == null) {
                problems.add(new PolicyProblem(file, row.number(), name, "unknown column '" + name + "'; the columns "
                        + "are " + String.join(", ", COLUMNS)));
            } else if (header.putIfAbsent(known, i) != null) {
                problems.add(new PolicyProblem(file, row.number(), known, "column " + known + " appears twice"));
            }
        }
        for (String column : COLUMNS) {
            if (!header.containsKey(column)) {
                problems.add(new PolicyProblem(file, row.number(), column, "the header has no column " + column));
            }
        }
        return problems.isEmpty() ? header : null;
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
                cells.problem(column, "a " + kind.code() + " rule does not use column " + column
                        + "; leave it blank");
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
            case CAP -> new PolicyRule(name, kind, channel, offer, group, cells.count(true, 0), cells.duration("Window",
                    true), null, null, null, null, cells.where());
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

    private static String version(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

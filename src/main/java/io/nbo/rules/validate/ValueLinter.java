package io.nbo.rules.validate;

import io.nbo.common.error.Values;
import io.nbo.rules.compile.Grid;
import io.nbo.rules.compile.RuleProblem;
import io.nbo.rules.compile.RuleTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Warnings for values no customer has: a gender outside the profiles' genders ({@link Vocabulary#GENDERS} and those
 * the customers hold), and a segment, tag, category, item, country or region that no customer in the base holds (as
 * last read, see {@link DraftContext.CustomerValues}). Such a row is probably misspelt: as written it matches nobody
 * (or, negated, everybody). One warning per column and value, at its first cell, with how many rows use it and the
 * nearest known value. Values of closed domains the server enforces (channels, lifecycle, engagement, days, offer
 * ids) are errors elsewhere, not warnings here.
 */
final class ValueLinter {

    private static final Map<Vocabulary.Domain, String> HOLDS = Map.of(Vocabulary.Domain.GENDER,
            "has this gender", Vocabulary.Domain.COUNTRY, "is in this country", Vocabulary.Domain.REGION,
            "is in this region", Vocabulary.Domain.SEGMENT, "is in this segment", Vocabulary.Domain.TAG,
            "has this tag", Vocabulary.Domain.CATEGORY, "has this among their top categories",
            Vocabulary.Domain.ITEM, "has this among their top items");

    List<RuleProblem> lint(String file, RuleTable table, List<ColumnPlan> plans,
                           DraftContext.CustomerValues customers) {
        Map<String, Finding> findings = new LinkedHashMap<>();
        Map<Vocabulary.Domain, Set<String>> knownBy = new java.util.EnumMap<>(Vocabulary.Domain.class);
        for (RuleTable.DataRow row : table.rows()) {
            for (int i = 0; i < plans.size(); i++) {
                ColumnPlan plan = plans.get(i);
                String cell = row.cells().get(i);
                if (cell.isEmpty() || !plan.isCondition()) {
                    continue;
                }
                for (Map.Entry<String, String> value : ColumnPlan.values(plan.column().template(), cell).entrySet()) {
                    Vocabulary.Domain domain = plan.params().get(value.getKey());
                    Set<String> known = domain == null || !domain.customerValue() ? null
                            : knownBy.computeIfAbsent(domain, d -> known(d, customers));
                    String v = value.getValue().trim();
                    if (known != null && !v.isEmpty() && !known.contains(v)) {
                        findings.computeIfAbsent(i + "\u0000" + v, k -> new Finding(plan, domain, v, row, known))
                                .rows++;
                    }
                }
            }
        }
        List<RuleProblem> out = new ArrayList<>();
        for (Finding f : findings.values()) {
            out.add(RuleProblem.warning(file, table.sheet(), Grid.ref(f.first.row(), f.plan.column().col()),
                    f.first.row() + 1, f.message(customers)));
        }
        return out;
    }

    /** The values to hold a domain to, or null when it is not checked. */
    private static Set<String> known(Vocabulary.Domain domain, DraftContext.CustomerValues customers) {
        Set<String> held = customers.values().get(domain);
        if (domain == Vocabulary.Domain.GENDER) {
            Set<String> genders = new TreeSet<>(Vocabulary.GENDERS);
            if (held != null) {
                genders.addAll(held);
            }
            return genders;
        }
        return held == null || held.isEmpty() ? null : held;
    }

    private static final class Finding {
        final ColumnPlan plan;
        final Vocabulary.Domain domain;
        final String value;
        final RuleTable.DataRow first;
        final Set<String> known;
        int rows;

        Finding(ColumnPlan plan, Vocabulary.Domain domain, String value, RuleTable.DataRow first, Set<String> known) {
            this.plan = plan;
            this.domain = domain;
            this.value = value;
            this.first = first;
            this.known = known;
        }

        String message(DraftContext.CustomerValues customers) {
            StringBuilder m = new StringBuilder("'").append(RowChecker.label(plan)).append("' value '")
                    .append(Values.clip(value, 60)).append("': no customer ").append(HOLDS.get(domain));
            if (domain == Vocabulary.Domain.GENDER) {
                m.append(" (profiles say ").append(String.join(", ", known)).append(')');
            } else {
                m.append(" (of ").append(String.format(Locale.ROOT, "%,d", customers.customers()))
                        .append(customers.customers() == 1 ? " customer" : " customers").append(", as read at ")
                        .append(customers.readAt()).append(')');
            }
            m.append(", so this condition ").append(negated() ? "holds for everyone" : "matches nobody");
            String near = nearest(value, known);
            if (near != null) {
                m.append("; did you mean '").append(Values.clip(near, 60)).append("'?");
            }
            if (rows > 1) {
                m.append(" (").append(rows).append(" rows use it)");
            }
            return m.toString();
        }

        private boolean negated() {
            return plan.column().template().replace(" ", "").contains("==false");
        }
    }

    /**
     * The known value {@code value} most likely stands for, or null: the same value in other case; for an
     * abbreviation of one or two letters ({@code F}), the first known value it begins; else the closest one at most two
     * edits away (a typo).
     */
    static String nearest(String value, Set<String> known) {
        String lower = value.toLowerCase(Locale.ROOT);
        List<String> sorted = known.stream().sorted().toList();
        for (String candidate : sorted) {
            if (candidate.equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        if (lower.length() <= 2) {
            return sorted.stream().filter(c -> c.toLowerCase(Locale.ROOT).startsWith(lower)).findFirst()
                    .orElse(null);
        }
        String best = null;
        int bestDistance = 3;
        for (String candidate : sorted) {
            int d = distance(lower, candidate.toLowerCase(Locale.ROOT), bestDistance);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Levenshtein distance, giving up (returning {@code limit}) once it must be at least that. */
    private static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) >= limit) {
            return limit;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin >= limit) {
                return limit;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return Math.min(previous[b.length()], limit);
    }
}

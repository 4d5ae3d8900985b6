package io.nbo.rules.compile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Merges, within each rule of generated DRL, the patterns on the same vocabulary fact into one pattern:
 * {@code Customer(region == "GB")} and {@code Customer(age >= 18, age <= 29)} become
 * {@code Customer(region == "GB", age >= 18, age <= 29)}.
 *
 * <p>Drools' spreadsheet compiler gives every CSV column its own pattern (only merged XLSX cells share one), so a
 * 5,000-row table became ~17,000 patterns joined by ~12,000 join nodes, all touched by every decision. Merging is exact
 * because a decision session holds exactly one fact of each vocabulary type; the merged form lets the alpha network
 * hash the first constraint and reach a rule only when all its conditions on that fact hold. Only plain, unbound
 * patterns ({@code Type(...)} alone on a line) are merged; anything else is left as written.
 */
final class PatternMerger {

    private static final Set<String> SINGLE_FACTS = Set.of("Customer", "Context");
    private static final Pattern SIMPLE = Pattern.compile("^(\\s*)(\\w+)\\((.*)\\)\\s*$");

    private PatternMerger() {
    }

    static String merge(String drl) {
        String[] lines = drl.split("\n", -1);
        List<String> out = new ArrayList<>(lines.length);
        int i = 0;
        while (i < lines.length) {
            out.add(lines[i]);
            if (lines[i].trim().equals("when")) {
                i = mergeConditions(lines, i + 1, out);
            } else {
                i++;
            }
        }
        return String.join("\n", out);
    }

    /** Copies the when-block starting at {@code from}, merged; returns the index of the line after it. */
    private static int mergeConditions(String[] lines, int from, List<String> out) {
        int end = from;
        while (end < lines.length && !lines[end].trim().equals("then")) {
            end++;
        }
        Map<String, Integer> slot = new LinkedHashMap<>();
        List<String[]> block = new ArrayList<>();
        for (int k = from; k < end; k++) {
            Matcher m = SIMPLE.matcher(lines[k]);
            if (m.matches() && SINGLE_FACTS.contains(m.group(2)) && !m.group(3).isBlank()) {
                Integer at = slot.get(m.group(2));
                if (at != null) {
                    String[] merged = block.get(at);
                    merged[2] = merged[2] + ", " + m.group(3);
                    continue;
                }
                slot.put(m.group(2), block.size());
                block.add(new String[] {m.group(1), m.group(2), m.group(3)});
            } else {
                block.add(new String[] {null, null, lines[k]});
            }
        }
        for (String[] entry : block) {
            out.add(entry[0] == null ? entry[2] : entry[0] + entry[1] + "(" + entry[2] + ")");
        }
        return end;
    }
}

package io.nbo.rules.workbook;

import io.nbo.decision.core.EligibilityResult;
import io.nbo.decision.core.Situation;
import io.nbo.offer.Channel;
import io.nbo.profile.CustomerProfile;
import io.nbo.rules.CompiledRuleSet;
import io.nbo.rules.compile.RuleProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Runs a workbook's examples against a compiled (draft) rule set. An offer counts as eligible when a row made it
 * eligible and no row excluded it. Each failing example becomes a problem naming the example, its row, what was
 * expected and what the rules did.
 */
public final class WorkbookTestRunner {

    /** The outcome: how many examples ran and the failures (as located problems). */
    public record Outcome(int run, List<RuleProblem> failures) {

        public Outcome {
            failures = List.copyOf(failures);
        }

        public int passed() {
            return run - failures.size();
        }
    }

    private static final LocalDate DEFAULT_DATE = LocalDate.of(2026, 11, 23);

    public Outcome run(CompiledRuleSet rules, List<WorkbookTest> tests) {
        List<RuleProblem> failures = new ArrayList<>();
        for (WorkbookTest test : tests) {
            String why;
            try {
                why = failure(rules, test);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                why = "cannot be run: " + e.getMessage();
            }
            if (why != null) {
                failures.add(RuleProblem.error(test.file(), test.sheet(), null, test.row(),
                        "test '" + test.name() + "' " + why));
            }
        }
        return new Outcome(tests.size(), failures);
    }

    private static String failure(CompiledRuleSet rules, WorkbookTest test) {
        Map<String, String> in = test.inputs();
        EligibilityResult result = rules.evaluate(situation(in), List.of());
        Set<String> eligible = result.verdicts().entrySet().stream()
                .filter(e -> !e.getValue().eligibleBy().isEmpty() && e.getValue().excludedBy().isEmpty())
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
        List<String> problems = new ArrayList<>();
        for (String offer : list(in.get("expecteligible"))) {
            if (!eligible.contains(offer)) {
                problems.add("expected " + offer + " to be eligible, it was not"
                        + excluded(result, offer));
            }
        }
        for (String offer : list(in.get("expectnoteligible"))) {
            if (eligible.contains(offer)) {
                problems.add("expected " + offer + " not to be eligible, but " + String.join(", ",
                        result.verdicts().get(offer).eligibleBy()) + " made it eligible");
            }
        }
        for (String segment : list(in.get("expectsegments"))) {
            if (!result.assignedSegments().contains(segment)) {
                problems.add("expected segment " + segment + ", got " + new TreeSet<>(result.assignedSegments()));
            }
        }
        if (problems.isEmpty()) {
            return null;
        }
        return "failed: " + String.join("; ", problems) + " (eligible: " + (eligible.isEmpty() ? "none"
                : String.join(", ", eligible)) + ")";
    }

    private static String excluded(EligibilityResult result, String offer) {
        EligibilityResult.Verdict verdict = result.verdicts().get(offer);
        return verdict != null && !verdict.excludedBy().isEmpty()
                ? " (excluded by " + String.join(", ", verdict.excludedBy()) + ")" : "";
    }

    static Situation situation(Map<String, String> in) {
        boolean known = !"false".equalsIgnoreCase(in.getOrDefault("known", "true"));
        CustomerProfile customer = new CustomerProfile("TEST", known, integer(in, "age"), in.get("gender"),
                in.get("country"), in.get("region"), ZoneId.of("UTC"), channels(in.get("consents")),
                Set.copyOf(list(in.get("segments"))), Set.copyOf(list(in.get("tags"))),
                in.getOrDefault("lifecycle", known ? "active" : "prospect"), in.getOrDefault("engagement", "unknown"),
                integer(in, "recencydays"), integer(in, "frequency") == null ? 0 : integer(in, "frequency"),
                decimal(in, "spend"), list(in.get("categories")), list(in.get("items")), List.of(),
                decimal(in, "predictedvalue"), decimal(in, "churnrisk").doubleValue());
        Map<String, String> attributes = new java.util.HashMap<>();
        in.forEach((key, value) -> {
            if (key.startsWith(WorkbookTestReader.ATTRIBUTE)) {
                attributes.put(key.substring(WorkbookTestReader.ATTRIBUTE.length()), value);
            }
        });
        if (!attributes.isEmpty()) {
            customer = customer.withIdentity(null, null, null, attributes);
        }
        Channel touchpoint = Channel.fromCode(in.getOrDefault("touchpoint", "web")).orElseThrow(() ->
                new IllegalArgumentException("unknown touchpoint '" + in.get("touchpoint") + "'; use one of "
                        + Channel.codes()));
        LocalDate date = in.containsKey("day") ? LocalDate.parse(in.get("day")) : DEFAULT_DATE;
        LocalTime time = in.containsKey("localtime") ? LocalTime.parse(in.get("localtime")) : LocalTime.NOON;
        Map<String, String> context = new java.util.HashMap<>();
        for (String key : List.of("page", "intent", "device")) {
            if (in.containsKey(key)) {
                context.put(key, in.get(key));
            }
        }
        LocalDateTime local = LocalDateTime.of(date, time);
        return new Situation(customer, touchpoint, context, local, 5, local.atZone(customer.timeZone()).toInstant());
    }

    private static Integer integer(Map<String, String> in, String key) {
        String value = in.get(key);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.replaceAll("\\.0+$", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + value + "'");
        }
    }

    private static BigDecimal decimal(Map<String, String> in, String key) {
        String value = in.get(key);
        if (value == null) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, got '" + value + "'");
        }
    }

    private static Set<Channel> channels(String value) {
        return list(value).stream().map(code -> Channel.fromCode(code).orElseThrow(() ->
                new IllegalArgumentException("unknown channel '" + code + "' in Consents; use one of "
                        + Channel.codes()))).collect(Collectors.toSet());
    }

    static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}

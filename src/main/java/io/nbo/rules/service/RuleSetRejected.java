package io.nbo.rules.service;

import io.nbo.rules.compile.RuleProblem;
import io.nbo.rules.validate.DraftReport;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** A draft that may not go live, with every located problem (errors, then failing workbook tests). */
public class RuleSetRejected extends RuntimeException {

    private final transient List<RuleProblem> problems;
    private final transient List<RuleProblem> warnings;

    public RuleSetRejected(String message, List<RuleProblem> problems, List<RuleProblem> warnings) {
        super(message);
        this.problems = List.copyOf(problems);
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Throws when the draft may not go live. The message says how many problems there are and names any other live
     * file whose problems block it too, so nobody is left wondering why a change to one file failed on another.
     *
     * @param changing the files the change is about
     */
    static void unless(DraftReport report, String what, Set<String> changing) {
        if (report.valid()) {
            return;
        }
        Set<String> others = report.blocking().stream().map(RuleProblem::file).filter(f -> !changing.contains(f))
                .collect(Collectors.toCollection(TreeSet::new));
        long elsewhere = report.blocking().stream().filter(p -> others.contains(p.file())).count();
        throw new RuleSetRejected(what + " cannot go live: " + report.errors().size() + " error(s), "
                + report.testFailures().size() + " failing test(s)" + (others.isEmpty() ? "" : ", " + elsewhere
                + " of them in other live files checked with it (" + String.join(", ", others) + "), which block it "
                + "too") + "; the live rule set is unchanged", report.blocking(), report.warnings());
    }

    public List<RuleProblem> problems() {
        return problems;
    }

    public List<RuleProblem> warnings() {
        return warnings;
    }
}

package io.nbo.rules.validate;

import io.nbo.rules.CompiledRuleSet;
import io.nbo.rules.compile.RuleProblem;
import java.util.List;

/**
 * What checking a draft rule set found: errors (it cannot go live), warnings (it may, but look), and how its workbook
 * tests went. {@code compiled} is set only when there are no errors.
 */
public record DraftReport(String version, CompiledRuleSet compiled, List<RuleProblem> errors,
                          List<RuleProblem> warnings, int testsRun, List<RuleProblem> testFailures) {

    public DraftReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        testFailures = List.copyOf(testFailures);
    }

    public boolean valid() {
        return errors.isEmpty() && testFailures.isEmpty() && compiled != null;
    }

    /** Errors and test failures together: everything that stops the draft going live. */
    public List<RuleProblem> blocking() {
        return java.util.stream.Stream.concat(errors.stream(), testFailures.stream()).toList();
    }

    /** This report with more errors before its own (files refused before checking); unchanged when there are none. */
    public DraftReport withErrorsFirst(List<RuleProblem> first) {
        if (first.isEmpty()) {
            return this;
        }
        List<RuleProblem> all = new java.util.ArrayList<>(first);
        all.addAll(errors);
        return new DraftReport(version, null, all, warnings, testsRun, testFailures);
    }
}

package io.nbo.rules.compile;

import java.util.List;
import java.util.stream.Collectors;

/** A rule set that cannot go live, with every problem found. A report, not a bug: it carries no stack trace. */
public class RuleSetException extends RuntimeException {

    private final transient List<RuleProblem> problems;

    public RuleSetException(List<RuleProblem> problems) {
        super(summary(problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }

    private static String summary(List<RuleProblem> problems) {
        return "The rule set cannot go live, " + problems.size() + " problem(s):\n  "
                + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n  "));
    }
}

package io.nbo.contact.policy;

import io.nbo.rules.compile.RuleProblem;
import java.util.List;

/**
 * A contact-policy table that may not go live, with every located problem (errors, then failing examples), in the
 * same shape as a rejected rule set. A report, not a bug: it carries no stack trace.
 */
public class PolicyRejected extends RuntimeException {

    private final transient List<RuleProblem> problems;
    private final transient List<RuleProblem> warnings;

    public PolicyRejected(String message, List<RuleProblem> problems, List<RuleProblem> warnings) {
        super(message, null, false, false);
        this.problems = List.copyOf(problems);
        this.warnings = List.copyOf(warnings);
    }

    public List<RuleProblem> problems() {
        return problems;
    }

    public List<RuleProblem> warnings() {
        return warnings;
    }
}

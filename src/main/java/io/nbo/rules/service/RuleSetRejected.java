package io.nbo.rules.service;

import io.nbo.rules.compile.RuleProblem;
import java.util.List;

/** A draft that may not go live, with every located problem (errors, then failing workbook tests). */
public class RuleSetRejected extends RuntimeException {

    private final transient List<RuleProblem> problems;
    private final transient List<RuleProblem> warnings;

    public RuleSetRejected(String message, List<RuleProblem> problems, List<RuleProblem> warnings) {
        super(message);
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

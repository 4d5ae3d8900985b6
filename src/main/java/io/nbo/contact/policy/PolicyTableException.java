package io.nbo.contact.policy;

import java.util.List;
import java.util.stream.Collectors;

/** The policy table was refused; every problem found is listed, not just the first. */
public class PolicyTableException extends RuntimeException {

    private final List<PolicyProblem> problems;

    public PolicyTableException(List<PolicyProblem> problems) {
        super(problems.size() + " problem(s) in the contact-policy table: " + problems.stream()
                .map(PolicyProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<PolicyProblem> problems() {
        return problems;
    }
}

package io.nbo.contact.service;

import io.nbo.rules.compile.RuleProblem;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of putting a contact policy live, in the shape a rule-set activation answers with.
 *
 * @param changed false when the table was exactly the live version (nothing was activated)
 */
public record PolicyActivation(String version, String previousVersion, boolean changed, int ruleCount, int testsRun,
                               List<RuleProblem> warnings, String activatedBy, Instant activatedAt) {

    public PolicyActivation {
        warnings = List.copyOf(warnings);
    }
}

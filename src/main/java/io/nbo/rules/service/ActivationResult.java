package io.nbo.rules.service;

import io.nbo.rules.compile.RuleProblem;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of putting a rule set live.
 *
 * @param changed false when the draft was exactly the live version (nothing was activated)
 */
public record ActivationResult(String version, String previousVersion, boolean changed, int ruleCount,
                               int testsRun, List<RuleProblem> warnings, String activatedBy, Instant activatedAt) {

    public ActivationResult {
        warnings = List.copyOf(warnings);
    }
}

package io.nbo.rules.service;

import io.nbo.rules.compile.RuleProblem;
import java.time.Instant;
import java.util.List;

/** The last time the folders were reloaded: when, what it became, and why it failed if it did. */
public record ReloadStatus(Instant at, String version, boolean applied, List<RuleProblem> problems) {

    public ReloadStatus {
        problems = List.copyOf(problems);
    }
}

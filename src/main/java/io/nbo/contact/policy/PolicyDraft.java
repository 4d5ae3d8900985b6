package io.nbo.contact.policy;

import io.nbo.decision.core.policy.ContactPolicy;
import io.nbo.rules.compile.RuleProblem;
import io.nbo.rules.workbook.WorkbookTestRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A policy table checked as every path checks it (start-up, reload, upload, dry run, simulation, rollback): read and
 * validated cell by cell, then, when it has no errors, its examples run. Only a valid draft may go live.
 */
public record PolicyDraft(PolicyTable table, int testsRun, List<RuleProblem> testFailures) {

    private static final PolicyTableReader READER = new PolicyTableReader();
    private static final PolicyTests TESTS = new PolicyTests();

    public PolicyDraft {
        testFailures = List.copyOf(testFailures);
    }

    /**
     * @param offerIds the catalogue's offer ids, to warn about rules naming offers it does not have; null skips that
     */
    public static PolicyDraft check(String name, byte[] bytes, Set<String> offerIds) {
        PolicyTable table = READER.read(name, bytes, offerIds);
        if (!table.errors().isEmpty()) {
            return new PolicyDraft(table, 0, List.of());
        }
        WorkbookTestRunner.Outcome outcome = TESTS.run(table.policy(), table.tests());
        return new PolicyDraft(table, outcome.run(), outcome.failures());
    }

    public boolean valid() {
        return table.errors().isEmpty() && testFailures.isEmpty();
    }

    public String version() {
        return table.version();
    }

    /** The policy; null when the table has errors. */
    public ContactPolicy policy() {
        return table.policy();
    }

    public List<RuleProblem> errors() {
        return table.errors();
    }

    public List<RuleProblem> warnings() {
        return table.warnings();
    }

    /** Errors, then failing examples. */
    public List<RuleProblem> blocking() {
        List<RuleProblem> all = new ArrayList<>(table.errors());
        all.addAll(testFailures);
        return all;
    }

    /** Throws {@link PolicyRejected} unless the draft may go live. */
    public PolicyDraft orReject(String what) {
        if (!valid()) {
            throw new PolicyRejected(what + " cannot go live: " + table.errors().size() + " error(s), "
                    + testFailures.size() + " failing test(s); the live policy is unchanged", blocking(), warnings());
        }
        return this;
    }
}

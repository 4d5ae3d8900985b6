package io.nbo.contact.policy;

import io.nbo.decision.core.policy.ContactPolicy;
import io.nbo.rules.compile.RuleProblem;
import io.nbo.rules.workbook.WorkbookTest;
import java.util.List;

/**
 * A policy table as read: the file, its version (a hash of its bytes), the policy when the table has no errors, the
 * examples of its Tests block, and every problem, located as for decision tables.
 *
 * @param policy null when {@code errors} is not empty
 */
public record PolicyTable(String name, byte[] bytes, String version, ContactPolicy policy, List<WorkbookTest> tests,
                          List<RuleProblem> errors, List<RuleProblem> warnings) {

    public PolicyTable {
        tests = List.copyOf(tests);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }
}

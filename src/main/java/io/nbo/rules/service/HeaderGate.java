package io.nbo.rules.service;

import io.nbo.rules.compile.RuleProblem;
import io.nbo.rules.compile.RuleSource;
import io.nbo.rules.validate.HeaderLock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Who may change a table's code: a table's header block (RuleSet, Import, Variables, RuleTable, column kinds, facts
 * and templates) is code, so changing it or adding a table file needs the admin role; a marketer changes data rows.
 * Applied before anything is checked or compiled, on every path a marketer can take: upload, dry run, simulation,
 * rollback and the marketers' folder.
 */
final class HeaderGate {

    private final HeaderLock headers = new HeaderLock();

    /** Throws {@link HeaderChangeForbidden} when the actor may not make this change to the live files. */
    void check(RuleSource source, Actor actor, Map<String, RuleSource> live) {
        if (actor.admin()) {
            return;
        }
        RuleSource before = live.get(source.name());
        if (before == null) {
            throw new HeaderChangeForbidden("'" + source.name() + "' is a new table file; adding a table changes "
                    + "code (its header block), which needs the admin role");
        }
        headers.headerChange(before, source).ifPresent(change -> {
            throw new HeaderChangeForbidden(source.name() + ": " + change + "; header blocks (RuleSet, Import, "
                    + "Variables, RuleTable, CONDITION/ACTION templates) are code and need the admin role, a "
                    + "marketer may change data rows only");
        });
    }

    /** The tables changed on disk that break the lock for {@link Actor#FILES}, as problems; empty when none do. */
    List<RuleProblem> onDisk(List<RuleSource> disk, Map<String, RuleSource> live) {
        List<RuleProblem> refused = new ArrayList<>();
        for (RuleSource source : disk) {
            RuleSource before = live.get(source.name());
            if (source.kind() == RuleSource.Kind.DRL || before != null && Arrays.equals(before.bytes(),
                    source.bytes())) {
                continue;
            }
            try {
                check(source, Actor.FILES, live);
            } catch (HeaderChangeForbidden e) {
                refused.add(RuleProblem.error(source.name(), null, null, null, e.getMessage()));
            }
        }
        return refused;
    }
}

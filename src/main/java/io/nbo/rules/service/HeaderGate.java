package io.nbo.rules.service;

import io.nbo.rules.compile.RuleProblem;
import io.nbo.rules.compile.RuleSource;
import io.nbo.rules.compile.ReadLimits;
import io.nbo.rules.validate.ColumnTemplate;
import io.nbo.rules.validate.HeaderLock;
import io.nbo.rules.validate.StandardTemplates;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may change a table's code: a table's header block (RuleSet, Import, Variables, RuleTable, column kinds, facts
 * and templates) is code, so changing it needs the admin role; a marketer changes data rows. A marketer may add a new
 * table file built only from approved column templates (the standard ones and those the live tables use); a new
 * template needs the admin role. Applied before anything is checked or compiled, on every path a marketer can take:
 * upload, dry run, simulation, rollback and the marketers' folder.
 */
final class HeaderGate {

    private final HeaderLock headers;
    private Map<String, RuleSource> templatesOf;
    private Set<ColumnTemplate> approved;

    HeaderGate(ReadLimits limits) {
        this.headers = new HeaderLock(limits);
    }

    /** Throws {@link HeaderChangeForbidden} when the actor may not make this change to the live files. */
    void check(RuleSource source, Actor actor, Map<String, RuleSource> live) {
        if (actor.admin()) {
            return;
        }
        RuleSource before = live.get(source.name());
        if (before == null) {
            headers.unapprovedColumn(source, approved(live)).ifPresent(why -> {
                throw new HeaderChangeForbidden("'" + source.name() + "' is a new table file, and " + why + "; a new "
                        + "column template is code and needs the admin role (docs/decision-tables.md lists the "
                        + "standard templates a marketer may use)");
            });
            return;
        }
        headers.headerChange(before, source).ifPresent(change -> {
            throw new HeaderChangeForbidden(source.name() + ": " + change + "; header blocks (RuleSet, Import, "
                    + "Variables, RuleTable, CONDITION/ACTION templates) are code and need the admin role, a "
                    + "marketer may change data rows only");
        });
    }

    /** The standard templates and those of the live tables (read once per live version). */
    private synchronized Set<ColumnTemplate> approved(Map<String, RuleSource> live) {
        if (live != templatesOf) {
            Set<ColumnTemplate> all = new HashSet<>(StandardTemplates.ALL);
            all.addAll(headers.templates(live.values()));
            approved = Set.copyOf(all);
            templatesOf = live;
        }
        return approved;
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

package io.nbo.rules.validate;

import io.nbo.rules.compile.Grid;
import io.nbo.rules.compile.RuleProblem;
import io.nbo.rules.compile.RuleTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks each data row against its columns' plans: values of the right type (a number, true or false, a time), known
 * channels, lifecycle stages and offer ids, and at least one condition per row.
 */
final class RowChecker {

    /** What a live file keeps telling while it is unchanged and an offer it names is not in the catalogue. */
    static final String SETTLED = "; this file is live and this change leaves it as it is, so it stays live and the "
            + "row does nothing until the offer is in the catalogue again or the row is changed";

    List<RuleProblem> check(String file, RuleTable table, List<ColumnPlan> plans, Set<String> offerIds) {
        return check(file, table, plans, offerIds, null, Map.of());
    }

    /**
     * @param settled where unknown offer ids go as warnings, when the file is live and unchanged (see
     *                {@link DraftContext#settled()}); null: they are errors
     */
    List<RuleProblem> check(String file, RuleTable table, List<ColumnPlan> plans, Set<String> offerIds,
                            List<RuleProblem> settled, Map<String, String> attributes) {
        List<RuleProblem> problems = new ArrayList<>();
        boolean hasConditions = plans.stream().anyMatch(ColumnPlan::isCondition);
        for (RuleTable.DataRow row : table.rows()) {
            boolean anyCondition = false;
            boolean anyAction = false;
            for (int i = 0; i < plans.size(); i++) {
                ColumnPlan plan = plans.get(i);
                String cell = row.cells().get(i);
                if (cell.isEmpty()) {
                    continue;
                }
                anyCondition |= plan.isCondition();
                anyAction |= plan.isAction();
                for (Map.Entry<String, String> value : ColumnPlan.values(plan.column().template(), cell).entrySet()) {
                    Vocabulary.Domain domain = plan.params().get(value.getKey());
                    String why = domain == null ? null : Vocabulary.check(domain, value.getValue(), offerIds,
                            attributes);
                    String ref = Grid.ref(row.row(), plan.column().col());
                    if (why != null && settled != null && domain == Vocabulary.Domain.OFFER) {
                        settled.add(RuleProblem.warning(file, table.sheet(), ref, row.row() + 1, "'" + label(plan)
                                + "' " + why + SETTLED));
                    } else if (why != null) {
                        problems.add(RuleProblem.error(file, table.sheet(), ref, row.row() + 1, "'" + label(plan)
                                + "' " + why));
                    }
                }
            }
            if (hasConditions && !anyCondition && anyAction) {
                problems.add(RuleProblem.error(file, table.sheet(), Grid.ref(row.row(), table.startCol()),
                        row.row() + 1, "row " + (row.row() + 1) + " has no condition, so it would apply to every "
                                + "customer everywhere; fill at least one condition (e.g. 'Known customer' true)"));
            }
        }
        return problems;
    }

    /** A warning for each cell naming a retired offer: the row stays valid and no longer fires for it. */
    List<RuleProblem> retired(String file, RuleTable table, List<ColumnPlan> plans, Set<String> retiredOfferIds) {
        List<RuleProblem> warnings = new ArrayList<>();
        if (retiredOfferIds.isEmpty()) {
            return warnings;
        }
        for (RuleTable.DataRow row : table.rows()) {
            for (int i = 0; i < plans.size(); i++) {
                ColumnPlan plan = plans.get(i);
                String cell = row.cells().get(i);
                if (cell.isEmpty()) {
                    continue;
                }
                for (Map.Entry<String, String> value : ColumnPlan.values(plan.column().template(), cell).entrySet()) {
                    String id = value.getValue().trim();
                    if (plan.params().get(value.getKey()) == Vocabulary.Domain.OFFER && retiredOfferIds.contains(id)) {
                        warnings.add(RuleProblem.warning(file, table.sheet(), Grid.ref(row.row(), plan.column().col()),
                                row.row() + 1, "'" + label(plan) + "' names offer '" + id + "', which is retired: "
                                        + "this row no longer makes it a candidate; remove the row or name a live offer"));
                    }
                }
            }
        }
        return warnings;
    }

    static String label(ColumnPlan plan) {
        return plan.column().label().isEmpty() ? plan.column().template() : plan.column().label();
    }
}

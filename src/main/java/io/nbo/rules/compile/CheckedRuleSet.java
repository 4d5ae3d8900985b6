package io.nbo.rules.compile;

import java.util.List;

/**
 * A rule set whose every marketer table has passed the checks (one reader, sheet shape, vocabulary guard, cell
 * checks): the only thing {@link RuleSetCompiler} accepts. Drools is fed the DRL {@link DrlWriter} writes from these
 * checked tables, never the uploaded bytes. Only {@code io.nbo.rules.validate.DraftChecker} creates one (an ArchUnit
 * test holds that), after it found no error.
 *
 * @param sources   every source, for the version (a hash of exactly these bytes)
 * @param tables    the checked sheets of the decision tables
 * @param developerDrl DRL from the developers' folder ({@code rules/}), deployed with the code
 */
public record CheckedRuleSet(List<RuleSource> sources, List<CheckedSheet> tables, List<RuleSource> developerDrl) {

    public CheckedRuleSet {
        sources = List.copyOf(sources);
        tables = List.copyOf(tables);
        developerDrl = List.copyOf(developerDrl);
        for (RuleSource drl : developerDrl) {
            if (drl.kind() != RuleSource.Kind.DRL) {
                throw new IllegalArgumentException(drl.name() + " is not DRL");
            }
        }
    }

    /**
     * One checked sheet: its rule tables, and the package its RuleSet row names.
     *
     * @param sheet the grid the tables were read from, to point Drools' messages at a cell
     */
    public record CheckedSheet(String file, Grid.Sheet sheet, String packageName, List<RuleTable> tables) {

        public CheckedSheet {
            tables = List.copyOf(tables);
        }
    }
}

package io.nbo.rules.validate;

import io.nbo.rules.CompiledRuleSet;
import io.nbo.rules.compile.Grid;
import io.nbo.rules.compile.GridReader;
import io.nbo.rules.compile.RuleProblem;
import io.nbo.rules.compile.RuleSetCompiler;
import io.nbo.rules.compile.RuleSetException;
import io.nbo.rules.compile.RuleSource;
import io.nbo.rules.compile.RuleTable;
import io.nbo.rules.compile.TableScanner;
import io.nbo.rules.workbook.WorkbookTest;
import io.nbo.rules.workbook.WorkbookTestReader;
import io.nbo.rules.workbook.WorkbookTestRunner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Checks a draft rule set the way it must be checked before it may go live, in order: the tables' code stays inside
 * the vocabulary (nothing hostile ever reaches Drools), every value fits its column, then Drools compiles it, then the
 * workbooks' own tests run against the compiled draft. Suspicious tables give warnings.
 */
public final class DraftChecker {

    private final GridReader reader = new GridReader();
    private final TableScanner scanner = new TableScanner();
    private final TemplateGuard guard = new TemplateGuard(new Vocabulary());
    private final RowChecker rows = new RowChecker();
    private final TableLinter linter = new TableLinter();
    private final WorkbookTestReader testReader = new WorkbookTestReader();
    private final WorkbookTestRunner testRunner = new WorkbookTestRunner();
    private final RuleSetCompiler compiler = new RuleSetCompiler();

    /**
     * @param offerIds the offer catalogue's ids, or null to skip the offer-id check
     */
    public DraftReport check(List<RuleSource> sources, Set<String> offerIds) {
        List<RuleSource> ordered = sources.stream().sorted(Comparator.comparing(RuleSource::name)).toList();
        List<RuleProblem> errors = new ArrayList<>();
        List<RuleProblem> warnings = new ArrayList<>();
        List<WorkbookTest> tests = new ArrayList<>();
        for (RuleSource source : ordered) {
            if (source.kind() == RuleSource.Kind.CSV || source.kind() == RuleSource.Kind.XLSX) {
                checkTables(source, offerIds, errors, warnings, tests);
            }
        }
        String version = RuleSetCompiler.versionOf(ordered);
        if (!errors.isEmpty()) {
            return new DraftReport(version, null, errors, warnings, 0, List.of());
        }
        CompiledRuleSet compiled;
        try {
            compiled = compiler.compile(ordered);
        } catch (RuleSetException e) {
            return new DraftReport(version, null, e.problems(), warnings, 0, List.of());
        }
        WorkbookTestRunner.Outcome outcome = testRunner.run(compiled, tests);
        return new DraftReport(version, outcome.failures().isEmpty() ? compiled : null, List.of(), warnings,
                outcome.run(), outcome.failures());
    }

    private void checkTables(RuleSource source, Set<String> offerIds, List<RuleProblem> errors,
                             List<RuleProblem> warnings, List<WorkbookTest> tests) {
        Grid grid;
        try {
            grid = reader.read(source);
        } catch (RuleSetException e) {
            errors.addAll(e.problems());
            return;
        }
        tests.addAll(testReader.read(grid, errors));
        for (Grid.Sheet sheet : grid.sheets()) {
            if (!scanner.hasRuleTable(sheet)) {
                continue;
            }
            List<RuleTable> tables = scanner.scan(sheet);
            errors.addAll(guard.checkKeywords(source.name(), sheet, tables, WorkbookTestReader.blockRows(sheet)));
            for (RuleTable table : tables) {
                List<RuleProblem> found = new ArrayList<>();
                List<ColumnPlan> plans = guard.checkTable(source.name(), table, found);
                if (found.isEmpty()) {
                    found.addAll(rows.check(source.name(), table, plans, offerIds));
                    warnings.addAll(linter.lint(source.name(), table, plans));
                }
                errors.addAll(found);
            }
        }
    }
}

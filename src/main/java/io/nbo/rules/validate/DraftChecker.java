package io.nbo.rules.validate;

import io.nbo.rules.CompiledRuleSet;
import io.nbo.rules.compile.CellChecker;
import io.nbo.rules.compile.CheckedRuleSet;
import io.nbo.rules.compile.DrlWriter;
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
import java.util.Map;
import java.util.Set;

/**
 * The gate every rule set passes before Drools sees any of it, on every path (start-up, folder reload, upload, dry
 * run, simulation, rollback). Each spreadsheet is read once, by the one reader; the sheet's shape, the tables' code
 * (vocabulary guard) and every cell are checked against that reading; only when nothing is wrong does the checked
 * model go to the compiler, which writes its own DRL from it. Then the workbooks' own tests run against the compiled
 * draft. Suspicious tables give warnings.
 */
public final class DraftChecker {

    private final GridReader reader = new GridReader();
    private final TableScanner scanner = new TableScanner();
    private final SheetGuard sheets = new SheetGuard();
    private final TemplateGuard guard = new TemplateGuard(new Vocabulary());
    private final CellChecker cells = new CellChecker();
    private final RowChecker rows = new RowChecker();
    private final TableLinter linter = new TableLinter();
    private final WorkbookTestReader testReader = new WorkbookTestReader();
    private final WorkbookTestRunner testRunner = new WorkbookTestRunner();
    private final RuleSetCompiler compiler = new RuleSetCompiler();

    /**
     * @param offerIds the offer catalogue's ids, or null to skip the offer-id check
     */
    public DraftReport check(List<RuleSource> sources, Set<String> offerIds) {
        return check(sources, offerIds, Set.of());
    }

    /**
     * @param offerIds        every id the catalogue holds, retired offers included, or null to skip the offer-id check
     * @param retiredOfferIds the retired ones: a row naming one is a warning (it no longer fires), not an error, so a
     *                        retired offer never blocks an upload of this or another file
     */
    public DraftReport check(List<RuleSource> sources, Set<String> offerIds, Set<String> retiredOfferIds) {
        Found found = checkOnly(sources, offerIds, retiredOfferIds);
        String version = RuleSetCompiler.versionOf(sources);
        if (!found.errors.isEmpty()) {
            return new DraftReport(version, null, found.errors, found.warnings, 0, List.of());
        }
        CompiledRuleSet compiled;
        try {
            compiled = compiler.compile(found.checked());
        } catch (RuleSetException e) {
            return new DraftReport(version, null, e.problems(), found.warnings, 0, List.of());
        }
        WorkbookTestRunner.Outcome outcome = testRunner.run(compiled, found.tests);
        return new DraftReport(version, outcome.failures().isEmpty() ? compiled : null, List.of(), found.warnings,
                outcome.run(), outcome.failures());
    }

    /**
     * The DRL the server writes for each checked sheet ("file#sheet" to text), for review and for holding it to what
     * Drools' own spreadsheet compiler makes of a table; throws with every problem when a table does not pass.
     */
    public Map<String, String> drl(List<RuleSource> sources) {
        Found found = checkOnly(sources, null, Set.of());
        if (!found.errors.isEmpty()) {
            throw new RuleSetException(found.errors);
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        int position = 0;
        for (CheckedRuleSet.CheckedSheet sheet : found.checked().tables()) {
            out.put(sheet.file() + "#" + sheet.sheet().name(), DrlWriter.write(sheet, position));
            position += DrlWriter.rows(sheet);
        }
        return out;
    }

    private Found checkOnly(List<RuleSource> sources, Set<String> offerIds, Set<String> retiredOfferIds) {
        List<RuleSource> ordered = sources.stream().sorted(Comparator.comparing(RuleSource::name)).toList();
        Found found = new Found(ordered, retiredOfferIds);
        Map<String, String> ruleNames = CellChecker.nameRegistry();
        for (RuleSource source : ordered) {
            switch (source.kind()) {
                case CSV, XLSX -> found.sheets.addAll(checkTables(source, offerIds, ruleNames, found));
                case DRL -> found.drl.add(source);
                case UNSUPPORTED -> found.errors.add(RuleProblem.error(source.name(), null, null, null,
                        "is not a rule file: name decision tables *.drl.xlsx or *.drl.csv and rules *.drl "
                                + "(Drools would silently ignore this file)"));
            }
        }
        return found;
    }

    /**
     * Checks and compiles sources outside the live-rules lifecycle (fixtures, benchmarks): the same gate, no offer-id
     * check; throws with every problem when they cannot go live.
     */
    public CompiledRuleSet compile(List<RuleSource> sources) {
        DraftReport report = check(sources, null);
        if (!report.valid()) {
            throw new RuleSetException(report.blocking());
        }
        return report.compiled();
    }

    private List<CheckedRuleSet.CheckedSheet> checkTables(RuleSource source, Set<String> offerIds,
                                                          Map<String, String> ruleNames, Found found) {
        Grid grid;
        try {
            grid = reader.read(source);
        } catch (RuleSetException e) {
            found.errors.addAll(e.problems());
            return List.of();
        }
        found.tests.addAll(testReader.read(grid, found.errors));
        List<CheckedRuleSet.CheckedSheet> out = new ArrayList<>();
        for (Grid.Sheet sheet : grid.sheets()) {
            Set<Integer> testRows = WorkbookTestReader.blockRows(sheet);
            if (!scanner.hasRuleTable(sheet)) {
                found.errors.addAll(sheets.checkOtherSheet(source.name(), sheet, testRows));
                continue;
            }
            List<RuleTable> tables = scanner.scan(sheet);
            found.errors.addAll(sheets.checkRuleSheet(source.name(), sheet, tables, testRows));
            for (RuleTable table : tables) {
                found.errors.addAll(checkTable(source.name(), table, offerIds, ruleNames, found));
            }
            out.add(new CheckedRuleSet.CheckedSheet(source.name(), sheet, packageName(sheet, tables), tables));
        }
        if (out.isEmpty()) {
            found.errors.add(RuleProblem.error(source.name(), null, null, null,
                    "holds no RuleTable: a decision table needs a 'RuleTable <name>' cell above its columns"));
        }
        return out;
    }

    /**
     * The table's code first, then its header, then the values against their columns' domains, then every cell's
     * safety and the rule names: each step only when the one before found nothing, so each problem is told once, in
     * the plainest words.
     */
    private List<RuleProblem> checkTable(String file, RuleTable table, Set<String> offerIds,
                                         Map<String, String> ruleNames, Found found) {
        List<RuleProblem> problems = new ArrayList<>();
        List<ColumnPlan> plans = guard.checkTable(file, table, problems);
        if (problems.isEmpty()) {
            problems.addAll(cells.checkHeader(file, table));
        }
        if (problems.isEmpty()) {
            problems.addAll(rows.check(file, table, plans, offerIds));
        }
        if (problems.isEmpty()) {
            problems.addAll(cells.checkCells(file, table, ruleNames));
            found.warnings.addAll(linter.lint(file, table, plans));
            found.warnings.addAll(rows.retired(file, table, plans, found.retiredOfferIds));
        }
        return problems;
    }

    /** The package a sheet's RuleSet row names (checked by the sheet guard), or Drools' default. */
    private static String packageName(Grid.Sheet sheet, List<RuleTable> tables) {
        for (int r = 0; r < sheet.rows().size(); r++) {
            if (SheetGuard.tableAt(tables, r) != null) {
                continue;
            }
            for (int c = 0; c < sheet.width(r); c++) {
                String cell = sheet.cell(r, c).trim();
                if (!cell.isEmpty()) {
                    if (SheetGuard.normal(cell).equals("ruleset")) {
                        return sheet.cell(r, c + 1).trim();
                    }
                    break;
                }
            }
        }
        return "rule_table";
    }

    /** What checking found: problems, warnings, workbook tests, and the checked tables and developers' DRL. */
    private static final class Found {
        final List<RuleSource> sources;
        final List<RuleProblem> errors = new ArrayList<>();
        final List<RuleProblem> warnings = new ArrayList<>();
        final List<WorkbookTest> tests = new ArrayList<>();
        final List<CheckedRuleSet.CheckedSheet> sheets = new ArrayList<>();
        final List<RuleSource> drl = new ArrayList<>();
        final Set<String> retiredOfferIds;

        Found(List<RuleSource> sources, Set<String> retiredOfferIds) {
            this.sources = sources;
            this.retiredOfferIds = retiredOfferIds == null ? Set.of() : retiredOfferIds;
        }

        CheckedRuleSet checked() {
            return new CheckedRuleSet(sources, sheets, drl);
        }
    }
}

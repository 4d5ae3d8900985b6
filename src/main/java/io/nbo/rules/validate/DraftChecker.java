package io.nbo.rules.validate;

import io.nbo.rules.CompiledRuleSet;
import io.nbo.rules.compile.CellChecker;
import io.nbo.rules.compile.CheckedRuleSet;
import io.nbo.rules.compile.DrlWriter;
import io.nbo.rules.compile.Grid;
import io.nbo.rules.compile.GridReader;
import io.nbo.rules.compile.ReadLimits;
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
 * draft. Suspicious tables give warnings: rows that can never fire or repeat others, reversed or empty ranges, values
 * no customer has. A caller following a long check is told the phase and the rows checked ({@link DraftProgress}).
 */
public final class DraftChecker {

    private final GridReader reader;
    private final TableScanner scanner = new TableScanner();
    private final SheetGuard sheets = new SheetGuard();
    private final TemplateGuard guard = new TemplateGuard(new Vocabulary());
    private final CellChecker cells = new CellChecker();
    private final RowChecker rows = new RowChecker();
    private final TableLinter linter = new TableLinter();
    private final RangeLinter ranges = new RangeLinter();
    private final ValueLinter values = new ValueLinter();
    private final WorkbookTestReader testReader = new WorkbookTestReader();
    private final WorkbookTestRunner testRunner = new WorkbookTestRunner();
    private final RuleSetCompiler compiler = new RuleSetCompiler();

    /** A checker reading files within the default limits. */
    public DraftChecker() {
        this(ReadLimits.DEFAULTS);
    }

    public DraftChecker(ReadLimits limits) {
        this.reader = new GridReader(limits);
    }

    /**
     * @param offerIds the offer catalogue's ids, or null to skip the offer-id check
     */
    public DraftReport check(List<RuleSource> sources, Set<String> offerIds) {
        return check(sources, DraftContext.catalogue(offerIds), DraftProgress.NONE);
    }

    /** Checks, compiles and tests a draft against the catalogue and customers in {@code context}. */
    public DraftReport check(List<RuleSource> sources, DraftContext context, DraftProgress progress) {
        Found found = checkOnly(sources, context, progress);
        String version = RuleSetCompiler.versionOf(sources);
        if (!found.errors.isEmpty()) {
            return new DraftReport(version, null, found.errors, found.warnings, 0, List.of());
        }
        progress.phase(DraftProgress.Phase.COMPILING);
        CompiledRuleSet compiled;
        try {
            compiled = compiler.compile(found.checked());
        } catch (RuleSetException e) {
            return new DraftReport(version, null, e.problems(), found.warnings, 0, List.of());
        }
        progress.phase(DraftProgress.Phase.TESTING);
        WorkbookTestRunner.Outcome outcome = testRunner.run(compiled, found.tests);
        return new DraftReport(version, outcome.failures().isEmpty() ? compiled : null, List.of(), found.warnings,
                outcome.run(), outcome.failures());
    }

    /**
     * The DRL the server writes for each checked sheet ("file#sheet" to text), for review and for holding it to what
     * Drools' own spreadsheet compiler makes of a table; throws with every problem when a table does not pass.
     */
    public Map<String, String> drl(List<RuleSource> sources) {
        Found found = checkOnly(sources, DraftContext.catalogue(null), DraftProgress.NONE);
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

    private Found checkOnly(List<RuleSource> sources, DraftContext context, DraftProgress progress) {
        progress.phase(DraftProgress.Phase.READING);
        List<RuleSource> ordered = sources.stream().sorted(Comparator.comparing(RuleSource::name)).toList();
        Found found = new Found(ordered);
        List<ReadFile> read = new ArrayList<>();
        for (RuleSource source : ordered) {
            switch (source.kind()) {
                case CSV, XLSX -> read(source, found).ifPresent(read::add);
                case DRL -> found.drl.add(source);
                case UNSUPPORTED -> found.errors.add(RuleProblem.error(source.name(), null, null, null,
                        "is not a rule file: name decision tables *.drl.xlsx or *.drl.csv and rules *.drl "
                                + "(Drools would silently ignore this file)"));
            }
        }
        Rows rows = new Rows(progress, read.stream().mapToLong(ReadFile::dataRows).sum());
        progress.phase(DraftProgress.Phase.CHECKING);
        rows.at(0);
        Map<String, String> ruleNames = CellChecker.nameRegistry();
        for (ReadFile file : read) {
            found.sheets.addAll(checkTables(file, context, ruleNames, found, rows));
        }
        return found;
    }

    /** A table file read into its grid, with the rule tables of each sheet (null for a sheet without any). */
    private record ReadFile(RuleSource source, Grid grid, List<List<RuleTable>> tables) {

        long dataRows() {
            return tables.stream().filter(java.util.Objects::nonNull).flatMap(List::stream)
                    .mapToLong(t -> t.rows().size()).sum();
        }
    }

    private java.util.Optional<ReadFile> read(RuleSource source, Found found) {
        Grid grid;
        try {
            grid = reader.read(source);
        } catch (RuleSetException e) {
            found.errors.addAll(e.problems());
            return java.util.Optional.empty();
        }
        List<List<RuleTable>> tables = new ArrayList<>();
        for (Grid.Sheet sheet : grid.sheets()) {
            tables.add(scanner.hasRuleTable(sheet) ? scanner.scan(sheet) : null);
        }
        return java.util.Optional.of(new ReadFile(source, grid, tables));
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

    private List<CheckedRuleSet.CheckedSheet> checkTables(ReadFile file, DraftContext context,
                                                          Map<String, String> ruleNames, Found found, Rows rows) {
        String name = file.source().name();
        found.tests.addAll(testReader.read(file.grid(), found.errors, context.attributes()));
        List<CheckedRuleSet.CheckedSheet> out = new ArrayList<>();
        for (int s = 0; s < file.grid().sheets().size(); s++) {
            Grid.Sheet sheet = file.grid().sheets().get(s);
            List<RuleTable> tables = file.tables().get(s);
            Set<Integer> testRows = WorkbookTestReader.blockRows(sheet);
            if (tables == null) {
                found.errors.addAll(sheets.checkOtherSheet(name, sheet, testRows));
                continue;
            }
            found.errors.addAll(sheets.checkRuleSheet(name, sheet, tables, testRows));
            for (RuleTable table : tables) {
                found.errors.addAll(checkTable(name, table, context, ruleNames, found.warnings, rows));
            }
            out.add(new CheckedRuleSet.CheckedSheet(name, sheet, packageName(sheet, tables), tables));
        }
        if (out.isEmpty()) {
            found.errors.add(RuleProblem.error(name, null, null, null,
                    "holds no RuleTable: a decision table needs a 'RuleTable <name>' cell above its columns"));
        }
        return out;
    }

    /**
     * The table's code first, then its header, then the values against their columns' domains, then every cell's
     * safety and the rule names: each step only when the one before found nothing, so each problem is told once, in
     * the plainest words. Then the warnings.
     */
    private List<RuleProblem> checkTable(String file, RuleTable table, DraftContext context,
                                         Map<String, String> ruleNames, List<RuleProblem> warnings, Rows rows) {
        long before = rows.done();
        List<RuleProblem> problems = new ArrayList<>();
        List<ColumnPlan> plans = guard.checkTable(file, table, problems, context.attributes());
        if (problems.isEmpty()) {
            problems.addAll(cells.checkHeader(file, table));
        }
        if (problems.isEmpty()) {
            problems.addAll(this.rows.check(file, table, plans, context.offerIds(),
                    context.settled().contains(file) ? warnings : null, context.attributes()));
        }
        if (problems.isEmpty()) {
            problems.addAll(cells.checkCells(file, table, ruleNames));
            warnings.addAll(ranges.lint(file, table, plans));
            warnings.addAll(values.lint(file, table, plans, context.customers()));
            warnings.addAll(linter.lint(file, table, plans, linted -> rows.at(before + linted)));
            warnings.addAll(this.rows.retired(file, table, plans, context.retiredOfferIds()));
        }
        rows.at(before + table.rows().size());
        return problems;
    }

    /** Data rows checked so far out of all of them, told to the progress. */
    private static final class Rows {
        private final DraftProgress progress;
        private final long total;
        private long done;

        Rows(DraftProgress progress, long total) {
            this.progress = progress;
            this.total = total;
        }

        long done() {
            return done;
        }

        void at(long rows) {
            done = rows;
            progress.rows(rows, total);
        }
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

        Found(List<RuleSource> sources) {
            this.sources = sources;
        }

        CheckedRuleSet checked() {
            return new CheckedRuleSet(sources, sheets, drl);
        }
    }
}

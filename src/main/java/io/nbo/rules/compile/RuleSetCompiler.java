package io.nbo.rules.compile;

import io.nbo.rules.CompiledRuleSet;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * Compiles decision tables and DRL into an immutable {@link CompiledRuleSet}, at run time. Every problem is reported
 * against the file, sheet and cell its author edits; nothing half-compiled is ever returned.
 */
public final class RuleSetCompiler {

    private final GridReader reader = new GridReader();
    private final TableScanner scanner = new TableScanner();
    private final CellChecker checker = new CellChecker();

    public CompiledRuleSet compile(List<RuleSource> sources) {
        List<RuleSource> ordered = sources.stream().sorted(Comparator.comparing(RuleSource::name)).toList();
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, String> ruleNames = CellChecker.nameRegistry();
        List<GeneratedDrl> generated = new ArrayList<>();
        for (RuleSource source : ordered) {
            try {
                generated.addAll(generate(source, ruleNames, problems));
            } catch (RuleSetException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        for (GeneratedDrl drl : generated) {
            builder.add(ResourceFactory.newByteArrayResource(drl.text().getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(drl.key()), ResourceType.DRL);
        }
        if (builder.hasErrors()) {
            for (KnowledgeBuilderError error : builder.getErrors()) {
                problems.add(locate(error, generated));
            }
            throw new RuleSetException(problems);
        }
        InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase();
        base.addPackages(builder.getKnowledgePackages());
        return new CompiledRuleSet(version(ordered), base, ordered.stream().map(RuleSource::name).toList(),
                Instant.now());
    }

    private List<GeneratedDrl> generate(RuleSource source, Map<String, String> ruleNames, List<RuleProblem> problems) {
        return switch (source.kind()) {
            case DRL -> List.of(new GeneratedDrl(source.name(), null, new String(source.bytes(),
                    StandardCharsets.UTF_8), null));
            case CSV, XLSX -> tables(source, ruleNames, problems);
            case UNSUPPORTED -> {
                problems.add(RuleProblem.error(source.name(), null, null, null,
                        "is not a rule file: name decision tables *.drl.xlsx or *.drl.csv and rules *.drl "
                                + "(Drools would silently ignore this file)"));
                yield List.of();
            }
        };
    }

    private List<GeneratedDrl> tables(RuleSource source, Map<String, String> ruleNames, List<RuleProblem> problems) {
        Grid grid = reader.read(source);
        List<GeneratedDrl> out = new ArrayList<>();
        for (Grid.Sheet sheet : grid.sheets()) {
            if (!scanner.hasRuleTable(sheet)) {
                continue;
            }
            List<RuleProblem> found = new ArrayList<>();
            for (RuleTable table : scanner.scan(sheet)) {
                found.addAll(checker.check(source.name(), table, ruleNames));
            }
            if (!found.isEmpty()) {
                problems.addAll(found);
                continue;
            }
            try {
                out.add(new GeneratedDrl(source.name(), sheet.name(),
                        PatternMerger.merge(toDrl(source, sheet.name())), sheet));
            } catch (RuntimeException e) {
                problems.add(DroolsMessages.fromParseError(source.name(), sheet.name(), e));
            }
        }
        if (out.isEmpty() && problems.isEmpty()) {
            problems.add(RuleProblem.error(source.name(), null, null, null,
                    "holds no RuleTable: a decision table needs a 'RuleTable <name>' cell above its columns"));
        }
        return out;
    }

    private static String toDrl(RuleSource source, String sheet) {
        SpreadsheetCompiler compiler = new SpreadsheetCompiler();
        if (source.kind() == RuleSource.Kind.CSV) {
            return compiler.compile(new ByteArrayInputStream(source.bytes()), InputType.CSV);
        }
        return compiler.compile(new ByteArrayInputStream(source.bytes()), sheet);
    }

    private static RuleProblem locate(KnowledgeBuilderError error, List<GeneratedDrl> generated) {
        String path = error.getResource() == null ? null : error.getResource().getSourcePath();
        GeneratedDrl origin = generated.stream().filter(g -> g.key().equals(path)).findFirst().orElse(null);
        return DroolsMessages.fromBuildError(error, origin);
    }

    /** The version the given sources compile to: the same files always give the same version. */
    public static String versionOf(List<RuleSource> sources) {
        return version(sources.stream().sorted(Comparator.comparing(RuleSource::name)).toList());
    }

    /** A stable version: the same sources always give the same version. */
    static String version(List<RuleSource> sources) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (RuleSource source : sources) {
                sha.update(source.name().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(source.bytes());
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** DRL text from one source (one sheet of a workbook), with the sheet it came from for error locations. */
    record GeneratedDrl(String file, String sheetName, String text, Grid.Sheet sheet) {

        String key() {
            return sheetName == null ? file : file + "#" + sheetName + ".drl";
        }
    }
}

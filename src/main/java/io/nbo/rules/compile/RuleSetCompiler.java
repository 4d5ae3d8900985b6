package io.nbo.rules.compile;

import io.nbo.rules.CompiledRuleSet;
import io.nbo.rules.index.RuleIndex;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * Compiles a checked rule set into an immutable {@link CompiledRuleSet}, at run time. It takes only a
 * {@link CheckedRuleSet}: marketers' tables reach Drools as the DRL {@link DrlWriter} writes from the checked cells,
 * never as the bytes that were uploaded, and DRL only from the developers' folder. Every problem is reported against
 * the file, sheet and cell its author edits; nothing half-compiled is ever returned.
 */
public final class RuleSetCompiler {

    public CompiledRuleSet compile(CheckedRuleSet checked) {
        List<GeneratedDrl> generated = new ArrayList<>();
        int position = 0;
        for (CheckedRuleSet.CheckedSheet sheet : checked.tables()) {
            generated.add(new GeneratedDrl(sheet.file(), sheet.sheet().name(), DrlWriter.write(sheet, position),
                    sheet.sheet()));
            position += DrlWriter.rows(sheet);
        }
        for (RuleSource drl : checked.developerDrl()) {
            generated.add(new GeneratedDrl(drl.name(), null, new String(drl.bytes(), StandardCharsets.UTF_8), null));
        }
        List<RuleSource> ordered = sorted(checked.sources());
        String version = version(ordered);
        List<String> names = ordered.stream().map(RuleSource::name).toList();
        RuleIndex index = RuleIndex.of(checked).orElse(null);
        if (index == null) {
            return new CompiledRuleSet(version, build(generated), names, Instant.now());
        }
        List<GeneratedDrl> developers = generated.stream().filter(g -> g.sheet() == null).toList();
        KieBase developerBase = developers.isEmpty() ? null : build(developers);
        int developerRules = developerBase == null ? 0
                : developerBase.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
        return new CompiledRuleSet(version, names, Instant.now(), index, developerBase, developerRules,
                () -> build(generated));
    }

    private static InternalKnowledgeBase build(List<GeneratedDrl> generated) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        for (GeneratedDrl drl : generated) {
            builder.add(ResourceFactory.newByteArrayResource(drl.text().getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(drl.key()), ResourceType.DRL);
        }
        if (builder.hasErrors()) {
            List<RuleProblem> problems = new ArrayList<>();
            for (KnowledgeBuilderError error : builder.getErrors()) {
                problems.add(locate(error, generated));
            }
            throw new RuleSetException(problems);
        }
        InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase();
        base.addPackages(builder.getKnowledgePackages());
        return base;
    }

    private static RuleProblem locate(KnowledgeBuilderError error, List<GeneratedDrl> generated) {
        String path = error.getResource() == null ? null : error.getResource().getSourcePath();
        GeneratedDrl origin = generated.stream().filter(g -> g.key().equals(path)).findFirst().orElse(null);
        return DroolsMessages.fromBuildError(error, origin);
    }

    /** The version the given sources compile to: the same files always give the same version. */
    public static String versionOf(List<RuleSource> sources) {
        return version(sorted(sources));
    }

    private static List<RuleSource> sorted(List<RuleSource> sources) {
        return sources.stream().sorted(Comparator.comparing(RuleSource::name)).toList();
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

    /** DRL text of one source (one sheet of a workbook), with the sheet it came from for error locations. */
    record GeneratedDrl(String file, String sheetName, String text, Grid.Sheet sheet) {

        String key() {
            return sheetName == null ? file : file + "#" + sheetName + ".drl";
        }
    }
}

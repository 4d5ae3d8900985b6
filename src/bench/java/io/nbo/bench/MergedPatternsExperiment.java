package io.nbo.bench;

import io.nbo.rules.CompiledRuleSet;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * Experiment for docs/benchmarks.md, not a contender: the same table, but each rule's patterns on one vocabulary type
 * merged into one ({@code Customer(a) Customer(b)} becomes {@code Customer(a, b)}), which is exact because a decision
 * inserts exactly one Customer and one Context. Measures what the rule-set compiler would gain by doing this.
 */
final class MergedPatternsExperiment {

    private static final Pattern LINE = Pattern.compile("^\\s+(Customer|Context)\\((.*)\\)\\s*$");

    static CompiledRuleSet compile(Workload workload) {
        String drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(workload.source().bytes()),
                InputType.CSV);
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        builder.add(ResourceFactory.newByteArrayResource(merge(drl).getBytes(StandardCharsets.UTF_8))
                .setSourcePath("merged.drl"), ResourceType.DRL);
        if (builder.hasErrors()) {
            throw new IllegalStateException(builder.getErrors().toString());
        }
        InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase();
        base.addPackages(builder.getKnowledgePackages());
        return new CompiledRuleSet("merged", base, List.of("merged.drl"), Instant.now());
    }

    static String merge(String drl) {
        StringBuilder out = new StringBuilder(drl.length());
        Map<String, List<String>> patterns = new LinkedHashMap<>();
        boolean inWhen = false;
        for (String line : drl.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.equals("when")) {
                inWhen = true;
                out.append(line).append('\n');
                continue;
            }
            if (inWhen) {
                Matcher m = LINE.matcher(line);
                if (m.matches()) {
                    patterns.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(m.group(2));
                    continue;
                }
                if (trimmed.equals("then")) {
                    patterns.forEach((type, constraints) -> out.append("\t\t").append(type).append('(')
                            .append(String.join(", ", constraints)).append(")\n"));
                    patterns.clear();
                    inWhen = false;
                } else if (!trimmed.isEmpty()) {
                    throw new IllegalStateException("unexpected line in a generated rule: " + line);
                }
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    private MergedPatternsExperiment() {
    }
}

package io.nbo.rules.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * What a piece of DRL contains, as Drools' own parser reads it, in a form two writers of the same rules can be compared
 * by: functions, queries, declarations, globals and imports, and per rule its attributes, annotations, the constraints
 * on each fact type (one pattern per column or one per fact: same content) and its consequence statements.
 */
public record DrlContent(List<String> functions, List<String> declarations, List<String> globals,
                         List<String> imports, Map<String, RuleView> rules) {

    /** One rule as it would run. */
    public record RuleView(boolean query, Map<String, String> attributes, List<String> annotations,
                           Map<String, List<String>> constraints, List<String> otherConditions, List<String> actions) {

        /**
         * A plain rule with no condition and no action has no effect: Drools' spreadsheet compiler makes one for a
         * RuleTable without data rows, the server makes none.
         */
        boolean doesNothing() {
            return !query && attributes.isEmpty() && annotations.isEmpty() && constraints.isEmpty()
                    && otherConditions.isEmpty() && actions.isEmpty();
        }
    }

    public static DrlContent parse(String drl) {
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, drl);
        } catch (DroolsParserException e) {
            throw new IllegalArgumentException("Drools cannot parse this DRL: " + e.getMessage() + "\n" + drl, e);
        }
        if (parser.hasErrors() || pkg == null) {
            throw new IllegalArgumentException("Drools cannot parse this DRL: " + parser.getErrors() + "\n" + drl);
        }
        List<String> functions = pkg.getFunctions().stream().map(f -> f.getName() + ":" + f.getBody()).toList();
        List<String> declarations = new ArrayList<>();
        pkg.getTypeDeclarations().forEach(t -> declarations.add("type " + t.getTypeName()));
        pkg.getEnumDeclarations().forEach(t -> declarations.add("enum " + t.getTypeName()));
        pkg.getEntryPointDeclarations().forEach(t -> declarations.add("entry-point " + t.getEntryPointId()));
        pkg.getWindowDeclarations().forEach(t -> declarations.add("window " + t.getName()));
        pkg.getFunctionImports().forEach(t -> declarations.add("import function " + t.getTarget()));
        pkg.getAccumulateImports().forEach(t -> declarations.add("import accumulate " + t.getTarget()));
        List<String> globals = pkg.getGlobals().stream().map(g -> g.getType() + " " + g.getIdentifier()).toList();
        List<String> imports = pkg.getImports().stream().map(i -> i.getTarget()).toList();
        Map<String, RuleView> rules = new LinkedHashMap<>();
        for (RuleDescr rule : pkg.getRules()) {
            RuleView view = view(rule);
            if (!view.doesNothing()) {
                rules.put(rule.getName(), view);
            }
        }
        return new DrlContent(functions, declarations, globals, imports, rules);
    }

    private static RuleView view(RuleDescr rule) {
        Map<String, String> attributes = new TreeMap<>();
        for (Map.Entry<String, AttributeDescr> a : rule.getAttributes().entrySet()) {
            attributes.put(a.getKey(), a.getValue().getValue());
        }
        List<String> annotations = new ArrayList<>(new TreeSet<>(rule.getAnnotations().stream()
                .map(AnnotationDescr::toString).toList()));
        Map<String, List<String>> constraints = new TreeMap<>();
        List<String> other = new ArrayList<>();
        if (rule.getLhs() != null) {
            for (BaseDescr descr : rule.getLhs().getDescrs()) {
                if (descr instanceof PatternDescr pattern && pattern.getSource() == null
                        && pattern.getIdentifier() == null) {
                    List<String> list = constraints.computeIfAbsent(simple(pattern.getObjectType()),
                            k -> new ArrayList<>());
                    for (BaseDescr c : pattern.getConstraint().getDescrs()) {
                        list.add(c instanceof ExprConstraintDescr e ? squash(e.getExpression()) : c.toString());
                    }
                } else {
                    other.add(descr.getClass().getSimpleName() + ":" + descr);
                }
            }
        }
        List<String> actions = new ArrayList<>();
        Object consequence = rule.getConsequence();
        if (consequence != null) {
            for (String statement : consequence.toString().split("[;\\n]")) {
                if (!statement.isBlank()) {
                    actions.add(squash(statement));
                }
            }
        }
        return new RuleView(rule.isQuery(), attributes, annotations, constraints, other, actions);
    }

    private static String simple(String type) {
        int dot = type.lastIndexOf('.');
        return dot < 0 ? type : type.substring(dot + 1);
    }

    private static String squash(String code) {
        return code.trim().replaceAll("\\s+", " ");
    }
}

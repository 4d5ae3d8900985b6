package io.nbo.rules.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbo.rules.compile.RuleSource;
import io.nbo.rules.fixtures.Tables;
import io.nbo.rules.support.DrlContent;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The server's reader and Drools' own spreadsheet compiler must never disagree about what a table the server accepts
 * contains. Drools no longer reads uploaded bytes at all (the server writes the DRL from what it checked), but a table
 * is the marketer's, and it must mean the same rules in the server as in any Drools tool: so every table we accept is
 * also given to Drools' spreadsheet compiler, and both DRLs are parsed by Drools' DRL parser and compared (functions,
 * queries, declarations, globals, imports, and per rule its attributes, annotations, constraints per fact and actions).
 * A table that the server refuses needs no agreement: refusing is always safe.
 */
class SpreadsheetDifferentialTest {

    private static final int CSV_CASES = 600;
    private static final int WORKBOOK_CASES = 200;

    private final DraftChecker checker = new DraftChecker();

    @Test
    void generatedOddCsvTablesMeanTheSameToBothReadersWheneverTheServerAcceptsThem() {
        int accepted = 0;
        List<String> disagreements = new ArrayList<>();
        for (long seed = 0; seed < CSV_CASES; seed++) {
            byte[] bytes = OddCsvTables.generate(seed).getBytes(StandardCharsets.UTF_8);
            RuleSource source = new RuleSource("odd.drl.csv", bytes);
            if (!checker.check(List.of(source), Tables.OFFERS).valid()) {
                continue;
            }
            accepted++;
            String drools;
            try {
                drools = new SpreadsheetCompiler().compile(new ByteArrayInputStream(bytes), InputType.CSV);
            } catch (RuntimeException e) {
                disagreements.add("seed " + seed + ": the server accepts it, Drools cannot read it: " + e.getMessage());
                continue;
            }
            String ours = checker.drl(List.of(source)).values().iterator().next();
            agree(seed, drools, ours).ifPresent(disagreements::add);
        }
        assertThat(disagreements).isEmpty();
        assertThat(accepted).as("cases accepted, so the comparison is not vacuous").isBetween(CSV_CASES / 10,
                CSV_CASES * 9 / 10);
    }

    @Test
    void generatedOddWorkbooksMeanTheSameToBothReadersWheneverTheServerAcceptsThem() {
        int accepted = 0;
        List<String> disagreements = new ArrayList<>();
        for (long seed = 0; seed < WORKBOOK_CASES; seed++) {
            RuleSource source = new RuleSource("odd.drl.xlsx", OddWorkbooks.generate(seed));
            if (!checker.check(List.of(source), Tables.OFFERS).valid()) {
                continue;
            }
            accepted++;
            for (Map.Entry<String, String> sheet : checker.drl(List.of(source)).entrySet()) {
                String name = sheet.getKey().substring(sheet.getKey().indexOf('#') + 1);
                try {
                    String drools = new SpreadsheetCompiler().compile(new ByteArrayInputStream(source.bytes()), name);
                    agree(seed, drools, sheet.getValue()).ifPresent(disagreements::add);
                } catch (RuntimeException e) {
                    disagreements.add("seed " + seed + ": the server accepts it, Drools cannot read it: "
                            + e.getMessage());
                }
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(accepted).as("workbooks accepted, so the comparison is not vacuous").isBetween(WORKBOOK_CASES / 10,
                WORKBOOK_CASES * 9 / 10);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleTables")
    void everySampleTableMeansTheSameToBothReaders(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        RuleSource source = new RuleSource(file.getFileName().toString(), bytes);
        for (Map.Entry<String, String> sheet : checker.drl(List.of(source)).entrySet()) {
            String name = sheet.getKey().substring(sheet.getKey().indexOf('#') + 1);
            String drools = source.kind() == RuleSource.Kind.CSV
                    ? new SpreadsheetCompiler().compile(new ByteArrayInputStream(bytes), InputType.CSV)
                    : new SpreadsheetCompiler().compile(new ByteArrayInputStream(bytes), name);
            assertThat(agree(0, drools, sheet.getValue())).isEmpty();
            assertThat(DrlContent.parse(sheet.getValue()).rules()).isNotEmpty();
        }
    }

    static Stream<Path> sampleTables() throws Exception {
        return Files.list(Path.of("decision-tables")).filter(Files::isRegularFile).sorted();
    }

    /**
     * The rules without their salience: the server gives every row one (its PRIORITY, then its place), where Drools
     * leaves rows of equal salience in different files to its agenda; {@link #firingOrder} compares the order.
     */
    private static Map<String, DrlContent.RuleView> withoutSalience(DrlContent content) {
        Map<String, DrlContent.RuleView> out = new java.util.LinkedHashMap<>();
        content.rules().forEach((name, rule) -> {
            Map<String, String> attributes = new java.util.TreeMap<>(rule.attributes());
            attributes.remove("salience");
            out.put(name, new DrlContent.RuleView(rule.query(), attributes, rule.annotations(), rule.constraints(),
                    rule.otherConditions(), rule.actions()));
        });
        return out;
    }

    /** Rule names by salience (none is 0), highest first, in declaration order where equal: how one file fires. */
    private static List<String> firingOrder(DrlContent content) {
        List<String> names = new ArrayList<>(content.rules().keySet());
        names.sort(java.util.Comparator.comparingInt((String n) -> -Integer.parseInt(content.rules().get(n)
                .attributes().getOrDefault("salience", "0"))));
        return names;
    }

    /** Empty when the two DRLs contain the same; else what differs. */
    static java.util.Optional<String> agree(long seed, String droolsDrl, String ourDrl) {
        DrlContent drools = DrlContent.parse(droolsDrl);
        DrlContent ours = DrlContent.parse(ourDrl);
        List<String> diffs = new ArrayList<>();
        if (!drools.functions().equals(ours.functions())) {
            diffs.add("functions " + drools.functions() + " vs " + ours.functions());
        }
        if (!drools.declarations().equals(ours.declarations())) {
            diffs.add("declarations " + drools.declarations() + " vs " + ours.declarations());
        }
        if (!ours.globals().containsAll(drools.globals())) {
            diffs.add("globals " + drools.globals() + " vs " + ours.globals());
        }
        if (!Vocabulary.IMPORTS.containsAll(drools.imports())) {
            diffs.add("imports " + drools.imports());
        }
        if (!withoutSalience(drools).equals(withoutSalience(ours))) {
            diffs.add("rules\n  drools: " + drools.rules() + "\n  ours:   " + ours.rules());
        } else if (!firingOrder(drools).equals(firingOrder(ours))) {
            diffs.add("firing order\n  drools: " + firingOrder(drools) + "\n  ours:   " + firingOrder(ours));
        }
        return diffs.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of("seed " + seed + ": " + String.join("; ", diffs));
    }
}

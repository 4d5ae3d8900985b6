package io.nbo.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbo.fixtures.SampleRules;
import io.nbo.offer.Offer;
import io.nbo.rules.compile.RuleSource;
import io.nbo.rules.compile.RuleSourceLoader;
import io.nbo.rules.service.RuleEngine;
import io.nbo.rules.validate.DraftChecker;
import io.nbo.rules.validate.DraftReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (its name keeps it out of the normal build): how long a 10,000-row decision table takes to go
 * live together with the sample tables and DRL: vocabulary guard, value checks, lint, Drools compile, the workbooks'
 * tests, and the atomic swap. Run:
 * {@code ./mvnw -B -o test -Dtest=RuleSetSwapBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
class RuleSetSwapBenchmark {

    private static final int ROWS = Integer.getInteger("swap.rows", 10_000);
    private static final int RUNS = 3;

    @Test
    void compileValidateAndSwapATenThousandRowTable() {
        Set<String> offers = SampleRules.catalogue().stream().map(Offer::id).collect(Collectors.toSet());
        List<String> ids = offers.stream().sorted().toList();
        List<RuleSource> sources = new ArrayList<>(new RuleSourceLoader().loadAll(Path.of("decision-tables"),
                Path.of("rules")));
        sources.add(new RuleSource("big.drl.csv", bigTable(ids).getBytes(StandardCharsets.UTF_8)));
        RuleEngine engine = new RuleEngine();
        DraftChecker checker = new DraftChecker();

        for (int run = 1; run <= RUNS; run++) {
            long start = System.nanoTime();
            DraftReport report = checker.check(sources, offers);
            long checked = System.nanoTime();
            engine.activate(report.compiled());
            long swapped = System.nanoTime();

            assertThat(report.errors()).isEmpty();
            assertThat(report.compiled().ruleCount()).isGreaterThan(ROWS);
            Runtime rt = Runtime.getRuntime();
            System.out.printf("run %d: %,d rules, check+compile+tests %d ms, swap %d us, total %d ms, %d warnings, "
                    + "heap used %d MB of max %d MB%n", run, report.compiled().ruleCount(),
                    (checked - start) / 1_000_000, (swapped - checked) / 1_000, (swapped - start) / 1_000_000,
                    report.warnings().size(), (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
        }
    }

    /** 10,000 distinct rows over age bands, categories, consents and touchpoints, each making an offer eligible. */
    static String bigTable(List<String> offers) {
        String[] categories = {"electronics", "coffee", "garden", "fashion", "health-beauty", "wine", "pets",
                "travel"};
        String[] channels = {"email", "sms", "push", "social"};
        String[] touchpoints = {"web", "mobile-app", "email", "call-centre", "in-store"};
        StringBuilder csv = new StringBuilder("""
                RuleSet,nbo.big
                Import,"io.nbo.rules.vocabulary.Customer, io.nbo.rules.vocabulary.Context"
                Variables,io.nbo.rules.vocabulary.Offers offers

                RuleTable Big
                NAME,CONDITION,CONDITION,CONDITION,CONDITION,ACTION
                ,Customer,Customer,Customer,Context,
                ,"age >= $1, age <= $2","likesCategory(""$param"")","consentsTo(""$param"")","touchpoint == ""$param""\","offers.eligible(""$param"");"
                Rule,"Age from, to",Top category,Consents to,Touchpoint,Make eligible
                """);
        for (int i = 0; i < ROWS; i++) {
            int from = 18 + i % 60;
            csv.append("Row ").append(i + 1).append(",\"").append(from).append(", ").append(from)
                    .append("\",").append(categories[(i / 60) % categories.length]).append(',')
                    .append(channels[(i / 480) % channels.length]).append(',')
                    .append(touchpoints[(i / 1920) % touchpoints.length]).append(',')
                    .append(offers.get(i % offers.size())).append('\n');
        }
        return csv.toString();
    }
}

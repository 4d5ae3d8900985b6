package io.nbo.rules.rest;

import io.nbo.rules.compile.RuleSetCompiler;
import io.nbo.rules.compile.RuleSource;
import io.nbo.rules.compile.RuleSourceLoader;
import io.nbo.rules.service.Actor;
import io.nbo.rules.service.RuleEngine;
import io.nbo.rules.service.RuleSetService;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A server whose deployed tables are the repository's plus one naming an offer the catalogue does not have
 * ({@value #STALE}), in a temporary copy of the rule folders it neither watches nor writes to; the default limits.
 */
public class LimitsProfile implements QuarkusTestProfile {

    public static final Path ROOT = Path.of("target", "limits-rules");
    public static final Path TABLES = ROOT.resolve("decision-tables");
    public static final Path DRL = ROOT.resolve("rules");
    public static final String STALE = "stale-offers.drl.csv";
    public static final String STALE_TABLE = """
            RuleSet,nbo.stale
            Import,"io.nbo.rules.vocabulary.Customer, io.nbo.rules.vocabulary.Context"
            Variables,io.nbo.rules.vocabulary.Offers offers

            RuleTable Stale
            NAME,CONDITION,ACTION
            ,Customer,
            ,"likesCategory(""$param"")","offers.eligible(""$param"");"
            Rule,Top category,Make eligible
            Retired garden offer,garden,RETIRED-1
            """;

    static {
        restore();
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("nbo.rules.decision-tables-dir", TABLES.toString(), "nbo.rules.drl-dir", DRL.toString(),
                "nbo.rules.watch", "false", "nbo.rules.write-through", "false");
    }

    /** The deployed files: the repository's and the stale table. */
    public static List<RuleSource> baseline() {
        return new RuleSourceLoader().loadAll(TABLES, DRL);
    }

    public static String baselineVersion() {
        return RuleSetCompiler.versionOf(baseline());
    }

    /** Makes the folders hold the deployed files again, and puts them live (an admin rollback if files cannot). */
    static void backToBaseline(RuleSetService rules, RuleEngine engine) throws Exception {
        restore();
        rules.reloadFromDisk().get(60, TimeUnit.SECONDS);
        if (!engine.live().version().equals(baselineVersion())) {
            rules.rollback(baselineVersion(), new Actor("test-admin", true));
        }
    }

    static synchronized void restore() {
        try {
            copy(Path.of("decision-tables"), TABLES);
            copy(Path.of("rules"), DRL);
            Files.writeString(TABLES.resolve(STALE), STALE_TABLE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> old = Files.list(to)) {
            for (Path file : old.filter(Files::isRegularFile).toList()) {
                Files.delete(file);
            }
        }
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}

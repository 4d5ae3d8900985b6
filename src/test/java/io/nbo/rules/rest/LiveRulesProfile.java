package io.nbo.rules.rest;

import io.nbo.rules.compile.RuleSetCompiler;
import io.nbo.rules.compile.RuleSource;
import io.nbo.rules.compile.RuleSourceLoader;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The server watching a temporary copy of the rule folders (never the repository's), polling every 100 ms and writing
 * uploads and rollbacks through to it.
 */
public class LiveRulesProfile implements QuarkusTestProfile {

    /** A fixed path, so the test and the server (different class loaders) agree on it. */
    public static final Path ROOT = Path.of("target", "live-rules");
    public static final Path TABLES = ROOT.resolve("decision-tables");
    public static final Path DRL = ROOT.resolve("rules");

    public static final String ELECTRONICS = "electronics.drl.csv";
    public static final String FANS_ON_EMAIL = "Electronics fans on email,electronics,email,,,ELEC-10";

    static {
        restore();
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("nbo.rules.decision-tables-dir", TABLES.toString(), "nbo.rules.drl-dir", DRL.toString(),
                "nbo.rules.watch", "true", "nbo.rules.watch-interval", "100ms", "nbo.rules.write-through", "true",
                // Many decisions for one customer in a row: the contact policy's caps would hide the rules' effect.
                "nbo.contact.policy-file", "src/test/resources/policy/no-contact-limits.csv");
    }

    /** Makes the temporary folders hold exactly the repository's rule files again. */
    public static synchronized void restore() {
        copy(Path.of("decision-tables"), TABLES);
        copy(Path.of("rules"), DRL);
    }

    /** The repository's rule files. */
    public static List<RuleSource> baseline() {
        return new RuleSourceLoader().loadAll(Path.of("decision-tables"), Path.of("rules"));
    }

    /** The version the baseline with one file replaced compiles to. */
    public static String versionWith(String name, String text) {
        List<RuleSource> sources = new ArrayList<>(baseline().stream().filter(s -> !s.name().equals(name)).toList());
        sources.add(new RuleSource(name, text.getBytes(StandardCharsets.UTF_8)));
        return RuleSetCompiler.versionOf(sources);
    }

    /** The repository's electronics table with one line replaced. */
    public static String electronics(String line, String replacement) {
        try {
            String text = Files.readString(Path.of("decision-tables", ELECTRONICS));
            if (!text.contains(line)) {
                throw new IllegalArgumentException("no such line: " + line);
            }
            return text.replace(line, replacement);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) {
        try {
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.nbo.profile.rest;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The server on a temporary copy of the rule folders (uploads are written through to it, never to the repository's),
 * with no contact limits, so a table a test uploads decides the next answer.
 */
public class AttributeRulesProfile implements QuarkusTestProfile {

    static final Path ROOT = Path.of("target", "attribute-rules");

    static {
        copy(Path.of("decision-tables"), ROOT.resolve("decision-tables"));
        copy(Path.of("rules"), ROOT.resolve("rules"));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("nbo.rules.decision-tables-dir", ROOT.resolve("decision-tables").toString(),
                "nbo.rules.drl-dir", ROOT.resolve("rules").toString(), "nbo.rules.watch", "false",
                "nbo.rules.write-through", "true",
                "nbo.contact.policy-file", "src/test/resources/policy/no-contact-limits.csv");
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

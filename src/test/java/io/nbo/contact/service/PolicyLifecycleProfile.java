package io.nbo.contact.service;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

/** The server reading a temporary copy of the policy file (never the repository's) and writing changes through to it. */
public class PolicyLifecycleProfile implements QuarkusTestProfile {

    /** A fixed path, so the test and the server (different class loaders) agree on it. */
    public static final Path FOLDER = Path.of("target", "live-policy");
    public static final Path CSV = FOLDER.resolve("contact-policy.csv");
    public static final Path XLSX = FOLDER.resolve("contact-policy.xlsx");
    public static final Path SHIPPED = Path.of("decision-tables", "policy", "contact-policy.csv");

    static {
        restore();
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("nbo.contact.policy-file", CSV.toString(), "nbo.rules.write-through", "true");
    }

    /** Makes the folder hold exactly the repository's policy file again. */
    public static synchronized void restore() {
        try {
            Files.createDirectories(FOLDER);
            try (Stream<Path> old = Files.list(FOLDER)) {
                for (Path file : old.filter(Files::isRegularFile).toList()) {
                    Files.delete(file);
                }
            }
            Files.copy(SHIPPED, CSV, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

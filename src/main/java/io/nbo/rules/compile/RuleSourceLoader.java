package io.nbo.rules.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads rule sources from folders: decision tables and DRL. Skips the lock and backup files spreadsheet programs leave
 * behind while a file is open; a spreadsheet not named {@code *.drl.xlsx} or {@code *.drl.csv} is kept so the compiler
 * can say it would be ignored, rather than silently dropping a marketer's table.
 */
public final class RuleSourceLoader {

    public List<RuleSource> load(List<Path> folders) {
        List<RuleSource> sources = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.sorted().toList()) {
                    if (Files.isRegularFile(file) && relevant(file.getFileName().toString())) {
                        sources.add(new RuleSource(file.getFileName().toString(), Files.readAllBytes(file)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read rule folder " + folder, e);
            }
        }
        return sources;
    }

    static boolean relevant(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith(".") || lower.startsWith("~$") || lower.endsWith("~") || lower.endsWith(".bak")) {
            return false;
        }
        return lower.endsWith(".drl") || lower.endsWith(".xlsx") || lower.endsWith(".xls") || lower.endsWith(".csv");
    }
}

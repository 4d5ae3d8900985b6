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
 * Reads the two rule folders. The marketers' folder ({@code decision-tables/}) holds decision tables only: a DRL file
 * or anything else saved there is refused and reported, never compiled, because whoever can drop a file there is not
 * thereby a developer. DRL comes only from the developers' folder ({@code rules/}), deployed with the code. Every file
 * has a size limit. Lock and backup files that spreadsheet programs leave behind, hidden files and sub-folders (the
 * contact policy lives in one) are not rule files and are passed over.
 */
public final class RuleSourceLoader {

    /** The default size limit of one rule file, as for uploads. */
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

    /** What the folders hold: the sources to check, and the files refused with the reason. */
    public record Loaded(List<RuleSource> sources, List<RuleProblem> refused) {

        public Loaded {
            sources = List.copyOf(sources);
            refused = List.copyOf(refused);
        }
    }

    public Loaded load(Path tables, Path drl, long maxBytes) {
        List<RuleSource> sources = new ArrayList<>();
        List<RuleProblem> refused = new ArrayList<>();
        for (Path file : files(tables)) {
            String name = file.getFileName().toString();
            RuleSource.Kind kind = new RuleSource(name, new byte[0]).kind();
            if (kind == RuleSource.Kind.CSV || kind == RuleSource.Kind.XLSX) {
                read(file, maxBytes, sources, refused);
            } else if (kind == RuleSource.Kind.DRL) {
                refused.add(RuleProblem.error(name, null, null, null, "is DRL, which is developers' code: the "
                        + "decision-tables folder holds spreadsheets only (*.drl.xlsx, *.drl.csv); DRL belongs in the "
                        + "rules folder and is deployed with the server"));
            } else {
                refused.add(RuleProblem.error(name, null, null, null, "is not a rule file: the decision-tables folder "
                        + "holds decision tables named *.drl.xlsx or *.drl.csv only (Drools would silently ignore "
                        + "this file); rename it or move it out"));
            }
        }
        for (Path file : files(drl)) {
            String name = file.getFileName().toString();
            if (new RuleSource(name, new byte[0]).kind() == RuleSource.Kind.DRL) {
                read(file, maxBytes, sources, refused);
            } else if (name.toLowerCase(Locale.ROOT).matches(".*\\.(xlsx|xls|csv)")) {
                refused.add(RuleProblem.error(name, null, null, null, "is a spreadsheet in the rules folder; "
                        + "decision tables belong in the decision-tables folder"));
            }
        }
        return new Loaded(sources, refused);
    }

    /** Both folders with the default size limit; a refused file is an error. */
    public List<RuleSource> loadAll(Path tables, Path drl) {
        Loaded loaded = load(tables, drl, DEFAULT_MAX_BYTES);
        if (!loaded.refused().isEmpty()) {
            throw new RuleSetException(loaded.refused());
        }
        return loaded.sources();
    }

    private static void read(Path file, long maxBytes, List<RuleSource> sources, List<RuleProblem> refused) {
        String name = file.getFileName().toString();
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                refused.add(RuleProblem.error(name, null, null, null, "is " + size + " bytes; a rule file may be "
                        + "at most " + maxBytes + " bytes"));
                return;
            }
            sources.add(new RuleSource(name, Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule file " + file, e);
        }
    }

    private static List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(f -> !ignored(f.getFileName().toString())).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule folder " + folder, e);
        }
    }

    /** Hidden files and what spreadsheet programs and editors leave beside an open or saved file. */
    static boolean ignored(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith(".") || lower.startsWith("~$") || lower.endsWith("~") || lower.endsWith(".bak")
                || lower.endsWith(".tmp");
    }
}

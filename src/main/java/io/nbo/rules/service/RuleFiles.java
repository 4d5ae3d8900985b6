package io.nbo.rules.service;

import io.nbo.config.NboConfig;
import io.nbo.rules.compile.RuleSource;
import io.nbo.rules.compile.RuleSourceLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The two rule folders on disk: marketers' decision tables and developers' DRL. Only files directly in each folder
 * count (sub-folders belong to other features). Writes are atomic (temporary file, then rename), so the watcher and
 * other readers never see half a file.
 */
final class RuleFiles {

    private final Path tables;
    private final Path drl;
    private final long maxBytes;
    private final RuleSourceLoader loader = new RuleSourceLoader();

    RuleFiles(NboConfig config) {
        this.tables = Path.of(config.rules().decisionTablesDir());
        this.drl = Path.of(config.rules().drlDir());
        this.maxBytes = config.rules().maxUploadBytes();
    }

    /** The rule files, and the files refused (DRL or other files among the tables, files over the size limit). */
    RuleSourceLoader.Loaded load() {
        return loader.load(tables, drl, maxBytes);
    }

    List<Path> folders() {
        return List.of(tables, drl);
    }

    /** Name to (size, modified time) of every rule file: cheap to take, changes whenever a file does. */
    Map<String, String> snapshot() {
        Map<String, String> out = new TreeMap<>();
        for (Path folder : folders()) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    try {
                        FileTime modified = Files.getLastModifiedTime(file);
                        out.put(folder.relativize(file) + "@" + folder, Files.size(file) + "/" + modified.toMillis()
                                + "/" + modified.toInstant().getNano());
                    } catch (IOException e) {
                        out.put(file.toString(), "unreadable");
                    }
                }
            } catch (IOException e) {
                out.put(folder.toString(), "unreadable");
            }
        }
        return out;
    }

    /** Makes the folders hold exactly these sources (tables in one, DRL in the other). */
    void writeAll(List<RuleSource> sources) {
        Set<String> keep = sources.stream().map(RuleSource::name).collect(Collectors.toSet());
        for (RuleSource source : sources) {
            write(source);
        }
        for (Path folder : folders()) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String name = file.getFileName().toString();
                    if (!keep.contains(name) && new RuleSource(name, new byte[0]).kind() != RuleSource.Kind.UNSUPPORTED
                            && !name.startsWith(".")) {
                        Files.delete(file);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot tidy rule folder " + folder, e);
            }
        }
    }

    /** Writes one source into its folder, atomically, unless the file already holds exactly these bytes. */
    void write(RuleSource source) {
        Path folder = source.kind() == RuleSource.Kind.DRL ? drl : tables;
        Path target = folder.resolve(source.name());
        try {
            if (Files.isRegularFile(target) && java.util.Arrays.equals(Files.readAllBytes(target), source.bytes())) {
                return;
            }
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder, ".upload-", ".tmp");
            Files.write(temp, source.bytes());
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** The files that differ between the live version and the folders, by name, for the activation log. */
    static String changed(Map<String, RuleSource> live, List<RuleSource> disk) {
        Map<String, RuleSource> now = disk.stream().collect(Collectors.toMap(RuleSource::name, s -> s));
        List<String> changed = new java.util.ArrayList<>();
        now.forEach((name, s) -> {
            RuleSource before = live.get(name);
            if (before == null || !java.util.Arrays.equals(before.bytes(), s.bytes())) {
                changed.add(name);
            }
        });
        live.keySet().stream().filter(n -> !now.containsKey(n)).forEach(n -> changed.add(n + " (removed)"));
        return String.join(", ", changed.stream().sorted().toList());
    }
}

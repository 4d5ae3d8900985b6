package io.nbo.contact.service;

import io.nbo.contact.policy.PolicyTableReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The policy file on disk ({@code nbo.contact.policy-file}). A marketer may send the table as CSV or as a workbook, so
 * the live file is the configured one or the same name with the other spreadsheet extension: an uploaded workbook is
 * written through as {@code contact-policy.xlsx} and the CSV it replaces is removed, so the folder holds exactly the
 * live policy. Writes are atomic (temporary file, then rename).
 */
final class PolicyFiles {

    private static final List<String> EXTENSIONS = List.of(".csv", ".xlsx", ".xls");
    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    private final Path configured;
    private final Path folder;
    private final String stem;

    PolicyFiles(Path configured) {
        this.configured = configured;
        this.folder = configured.toAbsolutePath().getParent();
        String name = configured.getFileName().toString();
        int dot = name.lastIndexOf('.');
        this.stem = dot > 0 ? name.substring(0, dot) : name;
    }

    Path configured() {
        return configured;
    }

    /** The policy file: the configured one, else the same name as a workbook or CSV. */
    Optional<Path> find() {
        if (Files.isRegularFile(configured)) {
            return Optional.of(configured);
        }
        return EXTENSIONS.stream().map(ext -> configured.resolveSibling(stem + ext)).filter(Files::isRegularFile)
                .findFirst();
    }

    byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the contact-policy table " + file, e);
        }
    }

    /** The name a table with these bytes is kept under: the configured name, with .xlsx or .xls for a workbook. */
    String nameFor(byte[] bytes) {
        if (starts(bytes, ZIP)) {
            return stem + ".xlsx";
        }
        if (starts(bytes, OLE2)) {
            return stem + ".xls";
        }
        String name = configured.getFileName().toString();
        return PolicyTableReader.isWorkbook(name) ? stem + ".csv" : name;
    }

    /** Makes the folder hold exactly this policy file, unless it already does. */
    void write(String name, byte[] bytes) {
        Path target = configured.resolveSibling(name);
        try {
            if (!Files.isRegularFile(target) || !Arrays.equals(Files.readAllBytes(target), bytes)) {
                Files.createDirectories(folder);
                Path temp = Files.createTempFile(folder, ".policy-", ".tmp");
                Files.write(temp, bytes);
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            for (String ext : EXTENSIONS) {
                Path other = configured.resolveSibling(stem + ext);
                if (!other.getFileName().toString().equals(name)) {
                    Files.deleteIfExists(other);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    private static boolean starts(byte[] bytes, byte[] magic) {
        return bytes.length >= magic.length && Arrays.equals(Arrays.copyOf(bytes, magic.length), magic);
    }
}

package io.nbo.contact.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Records the database refused for good (a poison record), set aside so they never block the log: one JSON line each
 * ({@code at}, {@code kind}, {@code what}, {@code sqlState}, {@code reason}, {@code record}), forced to disk. The file
 * holds the whole record, so it is personal data like the journal beside it; logs and health only ever give its
 * count, the SQLSTATE and the ids of the decision and offer. An operator who has dealt with the records moves the file
 * away; the count then starts again from zero.
 */
public final class DeadLetterFile {

    private final Path file;
    // Guarded by this: the count of the file as it was when last counted (a health check must not re-read it each time).
    private long countedSize = -1;
    private long counted;

    public DeadLetterFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    /** Appends one refused record. */
    public synchronized void add(String kind, String what, String sqlState, String reason, Object record) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("at", Instant.now().toString());
        line.put("kind", kind);
        line.put("what", what);
        line.put("sqlState", sqlState);
        line.put("reason", reason);
        line.put("record", record);
        byte[] bytes = (ContactRecords.text(line) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dead-letter file " + file.toAbsolutePath() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Records in the file now (zero when there is no file). */
    public synchronized long count() {
        try {
            long size = Files.exists(file) ? Files.size(file) : 0;
            if (size != countedSize) {
                counted = 0;
                if (size > 0) {
                    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
                        counted = lines.filter(l -> !l.isBlank()).count();
                    }
                }
                countedSize = size;
            }
            return counted;
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }
}

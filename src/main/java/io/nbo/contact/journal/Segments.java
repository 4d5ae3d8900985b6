package io.nbo.contact.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Which journal segments exist and how many of their records are not yet in the database. A segment is deleted when it
 * is sealed (no longer appended to) and none of its records is outstanding.
 */
final class Segments {

    private static final Logger LOG = Logger.getLogger(Segments.class);
    private static final Pattern NAME = Pattern.compile("journal-(\\d{20})\\.wal");

    private final Path dir;
    // Guarded by this.
    private final Map<Long, Segment> all = new HashMap<>();

    Segments(Path dir) {
        this.dir = dir;
    }

    /** The segment files in the directory, oldest first. */
    List<Long> existing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> NAME.matcher(f.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(m -> Long.parseLong(m.group(1)))
                    .sorted()
                    .toList();
        }
    }

    Path path(long segment) {
        return dir.resolve(String.format("journal-%020d.wal", segment));
    }

    /** A segment left by an earlier run: sealed, with the records read from it outstanding. */
    synchronized void recovered(long segment, int records) {
        Segment s = new Segment();
        s.sealed = true;
        s.outstanding = records;
        all.put(segment, s);
        deleteIfDone(segment, s);
    }

    synchronized void created(long segment) {
        all.put(segment, new Segment());
    }

    synchronized void appended(long segment, int records) {
        all.get(segment).outstanding += records;
    }

    synchronized void written(long segment, int records) {
        Segment s = all.get(segment);
        if (s == null) {
            return;
        }
        s.outstanding -= records;
        deleteIfDone(segment, s);
    }

    synchronized void seal(long segment) {
        Segment s = all.get(segment);
        if (s != null) {
            s.sealed = true;
            deleteIfDone(segment, s);
        }
    }

    synchronized long outstanding() {
        return all.values().stream().mapToLong(s -> s.outstanding).sum();
    }

    /**
     * Takes the folder's lock: two processes appending to and deleting each other's segments would lose records.
     *
     * @return the locked channel, to {@link #release} on close
     */
    static FileChannel lock(Path dir) throws IOException {
        FileChannel channel = FileChannel.open(dir.resolve("journal.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            if (channel.tryLock() != null) {
                return channel;
            }
        } catch (OverlappingFileLockException e) {
            // held by this process
        }
        channel.close();
        throw new IllegalStateException("the journal in " + dir.toAbsolutePath() + " is in use by another server "
                + "process; give each process its own nbo.journal.dir");
    }

    static void release(FileChannel lock) {
        if (lock != null) {
            try {
                lock.close();
            } catch (IOException e) {
                LOG.debugf("Releasing the journal lock: %s", e.getMessage());
            }
        }
    }

    private void deleteIfDone(long segment, Segment s) {
        if (!s.sealed || s.outstanding > 0) {
            return;
        }
        all.remove(segment);
        try {
            Files.deleteIfExists(path(segment));
        } catch (IOException e) {
            // Harmless: its records are in the database, and writing them again at the next start changes nothing.
            LOG.warnf("Could not delete written journal segment %s: %s", path(segment), e.getMessage());
        }
    }

    private static final class Segment {
        int outstanding;
        boolean sealed;
    }
}

package io.nbo.contact.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jboss.logging.Logger;

/**
 * The segment file the journal appends to, used by the journal's writer thread only. A batch is written whole and
 * forced to disk; a segment past its size is sealed and the next one started (its directory entry forced too). After
 * a failed write the segment is cut back to its last whole batch and sealed, and the next batch starts a new one, so
 * no record is ever appended after a torn one.
 */
final class ActiveSegment {

    private static final Logger LOG = Logger.getLogger(ActiveSegment.class);

    private final Path dir;
    private final long segmentBytes;
    private final Segments segments;
    private FileChannel channel;
    private long active;
    private long size;
    private long next;

    ActiveSegment(Path dir, long segmentBytes, Segments segments, long next) {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        this.segments = segments;
        this.next = next;
    }

    /**
     * Appends the records (already encoded) and forces them to disk.
     *
     * @return the segment now holding them
     */
    long write(ByteBuffer records, int count) throws IOException {
        int bytes = records.remaining();
        if (channel == null || size + bytes > segmentBytes && size > JournalFormat.MAGIC.length) {
            roll();
        }
        long before = size;
        try {
            while (records.hasRemaining()) {
                channel.write(records);
            }
            channel.force(false);
        } catch (IOException e) {
            abandon(before);
            throw e;
        }
        size += bytes;
        segments.appended(active, count);
        return active;
    }

    /** Seals the segment (deleted at once if all of it is written). */
    void close() {
        closeChannel();
        segments.seal(active);
    }

    private void abandon(long wholeSize) {
        try {
            channel.truncate(wholeSize);
        } catch (IOException e) {
            LOG.warnf("Could not cut journal segment %d back to %d bytes: %s", active, wholeSize, e.getMessage());
        }
        close();
    }

    private void roll() throws IOException {
        close();
        active = next++;
        Path file = segments.path(active);
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            ByteBuffer magic = ByteBuffer.wrap(JournalFormat.MAGIC);
            while (magic.hasRemaining()) {
                channel.write(magic);
            }
            channel.force(true);
        } catch (IOException e) {
            closeChannel();
            try {
                Files.deleteIfExists(file);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        size = JournalFormat.MAGIC.length;
        segments.created(active);
        syncDirectory();
    }

    /** Makes the new file's name durable too (its directory entry), so a crash cannot lose a whole segment. */
    private void syncDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            LOG.debugf("Syncing the journal directory is not supported here: %s", e.getMessage());
        }
    }

    private void closeChannel() {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warnf("Closing journal segment %d: %s", active, e.getMessage());
        }
        channel = null;
    }
}

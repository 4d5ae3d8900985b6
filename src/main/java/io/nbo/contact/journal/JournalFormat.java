package io.nbo.contact.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.CRC32C;
import org.jboss.logging.Logger;

/**
 * The bytes of a journal segment: an 8-byte magic ({@code NBOJRN01}), then records of
 * {@code [int payload length][int CRC32C of kind and payload][byte kind][payload]}, big-endian. A record is whole and
 * acknowledged only once its batch was forced to disk, so a crash can only leave a torn or zeroed tail after the last
 * acknowledged record: reading stops at the first record that is short or fails its checksum.
 */
final class JournalFormat {

    static final byte[] MAGIC = "NBOJRN01".getBytes(StandardCharsets.US_ASCII);
    static final int HEADER = 9;
    /** No record is larger (a decision is a few hundred bytes); a larger length is a torn or foreign file. */
    static final int MAX_PAYLOAD = 1 << 24;

    private static final Logger LOG = Logger.getLogger(JournalFormat.class);

    private JournalFormat() {
    }

    /** Appends one record to the buffer (which must have room: {@link #size}). */
    static void put(ByteBuffer buffer, byte kind, byte[] payload) {
        buffer.putInt(payload.length);
        buffer.putInt(crc(kind, payload));
        buffer.put(kind);
        buffer.put(payload);
    }

    static int size(byte[] payload) {
        return HEADER + payload.length;
    }

    /**
     * Reads every whole record of a segment in order.
     *
     * @return the number of records read
     */
    static int read(Path file, long segment, Consumer<Journal.Entry> sink) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE) {
                throw new IOException(file + " is larger than a segment can be");
            }
            ByteBuffer all = ByteBuffer.allocate((int) size);
            while (all.hasRemaining() && channel.read(all) >= 0) {
                // read the whole segment
            }
            all.flip();
            return parse(all, file, segment, sink);
        }
    }

    private static int parse(ByteBuffer all, Path file, long segment, Consumer<Journal.Entry> sink) {
        if (all.remaining() < MAGIC.length) {
            return 0;
        }
        byte[] magic = new byte[MAGIC.length];
        all.get(magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            LOG.errorf("Journal segment %s does not start with the journal's magic bytes; not read", file);
            return 0;
        }
        List<Journal.Entry> entries = new ArrayList<>();
        while (all.remaining() >= HEADER) {
            int start = all.position();
            int length = all.getInt();
            int crc = all.getInt();
            byte kind = all.get();
            if (length < 0 || length > MAX_PAYLOAD || length > all.remaining()) {
                torn(file, start, all.limit());
                break;
            }
            byte[] payload = new byte[length];
            all.get(payload);
            if (crc(kind, payload) != crc) {
                torn(file, start, all.limit());
                break;
            }
            entries.add(new Journal.Entry(segment, kind, payload));
        }
        entries.forEach(sink);
        return entries.size();
    }

    private static void torn(Path file, int offset, int size) {
        // Only a batch that was never forced (so never acknowledged) can be torn; it is ignored.
        LOG.warnf("Journal segment %s: %d bytes from offset %d are not a whole record (a write cut short by a crash);"
                + " ignored, nothing there was acknowledged", file, size - offset, offset);
    }

    private static int crc(byte kind, byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(kind);
        crc.update(payload);
        return (int) crc.getValue();
    }
}

package io.nbo.contact.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write-ahead journal on a real file system: group commit, what a restart reads back, torn tails, segments. */
class JournalTest {

    @TempDir
    Path dir;

    private final List<Journal> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(Journal::close);
    }

    private Journal open(long segmentBytes) {
        Journal journal = Journal.open(dir, segmentBytes, Duration.ofSeconds(5));
        opened.add(journal);
        return journal;
    }

    @Test
    void concurrentAppendsShareSyncsAndEachReturnsOnlyOnceOnDisk() throws Exception {
        Journal journal = open(1 << 24);
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            List<Future<Long>> appends = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                byte[] payload = ("record-" + i).getBytes(StandardCharsets.UTF_8);
                appends.add(callers.submit(() -> journal.append((byte) 'D', payload)));
            }
            for (Future<Long> append : appends) {
                assertThat(append.get()).isEqualTo(1L);
            }
        } finally {
            callers.shutdown();
        }

        assertThat(journal.records()).isEqualTo(2_000);
        // 16 callers at once: while one batch is forced to disk the next ones gather, so syncs are fewer than records.
        assertThat(journal.commits()).isLessThan(2_000).isPositive();
        assertThat(journal.outstanding()).isEqualTo(2_000);
    }

    @Test
    void aRestartReadsBackEveryRecordNotYetWrittenInOrderAndWritesNewOnesToANewSegment() {
        Journal first = open(1 << 24);
        first.append((byte) 'D', bytes("d-1"));
        first.append((byte) 'O', bytes("o-1"));
        long segment = first.append((byte) 'D', bytes("d-2"));
        first.written(segment, 1);
        first.close();

        Journal second = open(1 << 24);
        List<Journal.Entry> recovered = second.recovered();

        assertThat(recovered).extracting(e -> (char) e.kind() + " " + text(e)).containsExactly("D d-1", "O o-1",
                "D d-2");
        assertThat(recovered).extracting(Journal.Entry::segment).containsOnly(1L);
        assertThat(second.recovered()).isEmpty();
        assertThat(second.append((byte) 'D', bytes("d-3"))).isEqualTo(2L);
        assertThat(second.outstanding()).isEqualTo(4);
    }

    @Test
    void aSegmentIsDeletedOnceSealedAndAllItsRecordsAreWritten() throws IOException {
        Journal journal = open(JournalFormat.MAGIC.length + 3 * (JournalFormat.HEADER + 3));
        List<Long> segments = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            segments.add(journal.append((byte) 'D', bytes("r-" + i)));
        }
        assertThat(segments).containsExactly(1L, 1L, 1L, 2L, 2L, 2L, 3L);
        assertThat(segmentFiles()).containsExactly(name(1), name(2), name(3));

        journal.written(1, 3);
        journal.written(2, 2);
        assertThat(segmentFiles()).containsExactly(name(2), name(3));
        journal.written(2, 1);
        journal.written(3, 1);
        // The active segment stays while it is appended to, and goes when the journal closes with nothing left.
        assertThat(segmentFiles()).containsExactly(name(3));
        journal.close();
        assertThat(segmentFiles()).isEmpty();
    }

    @Test
    void aTornTailLeftByACrashIsIgnoredAndTheWholeRecordsBeforeItAreRead() throws IOException {
        Journal first = open(1 << 24);
        first.append((byte) 'D', bytes("d-1"));
        first.append((byte) 'D', bytes("d-2"));
        first.close();
        // A batch cut short: a header announcing 100 bytes and only 4 of them, as a crash mid-write leaves it.
        Files.write(dir.resolve(name(1)), new byte[] {0, 0, 0, 100, 1, 2, 3, 4, 'D', 'x', 'y', 'z', 'w'},
                StandardOpenOption.APPEND);

        Journal second = open(1 << 24);

        assertThat(second.recovered()).extracting(JournalTest::text).containsExactly("d-1", "d-2");
    }

    @Test
    void aRecordWhoseChecksumFailsEndsTheSegment() throws IOException {
        Journal first = open(1 << 24);
        first.append((byte) 'D', bytes("d-1"));
        first.append((byte) 'D', bytes("d-2"));
        first.close();
        byte[] file = Files.readAllBytes(dir.resolve(name(1)));
        file[file.length - 1] ^= 0x55;
        Files.write(dir.resolve(name(1)), file);

        Journal second = open(1 << 24);

        assertThat(second.recovered()).extracting(JournalTest::text).containsExactly("d-1");
    }

    @Test
    void aFailedWriteIsRefusedAndTheNextOneGoesToAFreshSegment() throws IOException {
        // Segment files 1 and 2 cannot be created (a folder has the name): as on a full disk, the writes fail.
        Files.createDirectory(dir.resolve(name(1)));
        Files.createDirectory(dir.resolve(name(2)));
        Journal journal = open(1 << 24);

        assertThatThrownBy(() -> journal.append((byte) 'D', bytes("d-1"))).isInstanceOf(JournalUnavailable.class)
                .hasMessageContaining("writing the journal in ").hasMessageContaining(name(1));
        assertThat(journal.failingSince()).isNotNull();
        assertThatThrownBy(() -> journal.append((byte) 'D', bytes("d-1"))).isInstanceOf(JournalUnavailable.class);

        assertThat(journal.append((byte) 'D', bytes("d-1"))).isEqualTo(3L);
        assertThat(journal.failingSince()).isNull();
        assertThat(journal.failure()).isNull();
    }

    @Test
    void recordsSurviveManySegmentsAndAReopenInTheOrderTheyWereAppended() {
        Journal first = open(256);
        ConcurrentHashMap<String, Long> where = new ConcurrentHashMap<>();
        for (int i = 0; i < 50; i++) {
            where.put("r-" + i, first.append((byte) 'D', bytes("r-" + i)));
        }
        first.written(where.get("r-0"), (int) where.values().stream().filter(s -> s.equals(where.get("r-0"))).count());
        first.close();

        Journal second = open(256);
        List<String> read = second.recovered().stream().map(JournalTest::text).toList();

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            if (!where.get("r-" + i).equals(where.get("r-0"))) {
                expected.add("r-" + i);
            }
        }
        assertThat(read).containsExactlyElementsOf(expected);
    }

    @Test
    void aSecondJournalOnTheSameFolderIsRefusedWhileTheFirstIsOpen() {
        open(1 << 24);

        assertThatThrownBy(() -> open(1 << 24)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the journal in " + dir.toAbsolutePath() + " is in use by another server process; give "
                        + "each process its own nbo.journal.dir");
    }

    private List<String> segmentFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".wal")).sorted().toList();
        }
    }

    private static String name(long segment) {
        return String.format("journal-%020d.wal", segment);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Journal.Entry entry) {
        return new String(entry.payload(), StandardCharsets.UTF_8);
    }
}

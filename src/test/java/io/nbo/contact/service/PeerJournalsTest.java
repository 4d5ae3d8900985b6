package io.nbo.contact.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbo.config.ClusterConfig;
import io.nbo.config.JournalConfig;
import io.nbo.contact.LoggedDecision;
import io.nbo.contact.RecordedOutcome;
import io.nbo.contact.journal.ContactRecords;
import io.nbo.contact.journal.Journal;
import io.nbo.decision.core.policy.ContactEventType;
import io.nbo.offer.Channel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A survivor writes what a dead peer's journal acknowledged to the database, and leaves a living peer's journal alone.
 * Real journals in a temporary folder; the database is a recording {@code LogStore}.
 */
class PeerJournalsTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    @TempDir
    Path peers;

    private final List<LoggedDecision> decisions = new ArrayList<>();
    private final List<RecordedOutcome> outcomes = new ArrayList<>();

    @Test
    void theJournalOfADeadPeerIsWrittenToTheDatabaseAndEmptied() throws IOException {
        Path dead = peers.resolve("node-2");
        LoggedDecision decision = decision("D-1");
        RecordedOutcome outcome = new RecordedOutcome("D-1", "O-1", "C-1", Channel.WEB, ContactEventType.OPENED, AT,
                AT, null, true);
        try (Journal journal = Journal.open(dead, 1 << 20, Duration.ofSeconds(5))) {
            journal.append(ContactRecords.DECISION, ContactRecords.decision(decision));
            journal.append(ContactRecords.OUTCOME, ContactRecords.outcome(outcome, "group"));
        }

        adopter().adoptAll();

        assertThat(decisions).containsExactly(decision);
        assertThat(outcomes).containsExactly(outcome);
        assertThat(segments(dead)).as("written segments are deleted").isEmpty();
        adopter().adoptAll();
        assertThat(decisions).as("nothing is written twice").hasSize(1);
    }

    @Test
    void aLivingPeersJournalAndItsOwnAreLeftAlone() throws IOException {
        Path living = peers.resolve("node-3");
        Path own = peers.resolve("node-1");
        try (Journal journal = Journal.open(living, 1 << 20, Duration.ofSeconds(5))) {
            journal.append(ContactRecords.DECISION, ContactRecords.decision(decision("D-2")));
            try (Journal mine = Journal.open(own, 1 << 20, Duration.ofSeconds(5))) {
                mine.append(ContactRecords.DECISION, ContactRecords.decision(decision("D-3")));
            }

            adopter().adoptAll();

            assertThat(decisions).isEmpty();
            assertThat(segments(living)).hasSize(1);
            assertThat(segments(own)).hasSize(1);
        }
    }

    private PeerJournals adopter() {
        return new PeerJournals(cluster(), journal(peers.resolve("node-1")), (d, o) -> {
            decisions.addAll(d);
            outcomes.addAll(o);
        });
    }

    private static LoggedDecision decision(String id) {
        return new LoggedDecision(id, "C-1", Channel.WEB, AT, "rules-1", "policy-1", false,
                List.of(new LoggedDecision.Made("O-1", "group", Channel.WEB, 1)), "key:it");
    }

    private static List<Path> segments(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".wal")).toList();
        }
    }

    private ClusterConfig cluster() {
        return new ClusterConfig() {
            public boolean enabled() {
                return true;
            }

            public Duration resyncInterval() {
                return Duration.ofSeconds(15);
            }

            public Optional<String> journalPeers() {
                return Optional.of(peers.toString());
            }

            public Duration adoptInterval() {
                return Duration.ofSeconds(5);
            }

            public Duration customerLease() {
                return Duration.ofSeconds(10);
            }

            public Duration customerWait() {
                return Duration.ofSeconds(5);
            }
        };
    }

    private static JournalConfig journal(Path dir) {
        return new JournalConfig() {
            public String dir() {
                return dir.toString();
            }

            public long segmentBytes() {
                return 1 << 20;
            }

            public Duration commitTimeout() {
                return Duration.ofSeconds(5);
            }
        };
    }
}

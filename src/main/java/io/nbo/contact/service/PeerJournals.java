package io.nbo.contact.service;

import io.nbo.config.ClusterConfig;
import io.nbo.config.JournalConfig;
import io.nbo.contact.LoggedDecision;
import io.nbo.contact.RecordedOutcome;
import io.nbo.contact.journal.ContactRecords;
import io.nbo.contact.journal.Journal;
import io.nbo.contact.persistence.LogStore;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * What a dead node acknowledged reaches the database without waiting for that node to come back. Every node's journal
 * folder sits in one parent ({@code nbo.cluster.journal-peers}, storage every node reaches); every
 * {@code nbo.cluster.adopt-interval} a node looks at its peers' folders, and one whose lock is free belongs to a
 * process that is gone (the operating system drops a dead process's file locks, {@code kill -9} included). The survivor
 * takes the lock, writes every record the folder still holds to the database (idempotently: what the dead node had
 * written already stays as it is), lets the journal delete the segments and gives the lock back. When the dead node
 * restarts on its folder it finds nothing left to write.
 *
 * <p>The trade-off, against acknowledging only after a replica or the database holds a record: the answer keeps the
 * latency of one local {@code fdatasync} (group commit) and the database can be away; in exchange the journal folders
 * must be on storage that outlives a node (a shared or network volume; on one machine, a local folder), and a dead
 * node's records reach the database within the interval instead of within milliseconds.
 */
@ApplicationScoped
public class PeerJournals {

    private static final Logger LOG = Logger.getLogger(PeerJournals.class);

    private final ClusterConfig cluster;
    private final JournalConfig journal;
    private final LogStore store;

    public PeerJournals(ClusterConfig cluster, JournalConfig journal, LogStore store) {
        this.cluster = cluster;
        this.journal = journal;
        this.store = store;
    }

    @Scheduled(every = "${nbo.cluster.adopt-interval:5s}", delayed = "${nbo.cluster.adopt-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void adoptAll() {
        if (!cluster.enabled() || cluster.journalPeers().isEmpty()) {
            return;
        }
        Path own = Path.of(journal.dir()).toAbsolutePath().normalize();
        Path peers = Path.of(cluster.journalPeers().get());
        if (!Files.isDirectory(peers)) {
            return;
        }
        try (Stream<Path> folders = Files.list(peers)) {
            folders.map(p -> p.toAbsolutePath().normalize())
                    .filter(p -> !p.equals(own) && Files.isRegularFile(p.resolve("journal.lock")))
                    .forEach(this::adopt);
        } catch (IOException e) {
            LOG.warnf("Cannot look at the peers' journals in %s: %s", cluster.journalPeers().get(), e.getMessage());
        }
    }

    /** Writes what a dead peer's journal holds; does nothing while the peer lives (its lock is held). */
    int adopt(Path folder) {
        Journal dead;
        try {
            dead = Journal.open(folder, journal.segmentBytes(), journal.commitTimeout());
        } catch (IllegalStateException alive) {
            return 0;
        }
        try (dead) {
            List<Journal.Entry> entries = dead.recovered();
            if (entries.isEmpty()) {
                return 0;
            }
            List<LoggedDecision> decisions = new ArrayList<>();
            List<RecordedOutcome> outcomes = new ArrayList<>();
            Map<Long, Integer> bySegment = new TreeMap<>();
            for (Journal.Entry e : entries) {
                if (e.kind() == ContactRecords.DECISION) {
                    decisions.add(ContactRecords.readDecision(e.payload()));
                } else {
                    outcomes.add(ContactRecords.readOutcome(e.payload()).outcome());
                }
                bySegment.merge(e.segment(), 1, Integer::sum);
            }
            store.write(decisions, outcomes);
            bySegment.forEach(dead::written);
            LOG.infof("Journal %s of a node that is gone: %d decisions and %d outcomes written to the database",
                    folder, decisions.size(), outcomes.size());
            return entries.size();
        } catch (RuntimeException e) {
            LOG.warnf("Writing the journal %s of a node that is gone failed (%s); tried again in %s", folder,
                    e.getMessage(), cluster.adoptInterval());
            return 0;
        }
    }
}
